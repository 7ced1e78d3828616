import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns.js';

export type Address = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

const archivedAt = () => timestamp('archived_at', { withTimezone: true, mode: 'date' });

export const clients = pgTable(
  'clients',
  {
    id: idColumn(),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'onboarding', 'inactive'] })
      .notNull()
      .default('active'),
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Tax rate in basis points: 2000 = 20.00 %. */
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    billingAddress: jsonb('billing_address').$type<Address>().notNull().default({}),
    notes: text('notes').notNull().default(''),
    // Profile read by the advisor when it weighs break-fix against a managed plan.
    usersCount: integer('users_count').notNull().default(0),
    endpointsCount: integer('endpoints_count').notNull().default(0),
    sitesCount: integer('sites_count').notNull().default(0),
    remoteUsersCount: integer('remote_users_count').notNull().default(0),
    criticality: text('criticality', { enum: ['low', 'medium', 'high', 'critical'] })
      .notNull()
      .default('medium'),
    ...timestamps(),
    archivedAt: archivedAt(),
  },
  (t) => [
    uniqueIndex('clients_name_key').on(sql`lower(${t.name})`).where(sql`${t.archivedAt} is null`),
    index('clients_name_idx').on(t.name, t.id),
    index('clients_updated_idx').on(t.updatedAt),
  ],
);

export const sites = pgTable(
  'sites',
  {
    id: idColumn(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    address: jsonb('address').$type<Address>().notNull().default({}),
    timeZone: text('time_zone'),
    notes: text('notes').notNull().default(''),
    ...timestamps(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('sites_client_idx').on(t.clientId, t.name, t.id),
    uniqueIndex('sites_client_name_key')
      .on(t.clientId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: idColumn(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    siteId: uuid('site_id').references(() => sites.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    role: text('role').notNull().default(''),
    isBilling: boolean('is_billing').notNull().default(false),
    portalAccess: boolean('portal_access').notNull().default(false),
    ...timestamps(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('contacts_client_idx').on(t.clientId, t.name, t.id),
    uniqueIndex('contacts_client_email_key')
      .on(t.clientId, sql`lower(${t.email})`)
      .where(sql`${t.archivedAt} is null and ${t.email} is not null`),
    // Inbound mail finds the sender's contact across all clients by address.
    index('contacts_email_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.archivedAt} is null and ${t.email} is not null`),
  ],
);
