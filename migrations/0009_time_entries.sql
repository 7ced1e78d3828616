CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"technician_id" uuid NOT NULL,
	"client_id" uuid,
	"ticket_id" uuid,
	"project_ref" text,
	"activity" text,
	"category" text,
	"work_type" text NOT NULL,
	"agreement_hint" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"work_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"outcome_kind" text NOT NULL,
	"rule_code" text NOT NULL,
	"rule_explanation" text NOT NULL,
	"agreement_id" uuid,
	"rate" integer,
	"after_hours" boolean NOT NULL,
	"after_hours_minutes" integer NOT NULL,
	"after_hours_multiplier_milli" integer DEFAULT 1000 NOT NULL,
	"drawn_minutes" integer DEFAULT 0 NOT NULL,
	"drawn_amount" integer DEFAULT 0 NOT NULL,
	"entitlement" jsonb NOT NULL,
	"billable_decided" boolean NOT NULL,
	"billable" boolean NOT NULL,
	"billable_override" boolean,
	"billable_override_reason" text,
	"amount" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"rejection_reason" text,
	"invoice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_span_check" CHECK ("time_entries"."ended_at" > "time_entries"."started_at" and "time_entries"."minutes" > 0),
	CONSTRAINT "time_entries_subject_check" CHECK (num_nonnulls("time_entries"."ticket_id", "time_entries"."project_ref", "time_entries"."activity") = 1),
	CONSTRAINT "time_entries_override_check" CHECK (("time_entries"."billable_override" is null) = ("time_entries"."billable_override_reason" is null)),
	CONSTRAINT "time_entries_invoiced_check" CHECK ("time_entries"."invoice_id" is null or "time_entries"."status" = 'approved')
);
--> statement-breakpoint
CREATE TABLE "time_timers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"client_id" uuid,
	"ticket_id" uuid,
	"project_ref" text,
	"activity" text,
	"category" text,
	"work_type" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_timers_subject_check" CHECK (num_nonnulls("time_timers"."ticket_id", "time_timers"."project_ref", "time_timers"."activity") = 1)
);
--> statement-breakpoint
CREATE INDEX "time_entries_technician_idx" ON "time_entries" USING btree ("technician_id","started_at");--> statement-breakpoint
CREATE INDEX "time_entries_client_idx" ON "time_entries" USING btree ("client_id","started_at");--> statement-breakpoint
CREATE INDEX "time_entries_ticket_idx" ON "time_entries" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "time_entries_updated_idx" ON "time_entries" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "time_entries_invoice_idx" ON "time_entries" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "time_entries_agreement_idx" ON "time_entries" USING btree ("agreement_id","work_date");--> statement-breakpoint
CREATE INDEX "time_entries_billing_idx" ON "time_entries" USING btree ("client_id","started_at") WHERE status = 'approved' and billable and invoice_id is null;--> statement-breakpoint
CREATE INDEX "time_entries_queue_idx" ON "time_entries" USING btree ("started_at","id") WHERE status = 'submitted';