/**
 * What the money-in side records beside the billing tables: payments taken back, invoices mailed to
 * clients, the accounting export's codes, and which scheduled billing runs have been done.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { idColumn, timestamps } from '../../platform/db/columns.js';
import { invoices, payments } from './billing.tables.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A payment recorded in error (the wrong client, a bounced cheque) is voided, not deleted: its
 * allocations are taken off the invoices they paid and kept here, so the audit trail and the
 * accounting history still show what happened. A payment is voided once (the primary key).
 */
export const paymentVoids = pgTable('payment_voids', {
  paymentId: uuid('payment_id')
    .primaryKey()
    .references(() => payments.id),
  clientId: uuid('client_id').notNull(),
  reason: text('reason').notNull(),
  /** What the payment had paid, as it stood when it was voided: [{ invoiceId, amount, appliedOn }]. */
  allocations: jsonb('allocations')
    .$type<{ invoiceId: string; amount: number; appliedOn: string }[]>()
    .notNull(),
  /** The client credit the payment still held. */
  unallocated: bigint('unallocated', { mode: 'number' }).notNull(),
  voidedBy: text('voided_by'),
  voidedAt: instant('voided_at').notNull().defaultNow(),
});

export const invoiceMailingStatuses = ['queued', 'sent', 'failed'] as const;

/**
 * An invoice or credit note mailed to the client: asked for by a person, sent by a job (which
 * renders the PDF at that moment from the immutable issued invoice), so the row says when it
 * really left and to whom.
 */
export const invoiceMailings = pgTable(
  'invoice_mailings',
  {
    id: idColumn(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    clientId: uuid('client_id').notNull(),
    sentTo: text('sent_to').array().notNull(),
    status: text('status', { enum: invoiceMailingStatuses }).notNull().default('queued'),
    requestedBy: text('requested_by'),
    requestedAt: instant('requested_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
    /** The Message-ID the mail went out with. */
    messageId: text('message_id'),
    /** Why the relay refused it, when it did. */
    error: text('error'),
    ...timestamps(),
  },
  (t) => [
    check('invoice_mailings_sent_check', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    index('invoice_mailings_invoice_idx').on(t.invoiceId, t.requestedAt),
  ],
);

/**
 * The codes an accounting package books invoices with, which Keel's invoices do not carry: Xero's
 * revenue account and tax rate names, QuickBooks' tax codes (per tax rate in basis points), and the
 * date format each import wizard is set to. One row (id 1); absent, the defaults below apply.
 */
export const accountingExportSettings = pgTable(
  'accounting_export_settings',
  {
    id: integer('id').primaryKey().default(1),
    xeroAccountCode: text('xero_account_code').notNull().default('200'),
    /** { "2000": "20% (VAT on Income)", "0": "No VAT" } */
    xeroTaxTypes: jsonb('xero_tax_types').$type<Record<string, string>>().notNull().default({}),
    xeroDateFormat: text('xero_date_format').notNull().default('dd/MM/yyyy'),
    /** { "2000": "20.0% S" }; absent rates are written TAX when taxed, NON when not. */
    quickBooksTaxCodes: jsonb('quick_books_tax_codes').$type<Record<string, string>>().notNull().default({}),
    quickBooksDateFormat: text('quick_books_date_format').notNull().default('MM/dd/yyyy'),
    ...timestamps(),
  },
  (t) => [check('accounting_export_settings_single_check', sql`${t.id} = 1`)],
);

export const scheduledRunKinds = ['period_start', 'period_end'] as const;

/**
 * One scheduled billing run, by the moment it was due: 'period_start' bills a period on its
 * configured day, 'period_end' bills the work of the period just closed. The cron tick claims a slot
 * before it runs it and marks it done after, so a slot runs once in the normal case, is picked up
 * again after a crash (a claim older than the lease), and a missed moment (the server was down) is
 * caught up at the next tick. The run itself is idempotent, so an overlap costs nothing but time.
 */
export const scheduledBillingRuns = pgTable(
  'scheduled_billing_runs',
  {
    /** '<kind>:<period>', e.g. 'period_start:2026-03'. */
    slot: text('slot').primaryKey(),
    kind: text('kind', { enum: scheduledRunKinds }).notNull(),
    /** The period the run bills. */
    period: text('period').notNull(),
    dueAt: instant('due_at').notNull(),
    claimedAt: instant('claimed_at').notNull(),
    finishedAt: instant('finished_at'),
    /** The billing run it made (billing_runs.id). */
    runId: uuid('run_id'),
    invoicesIssued: integer('invoices_issued').notNull().default(0),
    error: text('error'),
    /** The local calendar day the slot belonged to, for people reading the table. */
    dueOn: date('due_on').notNull(),
    ...timestamps(),
  },
  (t) => [
    check('scheduled_billing_runs_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    index('scheduled_billing_runs_period_idx').on(t.period),
  ],
);
