import { and, asc, eq, getTableColumns, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Drawn } from '../../domain/time/balances.js';
import { type TimeEntryStatus, timeEntryStatuses } from '../../domain/time/workflow.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import type { TimeEntryListQuery } from './time.schemas.js';
import { timeEntries, timeEntryInvoices } from './time.tables.js';

/** An entry with the invoice it stands on (time_entry_invoices), as every reader of entries sees it. */
export type TimeEntryRow = typeof timeEntries.$inferSelect & { invoiceId: string | null };

const invoiceIdOf = sql<
  string | null
>`(select ${timeEntryInvoices.invoiceId} from ${timeEntryInvoices} where ${timeEntryInvoices.timeEntryId} = ${timeEntries.id})`;

/** The columns of an entry and its invoice, for `select(entryColumns).from(timeEntries)`. */
export const entryColumns = { ...getTableColumns(timeEntries), invoiceId: invoiceIdOf };

/**
 * A row just written: only entries on no invoice can be written (invoiced ones are approved, and
 * approved ones are locked), so its invoice is none.
 */
export const written = (row: typeof timeEntries.$inferSelect): TimeEntryRow => ({ ...row, invoiceId: null });

/**
 * Serialises writes that read before they write under one key (a technician's overlaps, a client's
 * balances) until the transaction ends. Keys are hashed into PostgreSQL's advisory lock space.
 */
export async function lockKey(tx: DbOrTx, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

export async function findEntry(tx: DbOrTx, id: string, forUpdate = false): Promise<TimeEntryRow> {
  const q = tx.select(entryColumns).from(timeEntries).where(eq(timeEntries.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('NOT_FOUND', 'Time entry', id);
  return row;
}

/** Another entry of the technician that shares an instant with [start, end), if any. */
export async function overlappingEntry(
  tx: DbOrTx,
  technicianId: string,
  start: Date,
  end: Date,
  excludeId: string | null,
): Promise<TimeEntryRow | null> {
  const [row] = await tx
    .select(entryColumns)
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.technicianId, technicianId),
        lt(timeEntries.startedAt, end),
        sql`${timeEntries.endedAt} > ${start}`,
        excludeId ? ne(timeEntries.id, excludeId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** What the client's other entries drew from each agreement within its period (dates inclusive). */
export async function drawnInPeriods(
  tx: DbOrTx,
  periods: readonly { agreementId: string; from: string; to: string }[],
  excludeId: string | null,
): Promise<Drawn> {
  const drawn: Drawn = { blockMinutes: {}, retainerAmount: {} };
  for (const p of periods) {
    const [sum] = await tx
      .select({
        minutes: sql<string>`coalesce(sum(${timeEntries.drawnMinutes}), 0)`,
        amount: sql<string>`coalesce(sum(${timeEntries.drawnAmount}), 0)`,
      })
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.agreementId, p.agreementId),
          sql`${timeEntries.workDate} between ${p.from} and ${p.to}`,
          excludeId ? ne(timeEntries.id, excludeId) : undefined,
        ),
      );
    drawn.blockMinutes[p.agreementId] = Number(sum?.minutes ?? 0);
    drawn.retainerAmount[p.agreementId] = Number(sum?.amount ?? 0);
  }
  return drawn;
}

const Cursor = z.tuple([z.string(), z.uuid()]);

function statusesOf(list: string): TimeEntryStatus[] {
  const codes = list.split(',').filter(Boolean);
  const unknown = codes.filter((c) => !(timeEntryStatuses as readonly string[]).includes(c));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', `Unknown status: ${unknown.join(', ')}.`, [
      { field: 'querystring.status', message: `expected any of ${timeEntryStatuses.join(', ')}` },
    ]);
  return codes as TimeEntryStatus[];
}

/** Entries by start time (then id), oldest first, with the list's filters. */
export async function listEntries(
  tx: DbOrTx,
  query: TimeEntryListQuery,
  me: string,
): Promise<Page<TimeEntryRow>> {
  const where: (SQL | undefined)[] = [];
  if (query.technician)
    where.push(eq(timeEntries.technicianId, query.technician === 'me' ? me : query.technician));
  if (query.client_id) where.push(eq(timeEntries.clientId, query.client_id));
  if (query.ticket_id) where.push(eq(timeEntries.ticketId, query.ticket_id));
  if (query.status) where.push(inArray(timeEntries.status, statusesOf(query.status)));
  if (query.from) where.push(gte(timeEntries.startedAt, new Date(query.from)));
  if (query.to) where.push(lt(timeEntries.startedAt, new Date(query.to)));
  if (query.billable !== undefined) where.push(eq(timeEntries.billable, query.billable));
  if (query.invoiced !== undefined)
    where.push(
      sql`${query.invoiced ? sql`` : sql`not `}exists (select 1 from ${timeEntryInvoices} where ${timeEntryInvoices.timeEntryId} = ${timeEntries.id} and ${timeEntryInvoices.invoiceId} is not null)`,
    );
  if (query.updated_since) where.push(gte(timeEntries.updatedAt, new Date(query.updated_since)));
  if (query.cursor) {
    const [startedAt, id] = decodeCursor(query.cursor, Cursor);
    where.push(sql`(${timeEntries.startedAt}, ${timeEntries.id}) > (${new Date(startedAt)}, ${id}::uuid)`);
  }
  const rows = await tx
    .select(entryColumns)
    .from(timeEntries)
    .where(and(...where))
    .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor([last.startedAt.toISOString(), last.id]) : null };
}
