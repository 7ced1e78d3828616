import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EntitlementOutcome } from '../../domain/entitlement/types.js';
import { idColumn, timestamps } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Work done by a technician: on a ticket, a project or a general activity, for a client or for the
 * MSP itself (no client). Entitlement's answer at save time is kept beside the work (outcome, rule,
 * agreement, rate, after hours), so billing bills it at the rates entitlement decided then.
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: idColumn(),
    technicianId: uuid('technician_id').notNull(),
    /** Null: internal work for the MSP itself. A ticket entry takes its ticket's client. */
    clientId: uuid('client_id'),
    ticketId: uuid('ticket_id'),
    /** Free-text project reference until projects exist. */
    projectRef: text('project_ref'),
    /** What a general entry was for (training, admin, a client visit …). */
    activity: text('activity'),
    category: text('category'),
    workType: text('work_type').notNull(),
    /** The agreement the technician asked entitlement to try first. */
    agreementHint: uuid('agreement_hint'),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at').notNull(),
    /** Whole minutes on the UTC minute grid, as entitlement counts them. */
    minutes: integer('minutes').notNull(),
    /** The start's calendar date in the client's zone (UTC for internal work): the period it draws from. */
    workDate: date('work_date').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'rejected'] })
      .notNull()
      .default('draft'),
    // Entitlement at save time.
    outcomeKind: text('outcome_kind').notNull(),
    ruleCode: text('rule_code').notNull(),
    ruleExplanation: text('rule_explanation').notNull(),
    agreementId: uuid('agreement_id'),
    /** Minor units per hour the entry bills at; null when nothing prices its time. */
    rate: integer('rate'),
    afterHours: boolean('after_hours').notNull(),
    afterHoursMinutes: integer('after_hours_minutes').notNull(),
    /** Thousandths: 1500 = ×1.5 on after-hours minutes. */
    afterHoursMultiplierMilli: integer('after_hours_multiplier_milli').notNull().default(1000),
    /** Minutes drawn from a block of hours / minor units drawn from a retainer (balances read them). */
    drawnMinutes: integer('drawn_minutes').notNull().default(0),
    drawnAmount: integer('drawn_amount').notNull().default(0),
    /** Entitlement's own answer, whole, for whoever needs more than the columns above. */
    entitlement: jsonb('entitlement').$type<EntitlementOutcome>().notNull(),
    /** What entitlement decided, and what stands after an override. */
    billableDecided: boolean('billable_decided').notNull(),
    billable: boolean('billable').notNull(),
    /** A person's override of the decision and why; both null when nobody overrode it. */
    billableOverride: boolean('billable_override'),
    billableOverrideReason: text('billable_override_reason'),
    /** Minor units to invoice (0 when not billable). */
    amount: integer('amount').notNull(),
    submittedAt: instant('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    rejectionReason: text('rejection_reason'),
    ...timestamps(),
  },
  (t) => [
    check('time_entries_span_check', sql`${t.endedAt} > ${t.startedAt} and ${t.minutes} > 0`),
    // Exactly one subject: a ticket, a project or an activity.
    check('time_entries_subject_check', sql`num_nonnulls(${t.ticketId}, ${t.projectRef}, ${t.activity}) = 1`),
    check(
      'time_entries_override_check',
      sql`(${t.billableOverride} is null) = (${t.billableOverrideReason} is null)`,
    ),
    index('time_entries_technician_idx').on(t.technicianId, t.startedAt),
    index('time_entries_client_idx').on(t.clientId, t.startedAt),
    index('time_entries_ticket_idx').on(t.ticketId),
    index('time_entries_updated_idx').on(t.updatedAt),
    index('time_entries_agreement_idx').on(t.agreementId, t.workDate),
    index('time_entries_queue_idx').on(t.startedAt, t.id).where(sql`status = 'submitted'`),
  ],
);

/**
 * Approved work as billing sees it: a row for each approved entry that bills or draws from a block or
 * retainer, written when it is approved, holding the invoice it is on (billing claims and releases it
 * through time-billing.ts). Its own narrow table, so that a run claiming hundreds of thousands of
 * entries writes rows of four columns and one index besides its key rather than time entries' wide rows and nine
 * indexes; and the primary key means an entry stands on one invoice at most. Nothing indexes the
 * invoice: each claimed row would pay for it, while only voiding a draft looks entries up by invoice
 * (a scan of these narrow rows).
 */
export const timeEntryInvoices = pgTable(
  'time_entry_invoices',
  {
    timeEntryId: uuid('time_entry_id')
      .primaryKey()
      .references(() => timeEntries.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').notNull(),
    startedAt: instant('started_at').notNull(),
    /** Null while the work waits to be billed. */
    invoiceId: uuid('invoice_id'),
  },
  (t) => [
    // What a billing run reads: a client's work waiting, by start.
    index('time_entry_invoices_waiting_idx').on(t.clientId, t.startedAt).where(sql`invoice_id is null`),
  ],
);

/** A running timer: at most one per user, which the primary key enforces. */
export const timeTimers = pgTable(
  'time_timers',
  {
    userId: uuid('user_id').primaryKey(),
    startedAt: instant('started_at').notNull(),
    clientId: uuid('client_id'),
    ticketId: uuid('ticket_id'),
    projectRef: text('project_ref'),
    activity: text('activity'),
    category: text('category'),
    workType: text('work_type').notNull(),
    note: text('note').notNull().default(''),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('time_timers_subject_check', sql`num_nonnulls(${t.ticketId}, ${t.projectRef}, ${t.activity}) = 1`),
  ],
);
