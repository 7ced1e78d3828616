-- The one billing settings row: invoices read the seller, currency and terms from it; an MSP fills in its own details in settings.
INSERT INTO "billing_settings" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING;
