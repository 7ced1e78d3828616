DROP INDEX "invoice_lines_invoice_idx";--> statement-breakpoint
DROP INDEX "invoice_lines_client_idx";--> statement-breakpoint
DROP INDEX "invoice_lines_entry_idx";--> statement-breakpoint
CREATE INDEX "invoice_lines_client_charges_idx" ON "invoice_lines" USING btree ("client_id") WHERE "invoice_lines"."kind" in ('recurring', 'adjustment', 'one_off');