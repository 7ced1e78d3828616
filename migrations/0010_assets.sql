CREATE TABLE "asset_identities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "asset_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"filename" text,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_row" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "asset_managed_spans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "asset_managed_spans_order" CHECK ("asset_managed_spans"."ended_at" is null or "asset_managed_spans"."ended_at" >= "asset_managed_spans"."started_at")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"site_id" uuid,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"hostname" text,
	"address" text,
	"os" text,
	"serial_number" text,
	"manufacturer" text,
	"model" text,
	"purchase_date" date,
	"warranty_end" date,
	"managed" boolean DEFAULT false NOT NULL,
	"owner_contact_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "assets_warranty_after_purchase" CHECK ("assets"."warranty_end" is null or "assets"."purchase_date" is null or "assets"."warranty_end" >= "assets"."purchase_date")
);
--> statement-breakpoint
ALTER TABLE "asset_identities" ADD CONSTRAINT "asset_identities_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_managed_spans" ADD CONSTRAINT "asset_managed_spans_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_identities_live_key" ON "asset_identities" USING btree ("key",lower("value")) WHERE "asset_identities"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "asset_identities_asset_idx" ON "asset_identities" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "asset_imports_created_idx" ON "asset_imports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_managed_spans_open_key" ON "asset_managed_spans" USING btree ("asset_id") WHERE "asset_managed_spans"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "asset_managed_spans_client_idx" ON "asset_managed_spans" USING btree ("client_id","started_at");--> statement-breakpoint
CREATE INDEX "assets_client_idx" ON "assets" USING btree ("client_id","name","id");--> statement-breakpoint
CREATE INDEX "assets_name_idx" ON "assets" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "assets_updated_idx" ON "assets" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_client_serial_key" ON "assets" USING btree ("client_id",lower("serial_number")) WHERE "assets"."archived_at" is null and "assets"."serial_number" is not null;--> statement-breakpoint
CREATE INDEX "assets_hostname_idx" ON "assets" USING btree (lower("hostname")) WHERE "assets"."archived_at" is null and "assets"."hostname" is not null;--> statement-breakpoint
CREATE INDEX "assets_address_idx" ON "assets" USING btree (lower("address")) WHERE "assets"."archived_at" is null and "assets"."address" is not null;