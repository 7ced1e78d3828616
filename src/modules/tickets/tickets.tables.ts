import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const ticketStatuses = pgTable('ticket_statuses', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  phase: text('phase', { enum: ['new', 'open', 'paused', 'resolved', 'closed'] }).notNull(),
  position: integer('position').notNull(),
  next: text('next').array().notNull().default(sql`'{}'`),
});

export const ticketQueues = pgTable('ticket_queues', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** Where tickets nobody could place land (unknown senders, unmapped alerts). */
  triage: boolean('triage').notNull().default(false),
});

export type EntitlementJson = {
  kind: string;
  agreementId: string | null;
  rule: { code: string; explanation: string };
  billable: boolean;
};

export const tickets = pgTable(
  'tickets',
  {
    id: idColumn(),
    number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    // Null while in triage: mail from an unknown sender has no client yet.
    clientId: uuid('client_id'),
    contactId: uuid('contact_id'),
    siteId: uuid('site_id'),
    assetId: uuid('asset_id'),
    requesterEmail: text('requester_email'),
    source: text('source', { enum: ['portal', 'email', 'phone', 'api', 'alert'] }).notNull(),
    type: text('type', { enum: ['incident', 'service_request', 'problem', 'change'] }).notNull(),
    category: text('category'),
    impact: text('impact', { enum: ['high', 'medium', 'low'] }).notNull(),
    urgency: text('urgency', { enum: ['high', 'medium', 'low'] }).notNull(),
    priority: text('priority', { enum: ['P1', 'P2', 'P3', 'P4'] }).notNull(),
    status: text('status').notNull(),
    queue: text('queue').notNull(),
    assigneeId: uuid('assignee_id'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    subject: text('subject').notNull(),
    problemId: uuid('problem_id'),
    slaPolicyId: uuid('sla_policy_id'),
    entitlement: jsonb('entitlement').$type<EntitlementJson>(),
    responseDueAt: instant('response_due_at'),
    responseMetAt: instant('response_met_at'),
    responseBreachedAt: instant('response_breached_at'),
    resolutionDueAt: instant('resolution_due_at'),
    resolutionMetAt: instant('resolution_met_at'),
    resolutionBreachedAt: instant('resolution_breached_at'),
    updateDueAt: instant('update_due_at'),
    /** The earliest due instant of a running (or overdue) clock; the queue sorts by it. */
    nextDeadlineAt: instant('next_deadline_at'),
    /** The next warning or due instant of a running clock: when the notice job looks again. */
    nextNoticeAt: instant('next_notice_at'),
    slaPaused: boolean('sla_paused').notNull().default(false),
    /** Set while the ticket is resolved or closed; cleared when it reopens. */
    resolvedAt: instant('resolved_at'),
    closedAt: instant('closed_at'),
    ...timestamps(),
  },
  (t) => [
    // The queue shows unresolved tickets by SLA urgency; resolved ones leave these indexes.
    index('tickets_queue_idx').on(t.nextDeadlineAt, t.number).where(sql`resolved_at is null`),
    index('tickets_assignee_queue_idx')
      .on(t.assigneeId, t.nextDeadlineAt, t.number)
      .where(sql`resolved_at is null`),
    index('tickets_client_queue_idx')
      .on(t.clientId, t.nextDeadlineAt, t.number)
      .where(sql`resolved_at is null`),
    index('tickets_notice_idx').on(t.nextNoticeAt).where(sql`next_notice_at is not null`),
    index('tickets_client_idx').on(t.clientId, t.createdAt),
    index('tickets_updated_idx').on(t.updatedAt),
    index('tickets_problem_idx').on(t.problemId),
  ],
);

/** Full history: every change, who made it and when. Clocks are rebuilt from it. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: instant('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorContactId: uuid('actor_contact_id'),
    byStaff: boolean('by_staff').notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    public: boolean('public').notNull(),
    byStaff: boolean('by_staff').notNull(),
    authorUserId: uuid('author_user_id'),
    authorContactId: uuid('author_contact_id'),
    fromAddress: text('from_address'),
    body: text('body').notNull(),
    channel: text('channel', { enum: ['web', 'portal', 'email', 'api', 'alert'] }).notNull(),
    /** RFC 5322 Message-ID of the mail that carried it, in or out, for threading. */
    emailMessageId: text('email_message_id'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt),
    uniqueIndex('ticket_messages_email_idx').on(t.emailMessageId),
  ],
);

export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    messageId: uuid('message_id').references(() => ticketMessages.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)],
);

/**
 * One row per notice, so it fires once however often jobs run. Response and resolution warn and
 * breach once per ticket (a priority change does not start a second round of notices); the update
 * clock restarts at each reply, so each of its due instants is its own occurrence.
 */
export const slaNotices = pgTable(
  'sla_notices',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    clock: text('clock', { enum: ['response', 'resolution', 'update'] }).notNull(),
    notice: text('notice', { enum: ['warning', 'breach'] }).notNull(),
    occurrence: instant('occurrence').notNull(),
    dueAt: instant('due_at').notNull(),
    firedAt: instant('fired_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.clock, t.notice, t.occurrence] })],
);

export const problems = pgTable('problems', {
  id: idColumn(),
  title: text('title').notNull(),
  rootCause: text('root_cause').notNull().default(''),
  workaround: text('workaround').notNull().default(''),
  status: text('status', { enum: ['open', 'known_error', 'resolved'] })
    .notNull()
    .default('open'),
  resolvedAt: instant('resolved_at'),
  ...timestamps(),
});

export const csatSurveys = pgTable(
  'csat_surveys',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    clientId: uuid('client_id').notNull(),
    technicianId: uuid('technician_id'),
    tokenHash: text('token_hash').notNull(),
    rating: integer('rating'),
    comment: text('comment'),
    sentAt: instant('sent_at').notNull().defaultNow(),
    answeredAt: instant('answered_at'),
  },
  (t) => [uniqueIndex('csat_token_idx').on(t.tokenHash), index('csat_client_idx').on(t.clientId)],
);
