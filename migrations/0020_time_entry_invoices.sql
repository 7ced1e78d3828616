CREATE TABLE "time_entry_invoices" (
	"time_entry_id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"invoice_id" uuid
);
--> statement-breakpoint
ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_invoiced_check";--> statement-breakpoint
DROP INDEX "time_entries_invoice_idx";--> statement-breakpoint
DROP INDEX "time_entries_billing_idx";--> statement-breakpoint
ALTER TABLE "time_entry_invoices" ADD CONSTRAINT "time_entry_invoices_time_entry_id_time_entries_id_fk" FOREIGN KEY ("time_entry_id") REFERENCES "public"."time_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_entry_invoices_waiting_idx" ON "time_entry_invoices" USING btree ("client_id","started_at") WHERE invoice_id is null;--> statement-breakpoint
-- Approved work that bills or draws, with the invoice it is on, moves to the narrow table.
INSERT INTO "time_entry_invoices" ("time_entry_id", "client_id", "started_at", "invoice_id")
SELECT "id", "client_id", "started_at", "invoice_id" FROM "time_entries"
WHERE "status" = 'approved' AND "client_id" IS NOT NULL
  AND ("billable" OR "drawn_minutes" > 0 OR "drawn_amount" > 0 OR "invoice_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "time_entries" DROP COLUMN "invoice_id";