/**
 * Alert rows as the lifecycle rules read them (AlertRecord, epoch ms) and back, and the few
 * statements every writer of alerts shares: the per-fingerprint lock and the latest alert of each
 * fingerprint with its ticket link.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AlertRecord, LinkedTicket } from '../../domain/monitoring/index.js';
import { rawRows } from '../../platform/db/recordset.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { alerts, alertTickets } from './alerts.tables.js';

export type AlertRow = typeof alerts.$inferSelect;
export type TicketLink = typeof alertTickets.$inferSelect;

/**
 * What a decision reads and writes of an alert: its state, not its labels or texts. Intake reads and
 * writes only these (plus a few columns it sets when they change), so a repeat costs little.
 */
export const stateKeys = [
  'id',
  'integration',
  'source',
  'fingerprint',
  'status',
  'clientId',
  'assetId',
  'severity',
  'summary',
  'count',
  'firstSeen',
  'lastSeen',
  'firingSince',
  'resolvedAt',
  'acknowledged',
  'silencedBy',
  'changes',
  'flapping',
  'lastNotedAt',
] as const satisfies readonly (keyof AlertRow)[];

export type AlertState = Pick<AlertRow, (typeof stateKeys)[number]>;

/**
 * An alert row as a batch writes it: its state, with the columns only some decisions change
 * (null: leave as stored).
 */
export type AlertWrite = AlertState & {
  reasons: string[];
  updatedAt: Date;
  mappingReason: string | null;
  labels: Record<string, string> | null;
  identity: Record<string, string> | null;
  description: string | null;
  url: string | null;
};

/** An alert's fingerprint within its integration: the unit of dedup and of locking. */
export const keyOf = (integration: string, fingerprint: string) => `${integration} ${fingerprint}`;

const ms = (d: Date | null) => (d === null ? null : d.getTime());

export function recordOf(row: AlertState): AlertRecord {
  return {
    status: row.status,
    clientId: row.clientId,
    assetId: row.assetId,
    severity: row.severity,
    summary: row.summary,
    count: row.count,
    firstSeen: row.firstSeen.getTime(),
    lastSeen: row.lastSeen.getTime(),
    firingSince: row.firingSince.getTime(),
    resolvedAt: ms(row.resolvedAt),
    acknowledged: row.acknowledged,
    silencedBy: row.silencedBy,
    changes: row.changes,
    flapping: row.flapping,
  };
}

/** The row with the record's state laid over it. */
export function withRecord<R extends AlertState>(row: R, r: AlertRecord): R {
  return {
    ...row,
    status: r.status,
    clientId: r.clientId,
    assetId: r.assetId,
    severity: r.severity,
    summary: r.summary,
    count: r.count,
    firstSeen: new Date(r.firstSeen),
    lastSeen: new Date(r.lastSeen),
    firingSince: new Date(r.firingSince),
    resolvedAt: r.resolvedAt === null ? null : new Date(r.resolvedAt),
    acknowledged: r.acknowledged,
    silencedBy: r.silencedBy,
    changes: [...r.changes],
    flapping: r.flapping,
  };
}

/**
 * The lifecycle's view of the ticket: the link as intake last left it. Whether a technician has
 * worked on it is only known to the helpdesk, so the ticket job asks when it carries out a recovery.
 */
export function linkedTicketOf(link: Pick<TicketLink, 'state' | 'resolvedAt'> | null): LinkedTicket {
  if (link === null) return { state: 'none' };
  if (link.state === 'resolved') return { state: 'resolved', resolvedAt: link.resolvedAt?.getTime() ?? 0 };
  return { state: 'open' };
}

/**
 * Takes the transaction-scoped lock of each fingerprint, in one order for every writer so two never
 * wait on each other. Every write to an alert row holds its fingerprint's lock: decisions are made on
 * the state the last writer committed, across processes. The two-key form keeps these locks apart
 * from other modules' one-key advisory locks.
 */
