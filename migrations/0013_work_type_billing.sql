ALTER TABLE "work_types" ADD COLUMN "increment_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "work_types" ADD COLUMN "minimum_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "work_types" ADD CONSTRAINT "work_types_billing_minutes_check" CHECK ("work_types"."increment_minutes" between 0 and 1440 and "work_types"."minimum_minutes" between 0 and 1440);--> statement-breakpoint
-- Rounding and minimum charge for the built-in work types: a quarter hour everywhere, and a visit or a call-out bills at least an hour.
UPDATE "work_types" SET "increment_minutes" = 15 WHERE "code" IN ('remote', 'onsite', 'project', 'after-hours');--> statement-breakpoint
UPDATE "work_types" SET "minimum_minutes" = 60 WHERE "code" IN ('onsite', 'after-hours');
