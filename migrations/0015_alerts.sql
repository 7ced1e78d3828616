CREATE TABLE "alert_actions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"alert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"outcome" text,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid,
	"integration" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"severity" text,
	"summary" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"client_id" uuid,
	"asset_id" uuid,
	"outcome" text NOT NULL,
	"silenced_by" text,
	"labels" jsonb NOT NULL,
	"identity" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_mapping_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"asset_id" uuid,
	"matchers" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"rules" jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"note_every_minutes" integer NOT NULL,
	"outage_severity" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_settings_one_row" CHECK ("alert_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "alert_tickets" (
	"alert_id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid,
	"priority" text NOT NULL,
	"rule_id" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_tickets_ticket_id_unique" UNIQUE("ticket_id")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"integration" text NOT NULL,
	"source" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"client_id" uuid,
	"asset_id" uuid,
	"mapping_reason" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"summary" text,
	"description" text,
	"url" text,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"identity" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"count" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"firing_since" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"acknowledged" boolean DEFAULT false NOT NULL,
	"silenced_by" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flapping" jsonb,
	"last_noted_at" timestamp with time zone,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "availability_breaches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"service" text NOT NULL,
	"month" text NOT NULL,
	"target_milli_percent" integer NOT NULL,
	"availability_milli_percent" integer NOT NULL,
	"downtime_ms" bigint NOT NULL,
	"allowed_downtime_ms" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"asset_id" uuid,
	"name" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_actions" ADD CONSTRAINT "alert_actions_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_tickets" ADD CONSTRAINT "alert_tickets_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_actions_pending_idx" ON "alert_actions" USING btree ("alert_id","id") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "alert_events_alert_idx" ON "alert_events" USING btree ("alert_id","occurred_at");--> statement-breakpoint
CREATE INDEX "alert_events_client_idx" ON "alert_events" USING btree ("client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "alert_mapping_rules_client_idx" ON "alert_mapping_rules" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "alert_tickets_state_idx" ON "alert_tickets" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_live_fingerprint_key" ON "alerts" USING btree ("integration","fingerprint") WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_fingerprint_idx" ON "alerts" USING btree ("integration","fingerprint","first_seen");--> statement-breakpoint
CREATE INDEX "alerts_last_seen_idx" ON "alerts" USING btree ("last_seen","id");--> statement-breakpoint
CREATE INDEX "alerts_client_idx" ON "alerts" USING btree ("client_id","last_seen");--> statement-breakpoint
CREATE INDEX "alerts_triage_idx" ON "alerts" USING btree ("last_seen") WHERE client_id is null;--> statement-breakpoint
CREATE INDEX "alerts_flapping_idx" ON "alerts" USING btree ("id") WHERE flapping is not null;--> statement-breakpoint
CREATE INDEX "alerts_updated_idx" ON "alerts" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "availability_breaches_key" ON "availability_breaches" USING btree ("client_id","service","month");--> statement-breakpoint
CREATE INDEX "maintenance_windows_client_idx" ON "maintenance_windows" USING btree ("client_id");