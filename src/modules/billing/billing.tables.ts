/**
 * Billing's tables: invoices and credit notes with their lines, the gap-free number counters, billing
 * runs, charges waiting for an invoice, payments and where they went, reminders sent, and the one
 * row of billing settings. Money is integer minor units (bigint, read as JS numbers); dates without
 * a time of day are calendar dates; instants are UTC.
 *
 * What makes a billing run safe to repeat is enforced here, not only in code:
 *  - one standing invoice per client and period: a unique index over (client, period) of invoices
 *    that are not void;
 *  - each thing billed (a recurring line's cycle, an adjustment, a time entry, a charge) on exactly
 *    one standing invoice: a unique index over the line key of lines whose invoice is not void. The
 *    invoice's status is copied onto its lines by a foreign key ON UPDATE CASCADE, so voiding an
 *    invoice releases its keys in the same statement, whoever voids it;
 *  - a time entry on at most one invoice: the time module's time_entries.invoice_id.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const invoiceKinds = ['invoice', 'credit_note'] as const;
export const invoiceStatuses = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
export const invoiceLineKinds = ['recurring', 'adjustment', 'one_off', 'work', 'charge', 'credit'] as const;
export const discountKinds = ['percent', 'fixed'] as const;

/** A client's details as they stood when the invoice was made: an issued invoice never changes. */
export type BuyerSnapshot = {
  name: string;
  address: Record<string, string | undefined>;
  email: string | null;
  taxId: string | null;
};

/** The MSP's details printed on an invoice, copied from the settings when it is issued. */
export type SellerSnapshot = {
  name: string;
  address: Record<string, string | undefined>;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  paymentInstructions: string | null;
};

