CREATE TABLE "agreement_amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"reverses" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"service_id" uuid,
	"plan_id" uuid,
	"product_id" uuid,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" integer NOT NULL,
	"unit" text NOT NULL,
	"quantity_source" text DEFAULT 'entered' NOT NULL,
	"recurring" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"signed_by" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"minimum_term_months" integer DEFAULT 12 NOT NULL,
	"auto_renew" boolean DEFAULT true NOT NULL,
	"renewal_term_months" integer DEFAULT 12 NOT NULL,
	"notice_days" integer DEFAULT 30 NOT NULL,
	"billing_cycle" text DEFAULT 'monthly' NOT NULL,
	"billing_timing" text DEFAULT 'advance' NOT NULL,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"covered_categories" text[] DEFAULT '{}' NOT NULL,
	"covered_work_types" text[] DEFAULT '{}' NOT NULL,
	"exclusions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"out_of_scope_rate" integer,
	"after_hours_percent" integer DEFAULT 150 NOT NULL,
	"block_minutes_per_period" integer,
	"block_rollover" boolean DEFAULT false NOT NULL,
	"block_overage_rate" integer,
	"retainer_amount" integer,
	"sla_policy_id" uuid,
	"compliance_frameworks" text[] DEFAULT '{}' NOT NULL,
	"termination_notice_days" integer DEFAULT 30 NOT NULL,
	"early_termination_fee" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_policy" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"minimum_term_months" integer DEFAULT 12 NOT NULL,
	"minimum_monthly_value" integer DEFAULT 200000 NOT NULL,
	"required_categories" text[] DEFAULT '{monitoring,patching,backup,helpdesk,security}' NOT NULL,
	"sla_required" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour_cost_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"hourly_cost" integer NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_services" (
	"plan_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "plan_services_plan_id_service_id_pk" PRIMARY KEY("plan_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"price" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sku" text,
	"vendor" text DEFAULT '' NOT NULL,
	"category_code" text DEFAULT 'licences' NOT NULL,
	"unit" text NOT NULL,
	"cost" integer DEFAULT 0 NOT NULL,
	"price" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"price" integer DEFAULT 0 NOT NULL,
	"cost" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"billable" boolean DEFAULT true NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"default_rate" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_amendments" ADD CONSTRAINT "agreement_amendments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_events" ADD CONSTRAINT "agreement_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD CONSTRAINT "agreement_lines_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_services" ADD CONSTRAINT "plan_services_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_services" ADD CONSTRAINT "plan_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_code_service_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."service_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_category_code_service_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."service_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_amendments_agreement_idx" ON "agreement_amendments" USING btree ("agreement_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_amendments_reverses_key" ON "agreement_amendments" USING btree ("reverses") WHERE "agreement_amendments"."reverses" is not null;--> statement-breakpoint
CREATE INDEX "agreement_events_agreement_idx" ON "agreement_events" USING btree ("agreement_id","on");--> statement-breakpoint
CREATE INDEX "agreement_lines_agreement_idx" ON "agreement_lines" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "agreements_client_idx" ON "agreements" USING btree ("client_id","status");--> statement-breakpoint
CREATE INDEX "agreements_updated_idx" ON "agreements" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_cost_rates_user_from_key" ON "labour_cost_rates" USING btree ("user_id","effective_from");--> statement-breakpoint
CREATE INDEX "labour_cost_rates_user_idx" ON "labour_cost_rates" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_name_key" ON "plans" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "products_name_key" ON "products" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "services_name_key" ON "services" USING btree (lower("name"));