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

/** `before` when it already holds `ms`: most decisions leave most instants as they were. */
const instantOf = (before: Date | null, ms: number) => (before?.getTime() === ms ? before : new Date(ms));

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
    firstSeen: instantOf(row.firstSeen ?? null, r.firstSeen),
    lastSeen: instantOf(row.lastSeen ?? null, r.lastSeen),
    firingSince: instantOf(row.firingSince ?? null, r.firingSince),
    resolvedAt: r.resolvedAt === null ? null : instantOf(row.resolvedAt ?? null, r.resolvedAt),
    acknowledged: r.acknowledged,
    silencedBy: r.silencedBy,
    changes: r.changes === row.changes ? row.changes : [...r.changes],
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

/**
 * The row versions a decision was made on: the alert row's and its ticket link's `xmin` (null: no
 * link). Any write to either row, by any writer in any process, gives it a new xmin, so a writer that
 * finds both unchanged under the fingerprint's lock knows the state it holds is the stored one.
 */
export type Version = { alert: string; link: string | null };

/** A fingerprint's latest alert with the versions it was read at. */
export type Known = { current: Current; version: Version };

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
    sql`a.xmin::text`,
    sql`t.xmin::text`,
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

/** The latest alert (live or not) of each fingerprint, with its ticket link and their versions. */
export async function latestAlerts(
  tx: DbOrTx,
  keys: readonly { integration: string; fingerprint: string }[],
): Promise<Map<string, Known>> {
  const out = new Map<string, Known>();
  if (keys.length === 0) return out;
  const [result] = await rawRows(
    tx,
    // One index probe per fingerprint (the latest by first seen), whatever the table's size.
    sql`select json_agg(json_build_array(${latestSelect}))::text as rows
      from json_to_recordset(${JSON.stringify(keys)}::json) as k(integration text, fingerprint text)
      cross join lateral (
        select *, xmin from alerts
        where alerts.integration = k.integration and alerts.fingerprint = k.fingerprint
        order by alerts.first_seen desc, alerts.id desc
        limit 1
      ) as a
      left join alert_tickets t on t.alert_id = a.id`,
  );
  const rows = JSON.parse((result?.rows as string | null) ?? '[]') as unknown[][];
  const versionAt = stateKeys.length + linkKeys.length;
  for (const values of rows) {
    const row = fromJson<AlertState>(alertColumns, stateKeys, values, 0);
    const link =
      values[stateKeys.length] === null
        ? null
        : fromJson<TicketLink>(linkColumns, linkKeys, values, stateKeys.length);
    out.set(keyOf(row.integration, row.fingerprint), {
      current: { row, link },
      version: { alert: values[versionAt] as string, link: values[versionAt + 1] as string | null },
    });
  }
  return out;
}

/** Written on every update: what a repeat changes. */
const countedKeys = ['count', 'lastSeen', 'lastNotedAt', 'reasons', 'updatedAt'] as const;
/** Written only by a whole-row update (a repeat leaves them as stored). */
const stateOnlyKeys = stateKeys.filter(
  (k) => k !== 'id' && !(countedKeys as readonly string[]).includes(k),
) as Exclude<(typeof stateKeys)[number], 'id' | (typeof countedKeys)[number]>[];
/** Written only when given (null keeps what is stored). */
const keptKeys = ['mappingReason', 'labels', 'identity', 'description', 'url'] as const;

type Column = (typeof alertColumns)[keyof typeof alertColumns];
const nameOf = (c: Column) => sql.identifier(c.name);
const recordType = (keys: readonly (keyof typeof alertColumns)[]) =>
  sql.join(
    keys.map((k) => sql`${nameOf(alertColumns[k])} ${sql.raw(alertColumns[k].getSQLType())}`),
    sql`, `,
  );

/**
 * The versions a row must still have (its alert's xmin and its link's) for the write to apply; `l`
 * is the link joined to the records (a hash join: a subquery per row costs an index scan each).
 */
const versionCheck = sql`(r.v is null or (t.xmin = r.v and l.xmin is not distinct from r.lv))`;

const setFromRecord = (k: keyof typeof alertColumns) =>
  sql`${nameOf(alertColumns[k])} = r.${nameOf(alertColumns[k])}`;