export const invoices = pgTable(
  'invoices',
  {
    id: idColumn(),
    /** The client is checked through the clients service; modules do not share tables. */
    clientId: uuid('client_id').notNull(),
    kind: text('kind', { enum: invoiceKinds }).notNull().default('invoice'),
    status: text('status', { enum: invoiceStatuses }).notNull().default('draft'),
    /** The billing period 'YYYY-MM' the invoice belongs to; a credit note takes its invoice's. */
    period: text('period').notNull(),
    /** '2026-000123' or 'CN-2026-000004'; null until issued. */
    number: text('number'),
    numberYear: integer('number_year'),
    numberSequence: integer('number_sequence'),
    /** The invoice a credit note corrects; null on invoices. */
    creditedInvoiceId: uuid('credited_invoice_id'),
    issueDate: date('issue_date'),
    dueDate: date('due_date'),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    /** ISO 4217. */
    currency: text('currency').notNull(),
    /** The client's tax rate when the totals were computed, basis points (2000 = 20 %). */
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    /** The invoice-wide discount (totals.ts): a percentage in basis points, or a fixed amount. */
    discountKind: text('discount_kind', { enum: discountKinds }),
    discountValue: money('discount_value'),
    // Totals of the lines (totals.ts), kept with them in the same transaction.
    subtotal: money('subtotal').notNull().default(0),
    discountTotal: money('discount_total').notNull().default(0),
    netTotal: money('net_total').notNull().default(0),
    taxTotal: money('tax_total').notNull().default(0),
    total: money('total').notNull().default(0),
    /** Payments allocated and credit notes issued against the invoice; balance = total − both. */
    amountPaid: money('amount_paid').notNull().default(0),
    amountCredited: money('amount_credited').notNull().default(0),
    buyer: jsonb('buyer').$type<BuyerSnapshot>().notNull(),
    /** Set at issue. */
    seller: jsonb('seller').$type<SellerSnapshot>(),
    /** The client's own reference (a purchase order), printed on the invoice. */
    reference: text('reference'),
    notes: text('notes').notNull().default(''),
    /** The run that made the invoice; null for credit notes. */
    billingRunId: uuid('billing_run_id'),
    issuedAt: instant('issued_at'),
    issuedBy: text('issued_by'),
    /** The day payments and credits first covered the total. */
    settledOn: date('settled_on'),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    ...timestamps(),
  },
  (t) => [
    // The target of invoice_lines' (invoice_id, invoice_status) foreign key.
    unique('invoices_id_status_key').on(t.id, t.status),
    // One standing invoice per client and period, whatever runs at once or crashes.
    uniqueIndex('invoices_client_period_key')
      .on(t.clientId, t.period)
      .where(sql`${t.kind} = 'invoice' and ${t.status} <> 'void'`),
    uniqueIndex('invoices_number_key').on(t.number),
    uniqueIndex('invoices_number_sequence_key').on(t.kind, t.numberYear, t.numberSequence),
    foreignKey({ columns: [t.creditedInvoiceId], foreignColumns: [t.id], name: 'invoices_credited_fk' }),
    check('invoices_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      'invoices_credit_note_check',
      sql`(${t.kind} = 'credit_note') = (${t.creditedInvoiceId} is not null)`,
    ),
    // A number exactly when issued (a void invoice keeps the number it had, if any).
    check(
      'invoices_number_check',
      sql`(${t.status} = 'draft' and ${t.number} is null) or (${t.status} in ('issued', 'partially_paid', 'paid') and ${t.number} is not null and ${t.issueDate} is not null) or ${t.status} = 'void'`,
    ),
    check(
      'invoices_discount_check',
      sql`(${t.discountKind} is null) = (${t.discountValue} is null) and coalesce(${t.discountValue}, 0) >= 0`,
    ),
    check('invoices_settlement_check', sql`${t.amountPaid} >= 0 and ${t.amountCredited} >= 0`),
    index('invoices_client_idx').on(t.clientId, t.period, t.id),
    index('invoices_period_idx').on(t.period, t.id),
    index('invoices_status_idx').on(t.status, t.dueDate),
    index('invoices_updated_idx').on(t.updatedAt, t.id),
    index('invoices_credited_idx').on(t.creditedInvoiceId).where(sql`${t.creditedInvoiceId} is not null`),
    index('invoices_run_idx').on(t.billingRunId),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: idColumn(),
    invoiceId: uuid('invoice_id').notNull(),
    /** A copy of the invoice's status, kept by the foreign key below (ON UPDATE CASCADE). */
    invoiceStatus: text('invoice_status', { enum: invoiceStatuses }).notNull(),
    clientId: uuid('client_id').notNull(),
    position: integer('position').notNull(),
    /**
     * What the line bills, the same on every run (src/domain/billing/invoice-lines.ts):
     * 'recurring:<agreement>:<line>:<from>', 'adjustment:…', 'one_off:…', 'work:<its first time entry>',
     * 'charge:<charge>'; a credit note's line is 'credit:<credit note>:<credited line key>'.
     */
    key: text('key').notNull(),
    kind: text('kind', { enum: invoiceLineKinds }).notNull(),
    description: text('description').notNull(),
    agreementId: uuid('agreement_id'),
    /** An agreement line's id, or '@retainer' for a retainer's top-up (src/domain/billing/line-roles.ts). */
    agreementLineId: text('agreement_line_id'),
    timeEntryId: uuid('time_entry_id'),
    chargeId: uuid('charge_id'),
    /** On a credit note: the invoice line it credits. */
    creditsLineId: uuid('credits_line_id'),
    /** The cycle a recurring charge or adjustment belongs to. */
    cycleFrom: date('cycle_from'),
    cycleTo: date('cycle_to'),
    /** The service dates, both included. */
    fromDate: date('from_date'),
    toDate: date('to_date'),
    /** Users, devices, hours … to three decimals; a count snapshotted at bill time stays as billed. */
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    /** 'user', 'device', 'hour' … for the document; null when the line names none. */
    unit: text('unit'),
    unitPrice: money('unit_price').notNull(),
    /** Before discounts; negative for a credit (a prorated reduction, a refund). */
    amount: money('amount').notNull(),
    /** The line's own discount as asked (totals.ts), and what it came to. */
    discountKind: text('discount_kind', { enum: discountKinds }),
    discountValue: money('discount_value'),
    lineDiscount: money('line_discount').notNull().default(0),
    /** This line's share of the invoice discount. */
    invoiceDiscount: money('invoice_discount').notNull().default(0),
    net: money('net').notNull(),
    tax: money('tax').notNull().default(0),
    gross: money('gross').notNull(),
    taxable: boolean('taxable').notNull().default(true),
    /** The rule's own fields for the kind (cycle, role, changes, minutes drawn, rates …). */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.invoiceId, t.invoiceStatus],
      foreignColumns: [invoices.id, invoices.status],
      name: 'invoice_lines_invoice_fk',
    })
      .onUpdate('cascade')
      .onDelete('cascade'),
    foreignKey({
      columns: [t.creditsLineId],
      foreignColumns: [t.id],
      name: 'invoice_lines_credits_line_fk',
    }),
    // Each thing billed stands on one invoice only: a second run, or two at once, cannot bill it twice.
    uniqueIndex('invoice_lines_key_standing_key').on(t.key).where(sql`${t.invoiceStatus} <> 'void'`),
    uniqueIndex('invoice_lines_position_key').on(t.invoiceId, t.position),
    check(
      'invoice_lines_discount_check',
      sql`(${t.discountKind} is null) = (${t.discountValue} is null) and coalesce(${t.discountValue}, 0) >= 0`,
    ),
    check(
      'invoice_lines_dates_check',
      sql`${t.fromDate} is null or ${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`,
    ),
    check('invoice_lines_credit_check', sql`(${t.kind} = 'credit') = (${t.creditsLineId} is not null)`),
    // An invoice's lines are read through invoice_lines_position_key. Every index is paid for by each
    // of the hundreds of thousands of work lines a run writes, so work lines are left out of those
    // only recurring billing reads.
    // What recurring billing and the leak report read back: an agreement's lines on standing invoices.
    index('invoice_lines_agreement_idx')
      .on(t.agreementId, t.cycleFrom)
      .where(sql`${t.agreementId} is not null and ${t.invoiceStatus} <> 'void'`),
    index('invoice_lines_client_charges_idx')
      .on(t.clientId)
      .where(sql`${t.kind} in ('recurring', 'adjustment', 'one_off')`),
    index('invoice_lines_credits_idx').on(t.creditsLineId).where(sql`${t.creditsLineId} is not null`),
  ],
);

