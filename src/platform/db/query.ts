import { and, asc, gte, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { AccessScope } from '../auth/principal.js';
import { decodeCursor, encodeCursor, type ListQuery, type Page } from '../http/pagination.js';

/** The row filter an access scope imposes: nothing for staff, one client for a portal user. */
export const inScope = (scope: AccessScope, clientIdColumn: PgColumn): SQL | undefined =>
  scope.kind === 'client' ? sql`${clientIdColumn} = ${scope.clientId}` : undefined;

/** ILIKE pattern for a search text, with the user's % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const NameIdCursor = z.tuple([z.string().max(500), z.uuid()]);

type Keyed = { id: string; name: string };

/**
 * A page ordered by (name, id) with an opaque cursor, plus the filters every list shares
 * (updated_since, archived). `where` holds the caller's own conditions (scope, search, parent).
 */
export async function listByName<T extends Keyed>(
  table: { name: PgColumn; id: PgColumn; updatedAt: PgColumn; archivedAt: PgColumn },
  query: ListQuery,
  where: (SQL | undefined)[],
  run: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<T[]>,
): Promise<Page<T>> {
  const conditions = [...where];
  if (!query.include_archived) conditions.push(isNull(table.archivedAt));
  if (query.updated_since) conditions.push(gte(table.updatedAt, new Date(query.updated_since)));
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, NameIdCursor);
    conditions.push(sql`(${table.name}, ${table.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await run(and(...conditions), [asc(table.name), asc(table.id)], query.limit + 1);
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor([last.name, last.id]) : null };
}
