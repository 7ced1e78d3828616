-- The built-in service categories and a starting set of work types; MSPs edit rates and add their own.
INSERT INTO "service_categories" ("code", "name", "built_in") VALUES
  ('monitoring', 'Monitoring', true),
  ('patching', 'Patching', true),
  ('backup', 'Backup', true),
  ('helpdesk', 'Helpdesk', true),
  ('security', 'Security', true),
  ('email', 'Email & Microsoft 365', true),
  ('network', 'Network', true),
  ('vcio', 'vCIO & strategy', true),
  ('licences', 'Licences', true)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_types" ("code", "name", "billable", "internal", "default_rate") VALUES
  ('remote', 'Remote support', true, false, 9500),
  ('onsite', 'On-site support', true, false, 12000),
  ('project', 'Project work', true, false, 11000),
  ('after-hours', 'After-hours emergency', true, false, 15000),
  ('internal', 'Internal / admin', false, true, 0)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "classification_policy" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING;
