CREATE TABLE "billing_charges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"charged_on" date NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" text,
	"unit_price" bigint NOT NULL,
	"taxable" boolean DEFAULT true NOT NULL,
	"product_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_charges_quantity_check" CHECK ("billing_charges"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"client_id" uuid,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"trigger" text NOT NULL,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"clients_total" integer DEFAULT 0 NOT NULL,
	"clients_done" integer DEFAULT 0 NOT NULL,
	"invoices_created" integer DEFAULT 0 NOT NULL,
	"invoices_updated" integer DEFAULT 0 NOT NULL,
	"clients_skipped" integer DEFAULT 0 NOT NULL,
	"lines_added" integer DEFAULT 0 NOT NULL,
	"amount_added" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_runs_period_check" CHECK ("billing_runs"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "billing_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"seller_name" text DEFAULT '' NOT NULL,
	"seller_address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seller_tax_id" text,
	"seller_email" text,
	"seller_phone" text,
	"payment_instructions" text,
	"locale" text DEFAULT 'en-US' NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"default_payment_terms_days" integer DEFAULT 30 NOT NULL,
	"review_months" integer DEFAULT 12 NOT NULL,
	"reminder_first_after_days" integer DEFAULT 7 NOT NULL,
	"reminder_repeat_every_days" integer DEFAULT 14 NOT NULL,
	"reminder_max" integer DEFAULT 3,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"schedule_enabled" boolean DEFAULT false NOT NULL,
	"schedule_day" integer DEFAULT 1 NOT NULL,
	"schedule_time" text DEFAULT '06:00' NOT NULL,
	"schedule_time_zone" text DEFAULT 'UTC' NOT NULL,
	"schedule_work_at_period_end" boolean DEFAULT true NOT NULL,
	"schedule_auto_issue" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_settings_single_check" CHECK ("billing_settings"."id" = 1),
	CONSTRAINT "billing_settings_days_check" CHECK ("billing_settings"."default_payment_terms_days" >= 0 and "billing_settings"."review_months" >= 0 and "billing_settings"."schedule_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"invoice_status" text NOT NULL,
	"client_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"agreement_id" uuid,
	"agreement_line_id" text,
	"time_entry_id" uuid,
	"charge_id" uuid,
	"credits_line_id" uuid,
	"cycle_from" date,
	"cycle_to" date,
	"from_date" date,
	"to_date" date,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" text,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"line_discount" bigint DEFAULT 0 NOT NULL,
	"invoice_discount" bigint DEFAULT 0 NOT NULL,
	"net" bigint NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"gross" bigint NOT NULL,
	"taxable" boolean DEFAULT true NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_lines_discount_check" CHECK (("invoice_lines"."discount_kind" is null) = ("invoice_lines"."discount_value" is null) and coalesce("invoice_lines"."discount_value", 0) >= 0),
	CONSTRAINT "invoice_lines_dates_check" CHECK ("invoice_lines"."from_date" is null or "invoice_lines"."to_date" is null or "invoice_lines"."to_date" >= "invoice_lines"."from_date"),
	CONSTRAINT "invoice_lines_credit_check" CHECK (("invoice_lines"."kind" = 'credit') = ("invoice_lines"."credits_line_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoice_number_counters" (
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"last_sequence" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_number_counters_year_kind_pk" PRIMARY KEY("year","kind"),
	CONSTRAINT "invoice_number_counters_check" CHECK ("invoice_number_counters"."last_sequence" between 0 and 999999)
);
--> statement-breakpoint
CREATE TABLE "invoice_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_to" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_reminders_level_check" CHECK ("invoice_reminders"."level" >= 1)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"period" text NOT NULL,
	"number" text,
	"number_year" integer,
	"number_sequence" integer,
	"credited_invoice_id" uuid,
	"issue_date" date,
	"due_date" date,
	"payment_terms_days" integer NOT NULL,
	"currency" text NOT NULL,
	"tax_rate_bp" integer DEFAULT 0 NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"subtotal" bigint DEFAULT 0 NOT NULL,
	"discount_total" bigint DEFAULT 0 NOT NULL,
	"net_total" bigint DEFAULT 0 NOT NULL,
	"tax_total" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"amount_credited" bigint DEFAULT 0 NOT NULL,
	"buyer" jsonb NOT NULL,
	"seller" jsonb,
	"reference" text,
	"notes" text DEFAULT '' NOT NULL,
	"billing_run_id" uuid,
	"issued_at" timestamp with time zone,
	"issued_by" text,
	"settled_on" date,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_id_status_key" UNIQUE("id","status"),
	CONSTRAINT "invoices_period_check" CHECK ("invoices"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "invoices_credit_note_check" CHECK (("invoices"."kind" = 'credit_note') = ("invoices"."credited_invoice_id" is not null)),
	CONSTRAINT "invoices_number_check" CHECK (("invoices"."status" = 'draft' and "invoices"."number" is null) or ("invoices"."status" in ('issued', 'partially_paid', 'paid') and "invoices"."number" is not null and "invoices"."issue_date" is not null) or "invoices"."status" = 'void'),
	CONSTRAINT "invoices_discount_check" CHECK (("invoices"."discount_kind" is null) = ("invoices"."discount_value" is null) and coalesce("invoices"."discount_value", 0) >= 0),
	CONSTRAINT "invoices_settlement_check" CHECK ("invoices"."amount_paid" >= 0 and "invoices"."amount_credited" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid,
	"credit_note_id" uuid,
	"invoice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"applied_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_allocations_amount_check" CHECK ("payment_allocations"."amount" > 0),
	CONSTRAINT "payment_allocations_source_check" CHECK (num_nonnulls("payment_allocations"."payment_id", "payment_allocations"."credit_note_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"method" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"unallocated" bigint NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_unallocated_check" CHECK ("payments"."unallocated" between 0 and "payments"."amount")
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("invoice_id","invoice_status") REFERENCES "public"."invoices"("id","status") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_credits_line_fk" FOREIGN KEY ("credits_line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_fk" FOREIGN KEY ("credited_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_credit_note_id_invoices_id_fk" FOREIGN KEY ("credit_note_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_charges_client_idx" ON "billing_charges" USING btree ("client_id","charged_on");--> statement-breakpoint
CREATE INDEX "billing_runs_period_idx" ON "billing_runs" USING btree ("period","started_at");--> statement-breakpoint
CREATE INDEX "billing_runs_updated_idx" ON "billing_runs" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_key_standing_key" ON "invoice_lines" USING btree ("key") WHERE "invoice_lines"."invoice_status" <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_key" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoice_lines_agreement_idx" ON "invoice_lines" USING btree ("agreement_id","cycle_from") WHERE "invoice_lines"."agreement_id" is not null and "invoice_lines"."invoice_status" <> 'void';--> statement-breakpoint
CREATE INDEX "invoice_lines_client_idx" ON "invoice_lines" USING btree ("client_id","kind");--> statement-breakpoint
CREATE INDEX "invoice_lines_entry_idx" ON "invoice_lines" USING btree ("time_entry_id") WHERE "invoice_lines"."time_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "invoice_lines_credits_idx" ON "invoice_lines" USING btree ("credits_line_id") WHERE "invoice_lines"."credits_line_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_reminders_level_key" ON "invoice_reminders" USING btree ("invoice_id","level");--> statement-breakpoint
CREATE INDEX "invoice_reminders_client_idx" ON "invoice_reminders" USING btree ("client_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_client_period_key" ON "invoices" USING btree ("client_id","period") WHERE "invoices"."kind" = 'invoice' and "invoices"."status" <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_sequence_key" ON "invoices" USING btree ("kind","number_year","number_sequence");--> statement-breakpoint
CREATE INDEX "invoices_client_idx" ON "invoices" USING btree ("client_id","period","id");--> statement-breakpoint
CREATE INDEX "invoices_period_idx" ON "invoices" USING btree ("period","id");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "invoices_updated_idx" ON "invoices" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "invoices_credited_idx" ON "invoices" USING btree ("credited_invoice_id") WHERE "invoices"."credited_invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "invoices_run_idx" ON "invoices" USING btree ("billing_run_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_client_idx" ON "payment_allocations" USING btree ("client_id","applied_on");--> statement-breakpoint
CREATE INDEX "payments_client_idx" ON "payments" USING btree ("client_id","received_on");--> statement-breakpoint
CREATE INDEX "payments_updated_idx" ON "payments" USING btree ("updated_at","id");