import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Where Keel posts events: one row per receiving URL, with the secret that signs its requests. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: idColumn(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Subscribed patterns: event types, `<category>.*` or `*`. */
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    /** Kept in clear: signing needs the secret itself, not a hash. Never returned after creation. */
    secret: text('secret').notNull(),
    /** After a rotation that keeps the old secret for a while, requests carry both signatures. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: instant('previous_secret_expires_at'),
    secretRotatedAt: instant('secret_rotated_at'),
    ...timestamps(),
  },
  (t) => [index('webhook_endpoints_updated_idx').on(t.updatedAt)],
);

/** One published event, shared by its deliveries: the `data` every endpoint receives. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: idColumn(),
    type: text('type').notNull(),
    /** The client the event concerns, when there is one. */
    clientId: uuid('client_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_events_created_idx').on(t.createdAt)],
);

export const deliveryStatuses = ['pending', 'sending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One event to one endpoint: its state, and what the last request got back. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: idColumn(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull().default('pending'),
    /** Requests made so far, over every redelivery. */
    attempts: integer('attempts').notNull().default(0),
    /** Attempts allowed before giving up; a redelivery grants a fresh allowance. */
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: instant('next_attempt_at'),
    /** While `sending`: when a worker that died mid-request is presumed gone. */
    lockedUntil: instant('locked_until'),
    lastAttemptAt: instant('last_attempt_at'),
    completedAt: instant('completed_at'),
    lastError: text('last_error'),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    durationMs: integer('duration_ms'),
    ...timestamps(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    index('webhook_deliveries_event_idx').on(t.eventId),
    index('webhook_deliveries_due_idx')
      .on(t.status, t.nextAttemptAt)
      .where(sql`status in ('pending', 'sending')`),
  ],
);
