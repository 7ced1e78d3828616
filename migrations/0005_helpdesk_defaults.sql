-- The default ticket workflow, queues, priority matrix, calendars and SLA policies. MSPs edit them;
-- break-fix clients get no default policy: their tickets are best effort, with no clock.
INSERT INTO "ticket_statuses" ("code", "label", "phase", "position", "next") VALUES
  ('new', 'New', 'new', 1, '{open,in_progress,waiting_client,waiting_vendor,resolved,closed}'),
  ('open', 'Open', 'open', 2, '{in_progress,waiting_client,waiting_vendor,resolved,closed}'),
  ('in_progress', 'In progress', 'open', 3, '{open,waiting_client,waiting_vendor,resolved,closed}'),
  ('waiting_client', 'Waiting on client', 'paused', 4, '{open,in_progress,waiting_vendor,resolved,closed}'),
  ('waiting_vendor', 'Waiting on vendor', 'paused', 5, '{open,in_progress,waiting_client,resolved,closed}'),
  ('resolved', 'Resolved', 'resolved', 6, '{open,in_progress,closed}'),
  ('closed', 'Closed', 'closed', 7, '{open}')
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "ticket_queues" ("code", "name", "triage") VALUES
  ('service-desk', 'Service desk', false),
  ('triage', 'Triage', true),
  ('alerts', 'Monitoring alerts', false)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "sla_settings" ("id", "priority_matrix") VALUES
  (1, '{"high":{"high":"P1","medium":"P2","low":"P3"},"medium":{"high":"P2","medium":"P3","low":"P4"},"low":{"high":"P3","medium":"P4","low":"P4"}}')
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "sla_calendars" ("id", "name", "time_zone", "hours", "holidays", "always") VALUES
  ('01900000-0000-7000-8000-000000000001', 'Business hours (Mon–Fri 08:00–18:00)', 'Europe/London',
   '{"mon":[["08:00","18:00"]],"tue":[["08:00","18:00"]],"wed":[["08:00","18:00"]],"thu":[["08:00","18:00"]],"fri":[["08:00","18:00"]]}',
   '{}', false),
  ('01900000-0000-7000-8000-000000000002', 'Around the clock (24×7)', 'UTC', '{}', '{}', true)
ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
INSERT INTO "sla_policies" ("id", "name", "calendar_id", "targets", "warn_percent", "escalation") VALUES
  ('01900000-0000-7000-8000-000000000011', 'Standard (business hours)', '01900000-0000-7000-8000-000000000001',
   '{"P1":{"responseMinutes":30,"resolutionMinutes":240,"updateMinutes":60},"P2":{"responseMinutes":60,"resolutionMinutes":480,"updateMinutes":120},"P3":{"responseMinutes":240,"resolutionMinutes":1440,"updateMinutes":null},"P4":{"responseMinutes":480,"resolutionMinutes":2880,"updateMinutes":null}}',
   75, '{"notifyOnWarning":true,"notifyOnBreach":true,"reassignTo":null,"raisePriority":false}'),
  ('01900000-0000-7000-8000-000000000012', 'Premium (24×7 for P1)', '01900000-0000-7000-8000-000000000002',
   '{"P1":{"responseMinutes":15,"resolutionMinutes":240,"updateMinutes":30},"P2":{"responseMinutes":30,"resolutionMinutes":480,"updateMinutes":60},"P3":{"responseMinutes":120,"resolutionMinutes":1440,"updateMinutes":null},"P4":{"responseMinutes":240,"resolutionMinutes":2880,"updateMinutes":null}}',
   75, '{"notifyOnWarning":true,"notifyOnBreach":true,"reassignTo":null,"raisePriority":true}')
ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
INSERT INTO "sla_kind_defaults" ("kind", "policy_id") VALUES
  ('contract', '01900000-0000-7000-8000-000000000011'),
  ('single_service', '01900000-0000-7000-8000-000000000011'),
  ('subscription', '01900000-0000-7000-8000-000000000011'),
  ('reseller', '01900000-0000-7000-8000-000000000011'),
  ('hybrid', '01900000-0000-7000-8000-000000000011')
ON CONFLICT ("kind") DO NOTHING;
