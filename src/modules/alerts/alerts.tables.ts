import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AlertRule,
  LifecyclePolicy,
  MaintenanceSchedule,
  Matcher,
} from '../../domain/monitoring/index.js';
import { idColumn, timestamps } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One alert: a fingerprint's firing episode, from its first firing to its recovery (recurrences
 * within the reopen window carry on the same alert). `integration` scopes the fingerprint: two
 * Alertmanagers can send the same label set for two different clients.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: idColumn(),
    /** The receiver and, when given, the integration name the tool posted to (`alertmanager`, `zabbix:eu`). */
    integration: text('integration').notNull(),
    source: text('source', { enum: ['alertmanager', 'uptime-kuma', 'zabbix', 'events'] }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ['open', 'silenced', 'resolved'] }).notNull(),
    /** Null while in triage. */
    clientId: uuid('client_id'),
    assetId: uuid('asset_id'),
    mappingReason: text('mapping_reason').notNull().default(''),
    severity: text('severity', { enum: ['critical', 'high', 'warning', 'info'] }).notNull(),
    summary: text('summary'),
    description: text('description'),
    url: text('url'),
    labels: jsonb('labels').$type<Record<string, string>>().notNull().default({}),
    identity: jsonb('identity').$type<Record<string, string>>().notNull().default({}),
    /** Firing notifications received: the first, repeats and recurrences. */
    count: integer('count').notNull(),
    firstSeen: instant('first_seen').notNull(),
    lastSeen: instant('last_seen').notNull(),
    firingSince: instant('firing_since').notNull(),
    resolvedAt: instant('resolved_at'),
    acknowledged: boolean('acknowledged').notNull().default(false),
    silencedBy: text('silenced_by'),
    /** Recent state changes (epoch ms, the tool's clock) for flap detection. */
    changes: jsonb('changes').$type<number[]>().notNull().default([]),
    flapping: jsonb('flapping').$type<{ since: number; lastState: 'firing' | 'resolved' } | null>(),
    /** When a repeat was last added to the ticket as a note: repeats are noted at most every few minutes. */
    lastNotedAt: instant('last_noted_at'),
    /** The last decision's reasons, for the alert's page. */
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [
    // The dedup guarantee: at most one live (open or silenced) alert per fingerprint and integration,
    // whatever process writes it.
    uniqueIndex('alerts_live_fingerprint_key')
      .on(t.integration, t.fingerprint)
      .where(sql`status <> 'resolved'`),
    index('alerts_fingerprint_idx').on(t.integration, t.fingerprint, t.firstSeen),
    // No index holds a column a repeat changes (count, last seen, updated at): a repeat is then a
    // heap-only update (the table keeps free room on each page for it), not one write per index.
    // Lists page newest first by id, which is time-ordered.
    index('alerts_client_idx').on(t.clientId, t.id),
    index('alerts_triage_idx').on(t.id).where(sql`client_id is null`),
    index('alerts_flapping_idx').on(t.id).where(sql`flapping is not null`),
  ],
);

/**
 * Every event as received, normalized: the durable record intake acknowledges, and what
 * availability reads outages from. An event that changed nothing (a stale copy) is kept too.
 */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: idColumn(),
    // Written with its alert in one transaction by intake; no foreign key, whose check would lock
    // the alert's row once per event.
    alertId: uuid('alert_id'),
    integration: text('integration').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ['firing', 'resolved', 'acknowledged'] }).notNull(),
    severity: text('severity'),
    summary: text('summary'),
    /** When the state began by the tool's clock; the receipt time when it gave none. */
    occurredAt: instant('occurred_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    clientId: uuid('client_id'),
    assetId: uuid('asset_id'),
    outcome: text('outcome').notNull(),
    silencedBy: text('silenced_by'),
    labels: jsonb('labels').$type<Record<string, string>>().notNull(),
    identity: jsonb('identity').$type<Record<string, string>>().notNull(),
  },
  (t) => [
    index('alert_events_alert_idx').on(t.alertId, t.occurredAt),
    index('alert_events_client_idx').on(t.clientId, t.occurredAt),
  ],
);

