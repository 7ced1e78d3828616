ALTER TABLE "alert_events" DROP CONSTRAINT "alert_events_alert_id_alerts_id_fk";
--> statement-breakpoint
DROP INDEX "alerts_last_seen_idx";--> statement-breakpoint
DROP INDEX "alerts_updated_idx";--> statement-breakpoint
DROP INDEX "alerts_client_idx";--> statement-breakpoint
DROP INDEX "alerts_triage_idx";--> statement-breakpoint
CREATE INDEX "alerts_client_idx" ON "alerts" USING btree ("client_id","id");--> statement-breakpoint
CREATE INDEX "alerts_triage_idx" ON "alerts" USING btree ("id") WHERE client_id is null;--> statement-breakpoint
-- Room on every page for a repeat's new row version, so it stays a heap-only update.
ALTER TABLE "alerts" SET (fillfactor = 70);
