import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns.js';

/** Service categories: the building blocks of "the full managed stack". Built-ins cannot be removed. */
export const serviceCategories = pgTable('service_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  ...timestamps(),
});

export const services = pgTable(
  'services',
  {
    id: idColumn(),
    name: text('name').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => serviceCategories.code),
    description: text('description').notNull().default(''),
    unit: text('unit', { enum: ['per_user', 'per_device', 'per_site', 'flat'] }).notNull(),
    /** Monthly list price per unit and monthly cost per unit, minor units. */
    price: integer('price').notNull().default(0),
    cost: integer('cost').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('services_name_key').on(sql`lower(${t.name})`)],
);

/** Plans (tiers) bundle services: "Essentials", "Complete" … */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit', { enum: ['per_user', 'per_device', 'per_site', 'flat'] }).notNull(),
    price: integer('price').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('plans_name_key').on(sql`lower(${t.name})`)],
);

export const planServices = pgTable(
  'plan_services',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.serviceId] })],
);

/** Products and licences resold (Microsoft 365, antivirus seats …). */
export const products = pgTable(
  'products',
  {
    id: idColumn(),
    name: text('name').notNull(),
    sku: text('sku'),
    vendor: text('vendor').notNull().default(''),
    categoryCode: text('category_code')
      .notNull()
      .default('licences')
      .references(() => serviceCategories.code),
    unit: text('unit', { enum: ['per_user', 'per_device', 'per_site', 'flat'] }).notNull(),
    cost: integer('cost').notNull().default(0),
    price: integer('price').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('products_name_key').on(sql`lower(${t.name})`)],
);

/** Kinds of work with their default billable rate per hour, minor units. */
export const workTypes = pgTable(
  'work_types',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    billable: boolean('billable').notNull().default(true),
    internal: boolean('internal').notNull().default(false),
    defaultRate: integer('default_rate').notNull().default(0),
    /** Billing rounds each entry's minutes up to a multiple of this (15: a quarter hour); 0 or 1: none. */
    incrementMinutes: integer('increment_minutes').notNull().default(0),
    /** An entry bills at least this many minutes after rounding (60: a site visit bills an hour). */
    minimumMinutes: integer('minimum_minutes').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    check(
      'work_types_billing_minutes_check',
      sql`${t.incrementMinutes} between 0 and 1440 and ${t.minimumMinutes} between 0 and 1440`,
    ),
  ],
);

/** What an hour of a technician costs the MSP, from a date on (for profitability). */
export const labourCostRates = pgTable(
  'labour_cost_rates',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    hourlyCost: integer('hourly_cost').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('labour_cost_rates_user_from_key').on(t.userId, t.effectiveFrom),
    index('labour_cost_rates_user_idx').on(t.userId),
  ],
);