/**
 * The ticket an alert asked for. Written by intake as `pending` when the rules call for a ticket,
 * then linked by the ticket job in the same transaction that creates the ticket: the unique keys
 * make a second ticket for one alert (a retried job, two workers) impossible.
 */
export const alertTickets = pgTable(
  'alert_tickets',
  {
    alertId: uuid('alert_id')
      .primaryKey()
      .references(() => alerts.id),
    ticketId: uuid('ticket_id').unique(),
    priority: text('priority', { enum: ['P1', 'P2', 'P3', 'P4'] }).notNull(),
    ruleId: text('rule_id'),
    /** pending: asked for, not created yet; open; review: recovered — review; resolved. */
    state: text('state', { enum: ['pending', 'open', 'review', 'resolved'] })
      .notNull()
      .default('pending'),
    resolvedAt: instant('resolved_at'),
    ...timestamps(),
  },
  (t) => [index('alert_tickets_state_idx').on(t.state)],
);

/**
 * What intake decided to do to an alert's ticket, done in order by the ticket job (an outbox): the
 * alert is acknowledged once these rows commit, whatever the helpdesk is doing meanwhile.
 */
export const alertActions = pgTable(
  'alert_actions',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    kind: text('kind', { enum: ['open', 'note', 'resolve', 'review', 'reopen'] }).notNull(),
    note: text('note').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    doneAt: instant('done_at'),
    /** What the job did, e.g. 'resolved', 'marked for review', 'skipped: the ticket is closed'. */
    outcome: text('outcome'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('alert_actions_pending_idx').on(t.alertId, t.id).where(sql`done_at is null`)],
);

/** Hand-written mapping rules: matchers on labels and identity that place alerts with a client (and asset). */
export const alertMappingRules = pgTable(
  'alert_mapping_rules',
  {
    id: idColumn(),
    clientId: uuid('client_id').notNull(),
    assetId: uuid('asset_id'),
    matchers: jsonb('matchers').$type<Matcher[]>().notNull(),
    description: text('description').notNull().default(''),
    ...timestamps(),
  },
  (t) => [index('alert_mapping_rules_client_idx').on(t.clientId)],
);

/** Planned work that silences a client's (or one asset's) alerts and is left out of availability. */
export const maintenanceWindows = pgTable(
  'maintenance_windows',
  {
    id: idColumn(),
    clientId: uuid('client_id').notNull(),
    assetId: uuid('asset_id'),
    name: text('name').notNull(),
    schedule: jsonb('schedule').$type<MaintenanceSchedule>().notNull(),
    ...timestamps(),
  },
  (t) => [index('maintenance_windows_client_idx').on(t.clientId)],
);

/** The one row of alert settings: the ordered alert rules and the lifecycle policy. */
export const alertSettings = pgTable(
  'alert_settings',
  {
    id: smallint('id').primaryKey().default(1),
    rules: jsonb('rules').$type<AlertRule[]>().notNull(),
    policy: jsonb('policy').$type<LifecyclePolicy>().notNull(),
    /** Repeats are added to the ticket at most once per this many minutes. */
    noteEveryMinutes: integer('note_every_minutes').notNull(),
    /** Firing alerts this severe or worse count as outages for availability. */
    outageSeverity: text('outage_severity', { enum: ['critical', 'high', 'warning', 'info'] }).notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [check('alert_settings_one_row', sql`${t.id} = 1`)],
);

/** Availability breaches, recorded once per client, service and month when a month ends breached. */
export const availabilityBreaches = pgTable(
  'availability_breaches',
  {
    id: idColumn(),
    clientId: uuid('client_id').notNull(),
    /** The monitored service: an asset id, or `alert:<integration>/<fingerprint>` for an alert of no asset; 'all' for the client as a whole. */
    service: text('service').notNull(),
    month: text('month').notNull(),
    /** Thousandths of a percent: 99900 = 99.9 %. */
    targetMilliPercent: integer('target_milli_percent').notNull(),
    availabilityMilliPercent: integer('availability_milli_percent').notNull(),
    downtimeMs: bigint('downtime_ms', { mode: 'number' }).notNull(),
    allowedDowntimeMs: bigint('allowed_downtime_ms', { mode: 'number' }).notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('availability_breaches_key').on(t.clientId, t.service, t.month)],
);