/**
 * The last number given per year and kind (invoices and credit notes are two series). The issuing
 * transaction locks the row (upsert … returning), so numbers are handed out one at a time and a
 * rolled-back issue gives its number back: the sequence stays gap-free.
 */
export const invoiceNumberCounters = pgTable(
  'invoice_number_counters',
  {
    year: integer('year').notNull(),
    kind: text('kind', { enum: invoiceKinds }).notNull(),
    lastSequence: integer('last_sequence').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.kind] }),
    check('invoice_number_counters_check', sql`${t.lastSequence} between 0 and 999999`),
  ],
);

/** One billing run (API, CLI or schedule): what it was asked and what it did. */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: idColumn(),
    period: text('period').notNull(),
    /** Only this client; null: every client with something to bill. */
    clientId: uuid('client_id'),
    dryRun: boolean('dry_run').notNull().default(false),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] })
      .notNull()
      .default('running'),
    /** 'api', 'cli', 'schedule'. */
    trigger: text('trigger').notNull(),
    startedBy: text('started_by'),
    startedAt: instant('started_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
    clientsTotal: integer('clients_total').notNull().default(0),
    clientsDone: integer('clients_done').notNull().default(0),
    invoicesCreated: integer('invoices_created').notNull().default(0),
    invoicesUpdated: integer('invoices_updated').notNull().default(0),
    /** Clients whose invoice for the period is already issued, or that another run was billing. */
    clientsSkipped: integer('clients_skipped').notNull().default(0),
    linesAdded: integer('lines_added').notNull().default(0),
    /** Minor units added to invoices by this run. */
    amountAdded: money('amount_added').notNull().default(0),
    error: text('error'),
    /** Per-client failures and notes: [{ clientId, error }]. */
    problems: jsonb('problems').$type<{ clientId: string; error: string }[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [
    check('billing_runs_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    index('billing_runs_period_idx').on(t.period, t.startedAt),
    index('billing_runs_updated_idx').on(t.updatedAt, t.id),
  ],
);

/**
 * Charges outside agreements (src/domain/billing/charges.ts): a product sold, hardware, an expense
 * passed on, a manual line added to a draft. A charge waits until a run (or a person) puts it on an
 * invoice; its line's key 'charge:<id>' keeps it on one.
 */
export const billingCharges = pgTable(
  'billing_charges',
  {
    id: idColumn(),
    clientId: uuid('client_id').notNull(),
    /** The day the product was delivered or the expense incurred. */
    chargedOn: date('charged_on').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unit: text('unit'),
    /** Minor units; negative for a goodwill credit. */
    unitPrice: money('unit_price').notNull(),
    taxable: boolean('taxable').notNull().default(true),
    productId: uuid('product_id'),
    createdBy: text('created_by'),
    ...timestamps(),
  },
  (t) => [
    check('billing_charges_quantity_check', sql`${t.quantity} >= 0`),
    index('billing_charges_client_idx').on(t.clientId, t.chargedOn),
  ],
);

export const paymentMethods = ['bank_transfer', 'card', 'direct_debit', 'cash', 'cheque', 'other'] as const;

/** Money received from a client. What no invoice takes is the client's credit. */
export const payments = pgTable(
  'payments',
  {
    id: idColumn(),
    clientId: uuid('client_id').notNull(),
    receivedOn: date('received_on').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    method: text('method', { enum: paymentMethods }).notNull(),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    /** amount − Σ allocations of this payment: client credit waiting to be applied. */
    unallocated: money('unallocated').notNull(),
    recordedBy: text('recorded_by'),
    ...timestamps(),
  },
  (t) => [
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_unallocated_check', sql`${t.unallocated} between 0 and ${t.amount}`),
    index('payments_client_idx').on(t.clientId, t.receivedOn),
    index('payments_updated_idx').on(t.updatedAt, t.id),
  ],
);

/**
 * Money applied to an invoice: part of a payment, or client credit from a credit note (a credit
 * note on an invoice already paid) applied to another invoice.
 */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: idColumn(),
    paymentId: uuid('payment_id').references(() => payments.id),
    /** A credit note whose amount went beyond what its invoice still owed. */
    creditNoteId: uuid('credit_note_id').references(() => invoices.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    clientId: uuid('client_id').notNull(),
    amount: money('amount').notNull(),
    appliedOn: date('applied_on').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('payment_allocations_amount_check', sql`${t.amount} > 0`),
    check('payment_allocations_source_check', sql`num_nonnulls(${t.paymentId}, ${t.creditNoteId}) = 1`),
    index('payment_allocations_payment_idx').on(t.paymentId),
    index('payment_allocations_invoice_idx').on(t.invoiceId),
    index('payment_allocations_client_idx').on(t.clientId, t.appliedOn),
  ],
);

/** A reminder sent for an overdue invoice; level 1 is the first. */
export const invoiceReminders = pgTable(
  'invoice_reminders',
  {
    id: idColumn(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    clientId: uuid('client_id').notNull(),
    level: integer('level').notNull(),
    sentAt: instant('sent_at').notNull(),
    /** The addresses it went to. */
    sentTo: text('sent_to').array().notNull().default(sql`'{}'`),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    // A reminder level is sent once, even by two workers at the same moment.
    uniqueIndex('invoice_reminders_level_key').on(t.invoiceId, t.level),
    check('invoice_reminders_level_check', sql`${t.level} >= 1`),
    index('invoice_reminders_client_idx').on(t.clientId, t.sentAt),
  ],
);

/** One row (id 1): the MSP as seller, payment terms, currency, reminders and the run schedule. */
export const billingSettings = pgTable(
  'billing_settings',
  {
    id: integer('id').primaryKey().default(1),
    sellerName: text('seller_name').notNull().default(''),
    sellerAddress: jsonb('seller_address').$type<Record<string, string | undefined>>().notNull().default({}),
    sellerTaxId: text('seller_tax_id'),
    sellerEmail: text('seller_email'),
    sellerPhone: text('seller_phone'),
    /** Bank details or a payment link, printed under the totals. */
    paymentInstructions: text('payment_instructions'),
    /** BCP 47 locale of the PDF. */
    locale: text('locale').notNull().default('en-US'),
    /** ISO 4217: the currency invoices are made in. */
    currency: text('currency').notNull().default('EUR'),
    /** Used when an agreement names none (a break-fix client). */
    defaultPaymentTermsDays: integer('default_payment_terms_days').notNull().default(30),
    /** How many months back a run corrects billed cycles (recurring adjustments). */
    reviewMonths: integer('review_months').notNull().default(12),
    // Reminders (src/domain/billing/reminders.ts).
    reminderFirstAfterDays: integer('reminder_first_after_days').notNull().default(7),
    reminderRepeatEveryDays: integer('reminder_repeat_every_days').notNull().default(14),
    /** Null: no cap. */
    reminderMax: integer('reminder_max').default(3),
    remindersEnabled: boolean('reminders_enabled').notNull().default(true),
    // Scheduled runs: recurring billing on a day of each period, time & materials at its end.
    scheduleEnabled: boolean('schedule_enabled').notNull().default(false),
    /** Day of the month the run for that month starts (1 = the first). */
    scheduleDay: integer('schedule_day').notNull().default(1),
    /** Local time 'HH:MM' in scheduleTimeZone. */
    scheduleTime: text('schedule_time').notNull().default('06:00'),
    scheduleTimeZone: text('schedule_time_zone').notNull().default('UTC'),
    /** Also run at each period's end for the work of the period just closed. */
    scheduleWorkAtPeriodEnd: boolean('schedule_work_at_period_end').notNull().default(true),
    /** Issue the drafts a scheduled run makes (off: a person reviews and issues them). */
    scheduleAutoIssue: boolean('schedule_auto_issue').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    check('billing_settings_single_check', sql`${t.id} = 1`),
    check(
      'billing_settings_days_check',
      sql`${t.defaultPaymentTermsDays} >= 0 and ${t.reviewMonths} >= 0 and ${t.scheduleDay} between 1 and 28`,
    ),
  ],
);
