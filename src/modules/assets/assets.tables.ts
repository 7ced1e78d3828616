import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { assetTypes } from '../../domain/assets/types.js';
import { idColumn, timestamps } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The devices and services an MSP looks after for a client. Client, site and owner contact belong to
 * the clients module: their ids are checked through its service, not by foreign keys.
 */
export const assets = pgTable(
  'assets',
  {
    id: idColumn(),
    clientId: uuid('client_id').notNull(),
    siteId: uuid('site_id'),
    type: text('type', { enum: assetTypes }).notNull(),
    name: text('name').notNull(),
    hostname: text('hostname'),
    /** An IP address or a fully qualified domain name. */
    address: text('address'),
    os: text('os'),
    serialNumber: text('serial_number'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    warrantyEnd: date('warranty_end', { mode: 'string' }),
    /** Counts toward per-device billing while live (asset_managed_spans keeps when). */
    managed: boolean('managed').notNull().default(false),
    ownerContactId: uuid('owner_contact_id'),
    notes: text('notes').notNull().default(''),
    ...timestamps(),
    archivedAt: instant('archived_at'),
  },
  (t) => [
    index('assets_client_idx').on(t.clientId, t.name, t.id),
    index('assets_name_idx').on(t.name, t.id),
    index('assets_updated_idx').on(t.updatedAt),
    // One machine is one asset: a serial number appears once among a client's live assets.
    uniqueIndex('assets_client_serial_key')
      .on(t.clientId, sql`lower(${t.serialNumber})`)
      .where(sql`${t.archivedAt} is null and ${t.serialNumber} is not null`),
    // Alerts that no identity label maps fall back to host names and addresses.
    index('assets_hostname_idx')
      .on(sql`lower(${t.hostname})`)
      .where(sql`${t.archivedAt} is null and ${t.hostname} is not null`),
    index('assets_address_idx')
      .on(sql`lower(${t.address})`)
      .where(sql`${t.archivedAt} is null and ${t.address} is not null`),
    check(
      'assets_warranty_after_purchase',
      sql`${t.warrantyEnd} is null or ${t.purchaseDate} is null or ${t.warrantyEnd} >= ${t.purchaseDate}`,
    ),
  ],
);

/**
 * Monitoring identities of assets ({key, value} labels). `archived_at` mirrors the asset's, so the
 * database itself keeps one identity on at most one live asset: an alert never maps to two.
 */
export const assetIdentities = pgTable(
  'asset_identities',
  {
    id: idColumn(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    clientId: uuid('client_id').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    archivedAt: instant('archived_at'),
  },
  (t) => [
    uniqueIndex('asset_identities_live_key')
      .on(t.key, sql`lower(${t.value})`)
      .where(sql`${t.archivedAt} is null`),
    index('asset_identities_asset_idx').on(t.assetId),
  ],
);

/**
 * When each asset counted as a managed device of its client: a span opens when an asset becomes
 * managed and live, and closes when it stops being either. Billing counts the spans open at an
 * instant, so a count for a past period stays what it was then.
 */
export const assetManagedSpans = pgTable(
  'asset_managed_spans',
  {
    id: idColumn(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    clientId: uuid('client_id').notNull(),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
  },
  (t) => [
    uniqueIndex('asset_managed_spans_open_key').on(t.assetId).where(sql`${t.endedAt} is null`),
    index('asset_managed_spans_client_idx').on(t.clientId, t.startedAt),
    check('asset_managed_spans_order', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

export type ImportRowError = { row: number | null; field: string | null; message: string };

/**
 * A CSV import of assets. The rows that passed validation wait in asset_import_rows and are written
 * in chunks; `next_row` is the file row writing continues from, so a retried job resumes where the
 * last one stopped. A dry run writes no asset: its counts say what the import would do.
 */
export const assetImports = pgTable(
  'asset_imports',
  {
    id: idColumn(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    dryRun: boolean('dry_run').notNull().default(false),
    filename: text('filename'),
    /** Data rows in the file (the header excluded). */
    total: integer('total').notNull(),
    /** Rows dealt with so far: written, or rejected. */
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** The first errors (a file of bad rows does not fill the database); `failed` counts them all. */
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
    nextRow: integer('next_row').notNull().default(0),
    createdBy: uuid('created_by'),
    ...timestamps(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('asset_imports_created_idx').on(t.createdAt)],
);

/** Validated rows of an import still to write, by file row number; deleted as they are written. */
export const assetImportRows = pgTable(
  'asset_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => assetImports.id),
    row: integer('row').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row] })],
);
