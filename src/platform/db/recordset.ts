/**
 * Many rows in one parameter. Drizzle's multi-row VALUES costs a bound parameter, a builder pass and
 * a type check per cell, which dominates a group-committed write of tens of rows; a JSON array
 * unpacked by json_populate_recordset costs one parameter per table, whatever the row count.
 */
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './store.js';

type Insertable<T extends PgTable> = T['$inferInsert'];

const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function recordsOf<T extends PgTable>(table: T, rows: readonly Insertable<T>[]) {
  // Generated columns cannot be written; Drizzle marks them with `generated`.
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => !c.generated);
  const setBy = (key: string) => rows.filter((r) => (r as Record<string, unknown>)[key] !== undefined).length;
  const used = columns.filter(([key, c]) => c.defaultFn !== undefined || setBy(key) > 0);
  // A column some rows leave out would take null there, not its default as in a VALUES list.
  const mixed = used.filter(([key, c]) => c.defaultFn === undefined && setBy(key) < rows.length);
  if (mixed.length)
    throw new Error(
      `Rows for ${getTableName(table)} differ in the columns they set: ${mixed.map(([k]) => k)}`,
    );
  const records = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, c] of used) {
      const value = (row as Record<string, unknown>)[key];
      out[c.name] = jsonValue(value === undefined && c.defaultFn ? c.defaultFn() : (value ?? null));
    }
    return out;
  });
  const names = sql.join(
    used.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const query = sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)`;
  const unset = Object.values(getTableColumns(table)).filter((c) => !used.some(([, u]) => u === c));
  return { query, records, unset };
}

/**
 * `INSERT INTO table (cols) SELECT cols FROM json_populate_recordset(…)` for the given rows. The
 * columns are those the rows set, and every row must set the same ones (null to mean null); the
 * rest take their database defaults, and a column with a client-side default (ids) gets it here,
 * as Drizzle's own insert would.
 */
export const recordsetInsert = <T extends PgTable>(table: T, rows: readonly Insertable<T>[]): SQL =>
  recordsOf(table, rows).query;

/**
 * The same INSERT returning the written rows, in the order given. Only what the database decided
 * (defaults, identities) comes back over the wire, matched by `key`; the rest is what was sent.
 */
export function recordsetInsertReturning<T extends PgTable>(
  table: T,
  rows: readonly Insertable<T>[],
  key: string & keyof T['$inferSelect'],
) {
  const { query, records, unset } = recordsOf(table, rows);
  const keyName = getTableColumns(table)[key]!.name;
  const returned = sql.join(
    [keyName, ...unset.map((c) => c.name)].map((n) => sql.identifier(n)),
    sql`, `,
  );
  return {
    query: sql`${query} returning ${returned}`,
    rows(raw: Record<string, unknown>[]): T['$inferSelect'][] {
      const byKey = new Map(raw.map((r) => [r[keyName], r]));
      return records.map((sent) => rowOf(table, { ...sent, ...byKey.get(sent[keyName]) }));
    },
  };
}

/** A raw row (database column names, driver values) as Drizzle would have returned it. */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, c] of Object.entries(getTableColumns(table))) {
    const value = raw[c.name];
    out[key] = value === null || value === undefined ? null : c.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}

/** Runs a statement and returns its raw rows, on either store. */
export async function rawRows(db: DbOrTx, query: SQL): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}
