import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Exclusion } from '../../domain/agreements/types.js';
import { idColumn, timestamps } from '../../platform/db/columns.js';

export const agreements = pgTable(
  'agreements',
  {
    id: idColumn(),
    // The client is checked through the clients service; modules do not share tables.
    clientId: uuid('client_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: [
        'managed',
        'block_hours',
        'retainer',
        'time_materials',
        'subscription',
        'licence_resale',
        'project',
      ],
    }).notNull(),
    status: text('status', { enum: ['draft', 'active', 'suspended', 'expired', 'terminated'] })
      .notNull()
      .default('draft'),
    signedOn: date('signed_on'),
    signedBy: text('signed_by'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    minimumTermMonths: integer('minimum_term_months').notNull().default(12),
    autoRenew: boolean('auto_renew').notNull().default(true),
    renewalTermMonths: integer('renewal_term_months').notNull().default(12),
    noticeDays: integer('notice_days').notNull().default(30),
    billingCycle: text('billing_cycle', { enum: ['monthly', 'quarterly', 'annual'] })
      .notNull()
      .default('monthly'),
    billingTiming: text('billing_timing', { enum: ['advance', 'arrears'] })
      .notNull()
      .default('advance'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    /** Set when the agreement covers part of the environment only (e.g. "servers"): hybrid clients. */
    partOfEnvironment: text('part_of_environment'),
    coveredCategories: text('covered_categories').array().notNull().default(sql`'{}'`),
    coveredWorkTypes: text('covered_work_types').array().notNull().default(sql`'{}'`),
    exclusions: jsonb('exclusions').$type<Exclusion[]>().notNull().default([]),
    outOfScopeRate: integer('out_of_scope_rate'),
    /** 150 = work outside business hours bills at 1.5 × the rate. */
    afterHoursPercent: integer('after_hours_percent').notNull().default(150),
    blockMinutesPerPeriod: integer('block_minutes_per_period'),
    blockRollover: boolean('block_rollover').notNull().default(false),
    blockOverageRate: integer('block_overage_rate'),
    retainerAmount: integer('retainer_amount'),
    slaPolicyId: uuid('sla_policy_id'),
    /** Availability promised per month, in thousandths of a percent (99900 = 99.9 %); null: none. */
    availabilityTargetMilliPercent: integer('availability_target_milli_percent'),
    complianceFrameworks: text('compliance_frameworks').array().notNull().default(sql`'{}'`),
    terminationNoticeDays: integer('termination_notice_days').notNull().default(30),
    earlyTerminationFee: integer('early_termination_fee').notNull().default(0),
    notes: text('notes').notNull().default(''),
    ...timestamps(),
  },
  (t) => [
    index('agreements_client_idx').on(t.clientId, t.status),
    index('agreements_updated_idx').on(t.updatedAt),
  ],
);

/** Lines as signed. Later changes are amendments, so any past month can be recomputed. */
export const agreementLines = pgTable(
  'agreement_lines',
  {
    id: idColumn(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    description: text('description').notNull(),
    serviceId: uuid('service_id'),
    planId: uuid('plan_id'),
    productId: uuid('product_id'),
    categories: text('categories').array().notNull().default(sql`'{}'`),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    unit: text('unit', { enum: ['per_user', 'per_device', 'per_site', 'flat'] }).notNull(),
    quantitySource: text('quantity_source', {
      enum: ['entered', 'active_contacts', 'managed_assets', 'sites'],
    })
      .notNull()
      .default('entered'),
    recurring: boolean('recurring').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('agreement_lines_agreement_idx').on(t.agreementId, t.position)],
);

export const agreementAmendments = pgTable(
  'agreement_amendments',
  {
    id: idColumn(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    effectiveOn: date('effective_on').notNull(),
    kind: text('kind', {
      enum: ['set_quantity', 'set_price', 'add_line', 'remove_line', 'change_plan'],
    }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    reverses: uuid('reverses'),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('agreement_amendments_agreement_idx').on(t.agreementId, t.effectiveOn),
    // An amendment is reversed at most once, even by two requests at the same moment.
    uniqueIndex('agreement_amendments_reverses_key').on(t.reverses).where(sql`${t.reverses} is not null`),
  ],
);

/** Lifecycle record: activation (signature), suspension, resumption, renewal, termination, expiry. */
export const agreementEvents = pgTable(
  'agreement_events',
  {
    id: idColumn(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['activated', 'suspended', 'resumed', 'renewed', 'terminated', 'expired'],
    }).notNull(),
    on: date('on').notNull(),
    reason: text('reason').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('agreement_events_agreement_idx').on(t.agreementId, t.on)],
);

/** Classification policy thresholds: one row, edited in settings. */
export const classificationPolicy = pgTable('classification_policy', {
  id: integer('id').primaryKey().default(1),
  minimumTermMonths: integer('minimum_term_months').notNull().default(12),
  minimumMonthlyValue: integer('minimum_monthly_value').notNull().default(200_000),
  requiredCategories: text('required_categories')
    .array()
    .notNull()
    .default(sql`'{monitoring,patching,backup,helpdesk,security}'`),
  slaRequired: boolean('sla_required').notNull().default(true),
  ...timestamps(),
});
