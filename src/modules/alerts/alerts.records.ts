/**
 * Alert rows as the lifecycle rules read them (AlertRecord, epoch ms) and back, and the few
 * statements every writer of alerts shares: the per-fingerprint lock and the latest alert of each
 * fingerprint with its ticket link.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AlertRecord, LinkedTicket } from '../../domain/monitoring/index.js';
import { rawRows, rowOf } from '../../platform/db/recordset.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { alerts, alertTickets } from './alerts.tables.js';

export type AlertRow = typeof alerts.$inferSelect;
export type TicketLink = typeof alertTickets.$inferSelect;

/** An alert's fingerprint within its integration: the unit of dedup and of locking. */
export const keyOf = (integration: string, fingerprint: string) => `${integration} ${fingerprint}`;

const ms = (d: Date | null) => (d === null ? null : d.getTime());

export function recordOf(row: AlertRow): AlertRecord {
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
export function withRecord(row: AlertRow, r: AlertRecord): AlertRow {
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

export type Current = { row: AlertRow; link: TicketLink | null };

const linkColumns = Object.entries(getTableColumns(alertTickets));

/** The latest alert (live or not) of each fingerprint, with its ticket link. */
export async function latestAlerts(
  tx: DbOrTx,
  keys: readonly { integration: string; fingerprint: string }[],
): Promise<Map<string, Current>> {
  const out = new Map<string, Current>();
  if (keys.length === 0) return out;
  const linkSelect = sql.join(
    linkColumns.map(([, c]) => sql`t.${sql.identifier(c.name)} as ${sql.identifier(`link_${c.name}`)}`),
    sql`, `,
  );
  const rows = await rawRows(
    tx,
    sql`select distinct on (a.integration, a.fingerprint) a.*, ${linkSelect}
      from json_to_recordset(${JSON.stringify(keys)}::json) as k(integration text, fingerprint text)
      join alerts a on a.integration = k.integration and a.fingerprint = k.fingerprint
      left join alert_tickets t on t.alert_id = a.id
      order by a.integration, a.fingerprint, a.first_seen desc, a.id desc`,
  );
  for (const raw of rows) {
    const row = rowOf(alerts, raw);
    const link =
      raw.link_alert_id === null
        ? null
        : rowOf(
            alertTickets,
            Object.fromEntries(linkColumns.map(([, c]) => [c.name, raw[`link_${c.name}`]])),
          );
    out.set(keyOf(row.integration, row.fingerprint), { row, link });
  }
  return out;
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

/**
 * `UPDATE table SET (cols) = (r.cols) FROM json_populate_recordset(…) r WHERE id = r.id`: many rows
 * written whole in one statement with one parameter.
 */
export function recordsetUpdate<T extends PgTable>(table: T, rows: readonly T['$inferSelect'][]): SQL {
  const names = Object.values(getTableColumns(table))
    .filter((c) => c.name !== 'id' && !c.generated)
    .map((c) => c.name);
  const target = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const source = sql.join(
    names.map((n) => sql`r.${sql.identifier(n)}`),
    sql`, `,
  );
  const records = rows.map((r) => recordOfRow(table, r));
  return sql`update ${table} as t set (${target}) = (${source}) from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json) as r where t.id = r.id`;
}