/** A repeat's columns only: each column declared costs the recordset a lookup in every record. */
const countedSets = sql.join(countedKeys.map(setFromRecord), sql`, `);
const countedRecord = sql`${recordType(['id', ...countedKeys])}, v xid, lv xid`;
const wholeSets = sql.join(
  [
    ...[...countedKeys, ...stateOnlyKeys].map(setFromRecord),
    ...keptKeys.map((k) => {
      const name = nameOf(alertColumns[k]);
      return sql`${name} = coalesce(r.${name}, t.${name})`;
    }),
  ],
  sql`, `,
);
const wholeRecord = sql`${recordType(['id', ...countedKeys, ...stateOnlyKeys, ...keptKeys])}, v xid, lv xid`;

/** An alert's new state, the state stored before it, and the versions it was decided on (none: read under the lock). */
export type StateUpdate = { write: AlertWrite; stored: AlertState | null; version: Version | null };

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether the write changes nothing but what a repeat changes (count, last seen, reasons, note time). */
function countedOnly(w: AlertWrite, s: AlertState | null): boolean {
  return (
    s !== null &&
    keptKeys.every((k) => w[k] === null) &&
    w.status === s.status &&
    w.clientId === s.clientId &&
    w.assetId === s.assetId &&
    w.severity === s.severity &&
    w.summary === s.summary &&
    sameInstant(w.firstSeen, s.firstSeen) &&
    sameInstant(w.firingSince, s.firingSince) &&
    sameInstant(w.resolvedAt, s.resolvedAt) &&
    w.acknowledged === s.acknowledged &&
    w.silencedBy === s.silencedBy &&
    sameJson(w.changes, s.changes) &&
    sameJson(w.flapping, s.flapping)
  );
}

function updateRecordOf({ write, version }: StateUpdate, whole: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: write.id };
  for (const k of countedKeys) out[alertColumns[k].name] = jsonValue(write[k]);
  if (whole) {
    for (const k of stateOnlyKeys) out[alertColumns[k].name] = jsonValue(write[k]);
    for (const k of keptKeys) out[alertColumns[k].name] = jsonValue(write[k]);
  }
  out.v = version?.alert ?? null;
  out.lv = version?.link ?? null;
  return out;
}

const recordset = (records: Record<string, unknown>[], type: SQL) =>
  sql`jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${type})
    left join alert_tickets l on l.alert_id = r.id`;

/**
 * Many alerts' state written in one statement with one parameter, each row only if it still has
 * the versions it was decided on (`version`; none: read under the lock); `unchanged` are alerts
 * decided on but not written, whose versions are checked all the same. Returns the new version of
 * every row written or found unchanged; an alert missing from it was changed by another writer.
 *
 * A repeat sends only what it changes: the JSON of a full row costs the store more than the update.
 */
export async function writeAlertStates(
  tx: DbOrTx,
  updates: readonly StateUpdate[],
  unchanged: readonly { id: string; version: Version }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!updates.length && !unchanged.length) return out;
  const counted = updates.filter((u) => countedOnly(u.write, u.stored));
  const whole = updates.filter((u) => !countedOnly(u.write, u.stored));
  const parts: SQL[] = [];
  if (counted.length)
    parts.push(sql`update alerts as t set ${countedSets}
      from ${recordset(
        counted.map((u) => updateRecordOf(u, false)),
        countedRecord,
      )}
      where t.id = r.id and ${versionCheck}
      returning t.id, t.xmin::text as v`);
  if (whole.length)
    parts.push(sql`update alerts as t set ${wholeSets}
      from ${recordset(
        whole.map((u) => updateRecordOf(u, true)),
        wholeRecord,
      )}
      where t.id = r.id and ${versionCheck}
      returning t.id, t.xmin::text as v`);
  if (unchanged.length)
    parts.push(sql`select t.id, t.xmin::text as v
      from ${recordset(
        unchanged.map((u) => ({ id: u.id, v: u.version.alert, lv: u.version.link })),
        sql`id uuid, v xid, lv xid`,
      )}
      join alerts t on t.id = r.id
      where ${versionCheck}`);
  const query =
    parts.length === 1
      ? parts[0]!
      : sql`with ${sql.join(
          parts.map((p, n) => sql`${sql.raw(`p${n}`)} as (${p})`),
          sql`, `,
        )} ${sql.join(
          parts.map((_, n) => sql.raw(`select id, v from p${n}`)),
          sql` union all `,
        )}`;
  for (const r of await rawRows(tx, query)) out.set(String(r.id), String(r.v));
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
