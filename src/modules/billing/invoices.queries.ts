import { and, asc, eq, gte, ne, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parsePeriod } from '../../domain/billing/index.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { inScope } from '../../platform/db/query.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import { billingRules } from './billing.errors.js';
import type { InvoiceListQuery } from './billing.schemas.js';
import { invoiceLines, invoices } from './billing.tables.js';
import type { InvoiceRow } from './billing-run.client.js';
import type { InvoiceLineRow } from './invoice-lines.rows.js';

/** A portal user sees their own client's invoices once issued: never a draft. */
const visible = (scope: AccessScope): SQL | undefined =>
  scope.kind === 'client' ? and(inScope(scope, invoices.clientId), ne(invoices.status, 'draft')) : undefined;

export async function findInvoice(
  tx: DbOrTx,
  scope: AccessScope,
  id: string,
  forUpdate = false,
): Promise<InvoiceRow> {
  const q = tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), visible(scope)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('INVOICE_NOT_FOUND', 'Invoice', id);
  return row;
}

export const linesOf = (tx: DbOrTx, invoiceId: string): Promise<InvoiceLineRow[]> =>
  tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));

const Cursor = z.tuple([z.uuid()]);

/** Invoices and credit notes in the order they were made (ids are time-ordered), with the list's filters. */
export async function listInvoices(
  tx: DbOrTx,
  scope: AccessScope,
  query: InvoiceListQuery,
): Promise<Page<InvoiceRow>> {
  const period = query.period
    ? await billingRules(() => parsePeriod(query.period, 'period'), 'querystring')
    : null;
  const where: (SQL | undefined)[] = [visible(scope)];
  if (query.client_id) where.push(eq(invoices.clientId, query.client_id));
  if (period) where.push(eq(invoices.period, period));
  if (query.status) where.push(eq(invoices.status, query.status));
  if (query.kind) where.push(eq(invoices.kind, query.kind));
  if (query.updated_since) where.push(gte(invoices.updatedAt, new Date(query.updated_since)));
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, Cursor);
    where.push(sql`${invoices.id} > ${id}::uuid`);
  }
  const rows = await tx
    .select()
    .from(invoices)
    .where(and(...where))
    .orderBy(asc(invoices.id))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor([last.id]) : null };
}
