CREATE TABLE "accounting_export_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"xero_account_code" text DEFAULT '200' NOT NULL,
	"xero_tax_types" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"xero_date_format" text DEFAULT 'dd/MM/yyyy' NOT NULL,
	"quick_books_tax_codes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quick_books_date_format" text DEFAULT 'MM/dd/yyyy' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_export_settings_single_check" CHECK ("accounting_export_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "invoice_mailings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"sent_to" text[] NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_mailings_sent_check" CHECK (("invoice_mailings"."status" = 'sent') = ("invoice_mailings"."sent_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "payment_voids" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"allocations" jsonb NOT NULL,
	"unallocated" bigint NOT NULL,
	"voided_by" text,
	"voided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_billing_runs" (
	"slot" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"run_id" uuid,
	"invoices_issued" integer DEFAULT 0 NOT NULL,
	"error" text,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_billing_runs_period_check" CHECK ("scheduled_billing_runs"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "invoice_mailings" ADD CONSTRAINT "invoice_mailings_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_voids" ADD CONSTRAINT "payment_voids_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_mailings_invoice_idx" ON "invoice_mailings" USING btree ("invoice_id","requested_at");--> statement-breakpoint
CREATE INDEX "scheduled_billing_runs_period_idx" ON "scheduled_billing_runs" USING btree ("period");