CREATE TABLE "sla_calendars" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"holidays" text[] DEFAULT '{}' NOT NULL,
	"always" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_calendars_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sla_kind_defaults" (
	"kind" text PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"calendar_id" uuid NOT NULL,
	"targets" jsonb NOT NULL,
	"pause_statuses" text[] DEFAULT '{waiting_client,waiting_vendor}' NOT NULL,
	"warn_percent" integer DEFAULT 75 NOT NULL,
	"escalation" jsonb NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sla_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"priority_matrix" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csat_surveys" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"technician_id" uuid,
	"token_hash" text NOT NULL,
	"rating" integer,
	"comment" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"root_cause" text DEFAULT '' NOT NULL,
	"workaround" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_notices" (
	"ticket_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"notice" text NOT NULL,
	"occurrence" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_notices_ticket_id_clock_notice_occurrence_pk" PRIMARY KEY("ticket_id","clock","notice","occurrence")
);
--> statement-breakpoint
CREATE TABLE "ticket_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"message_id" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_contact_id" uuid,
	"by_staff" boolean NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"public" boolean NOT NULL,
	"by_staff" boolean NOT NULL,
	"author_user_id" uuid,
	"author_contact_id" uuid,
	"from_address" text,
	"body" text NOT NULL,
	"channel" text NOT NULL,
	"email_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_queues" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"triage" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_statuses" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"phase" text NOT NULL,
	"position" integer NOT NULL,
	"next" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "tickets_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"client_id" uuid,
	"contact_id" uuid,
	"site_id" uuid,
	"asset_id" uuid,
	"requester_email" text,
	"source" text NOT NULL,
	"type" text NOT NULL,
	"category" text,
	"impact" text NOT NULL,
	"urgency" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"queue" text NOT NULL,
	"assignee_id" uuid,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"subject" text NOT NULL,
	"problem_id" uuid,
	"sla_policy_id" uuid,
	"entitlement" jsonb,
	"response_due_at" timestamp with time zone,
	"response_met_at" timestamp with time zone,
	"response_breached_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"resolution_met_at" timestamp with time zone,
	"resolution_breached_at" timestamp with time zone,
	"update_due_at" timestamp with time zone,
	"next_deadline_at" timestamp with time zone,
	"next_notice_at" timestamp with time zone,
	"sla_paused" boolean DEFAULT false NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "sla_kind_defaults" ADD CONSTRAINT "sla_kind_defaults_policy_id_sla_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_sla_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sla_calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_notices" ADD CONSTRAINT "sla_notices_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_message_id_ticket_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "csat_token_idx" ON "csat_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "csat_client_idx" ON "csat_surveys" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_messages_email_idx" ON "ticket_messages" USING btree ("email_message_id");--> statement-breakpoint
CREATE INDEX "tickets_queue_idx" ON "tickets" USING btree ("next_deadline_at","number") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "tickets_assignee_queue_idx" ON "tickets" USING btree ("assignee_id","next_deadline_at","number") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "tickets_notice_idx" ON "tickets" USING btree ("next_notice_at") WHERE next_notice_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_client_idx" ON "tickets" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_updated_idx" ON "tickets" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "tickets_problem_idx" ON "tickets" USING btree ("problem_id");