export async function lockFingerprints(tx: DbOrTx, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(${lockSpace}, k) from (select distinct hashtext(x) as k from json_array_elements_text(${JSON.stringify(keys)}::json) as x order by 1) as keys`,
  );
}

/** 'al' in ASCII: the namespace of alert locks. */
const lockSpace = 0x616c;

export type Current = { row: AlertState; link: TicketLink | null };

const alertColumns = getTableColumns(alerts);
const linkColumns = getTableColumns(alertTickets);
const linkKeys = Object.keys(linkColumns) as (keyof TicketLink)[];
const isInstant = (c: { columnType: string }) => c.columnType === 'PgTimestamp';

/**
 * The columns read, as one JSON array per alert, all aggregated into one value: a row protocol
 * value per column costs the embedded store far more than one JSON text for the lot.
 */
const latestSelect = sql.join(
  [
    ...stateKeys.map((k) => sql`a.${sql.identifier(alertColumns[k].name)}`),
    ...linkKeys.map((k) => sql`t.${sql.identifier(linkColumns[k].name)}`),
  ],
  sql`, `,
);

function fromJson<T>(
  columns: Record<string, { columnType: string }>,
  keys: readonly string[],
  values: unknown[],
  at: number,
): T {
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    const v = values[at + i];
    out[k] = v === null ? null : isInstant(columns[k]!) ? new Date(v as string) : v;
  });
  return out as T;
}

/** The latest alert (live or not) of each fingerprint, with its ticket link. */
export async function latestAlerts(
  tx: DbOrTx,
  keys: readonly { integration: string; fingerprint: string }[],
): Promise<Map<string, Current>> {
  const out = new Map<string, Current>();
  if (keys.length === 0) return out;
  const [result] = await rawRows(
    tx,
    // One index probe per fingerprint (the latest by first seen), whatever the table's size.
    sql`select json_agg(json_build_array(${latestSelect}))::text as rows
      from json_to_recordset(${JSON.stringify(keys)}::json) as k(integration text, fingerprint text)
      cross join lateral (
        select * from alerts
        where alerts.integration = k.integration and alerts.fingerprint = k.fingerprint
        order by alerts.first_seen desc, alerts.id desc
        limit 1
      ) as a
      left join alert_tickets t on t.alert_id = a.id`,
  );
  const rows = JSON.parse((result?.rows as string | null) ?? '[]') as unknown[][];
  for (const values of rows) {
    const row = fromJson<AlertState>(alertColumns, stateKeys, values, 0);
    const link =
      values[stateKeys.length] === null
        ? null
        : fromJson<TicketLink>(linkColumns, linkKeys, values, stateKeys.length);
    out.set(keyOf(row.integration, row.fingerprint), { row, link });
  }
  return out;
}

const writeKeys = [...stateKeys, 'reasons', 'updatedAt'] as const;
/** Written only when given (null keeps what is stored). */
const keptKeys = ['mappingReason', 'labels', 'identity', 'description', 'url'] as const;

const updatePairs = [...writeKeys, ...keptKeys].map((k) => [k, alertColumns[k].name] as const);

/** Many alerts' state written in one statement with one parameter. */
export function alertsUpdate(rows: readonly AlertWrite[]): SQL {
  const records = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, name] of updatePairs) out[name] = jsonValue(r[k]);
    return out;
  });
  const sets = sql.join(
    [
      ...writeKeys
        .filter((k) => k !== 'id')
        .map((k) => sql`${sql.identifier(alertColumns[k].name)} = r.${sql.identifier(alertColumns[k].name)}`),
      ...keptKeys.map((k) => {
        const name = sql.identifier(alertColumns[k].name);
        return sql`${name} = coalesce(r.${name}, t.${name})`;
      }),
    ],
    sql`, `,
  );
  return sql`update alerts as t set ${sets} from json_populate_recordset(null::alerts, ${JSON.stringify(records)}::json) as r where t.id = r.id`;
}

const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** A row as json_populate_recordset reads it: database column names, dates as ISO text. */
export function recordOfRow<T extends PgTable>(table: T, row: T['$inferSelect']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, c] of Object.entries(getTableColumns(table))) {
    out[c.name] = jsonValue((row as Record<string, unknown>)[key] ?? null);
  }
  return out;
}
