/**
 * An invoice's totals are the billing rules' (src/domain/billing/totals.ts) over all of its lines,
 * recomputed and written whenever a draft's lines or discounts change, in the same transaction: a
 * new line shifts every line's share of the invoice discount and of the tax.
 */
import { eq, sql } from 'drizzle-orm';
import { type Discount, type InvoiceTotals, invoiceTotals } from '../../domain/billing/index.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { invoiceLines, invoices } from './billing.tables.js';
import type { InvoiceLineRow } from './invoice-lines.rows.js';

type DiscountColumns = { discountKind: 'percent' | 'fixed' | null; discountValue: number | null };

export function discountOf(c: DiscountColumns): Discount | null {
  if (c.discountKind === null || c.discountValue === null) return null;
  return c.discountKind === 'percent'
    ? { kind: 'percent', basisPoints: c.discountValue }
    : { kind: 'fixed', amount: c.discountValue };
}

export const discountColumns = (d: Discount | null): DiscountColumns =>
  d === null
    ? { discountKind: null, discountValue: null }
    : d.kind === 'percent'
      ? { discountKind: 'percent', discountValue: d.basisPoints }
      : { discountKind: 'fixed', discountValue: d.amount };

export type TotalledLine = Pick<InvoiceLineRow, 'key' | 'amount' | 'taxable'> & DiscountColumns;

export function totalsOf(
  lines: readonly TotalledLine[],
  invoice: DiscountColumns & { taxRateBp: number },
): InvoiceTotals {
  return invoiceTotals({
    lines: lines.map((l) => ({ key: l.key, amount: l.amount, taxable: l.taxable, discount: discountOf(l) })),
    invoiceDiscount: discountOf(invoice),
    taxRate: invoice.taxRateBp,
  });
}

const sameTotals = (row: InvoiceLineRow, t: InvoiceTotals['lines'][number]) =>
  row.lineDiscount === t.lineDiscount &&
  row.invoiceDiscount === t.invoiceDiscount &&
  row.net === t.net &&
  row.tax === t.tax &&
  row.gross === t.gross;

/** Writes new totals onto the lines whose shares changed (one statement) and onto the invoice. */
export async function writeTotals(
  tx: DbOrTx,
  invoiceId: string,
  rows: readonly InvoiceLineRow[],
  totals: InvoiceTotals,
  extra: Partial<typeof invoices.$inferInsert> = {},
  now = new Date(),
): Promise<void> {
  const byKey = new Map(totals.lines.map((l) => [l.key, l]));
  const changed = rows.flatMap((row) => {
    const t = byKey.get(row.key);
    return t && !sameTotals(row, t)
      ? [
          {
            id: row.id,
            line_discount: t.lineDiscount,
            invoice_discount: t.invoiceDiscount,
            net: t.net,
            tax: t.tax,
            gross: t.gross,
          },
        ]
      : [];
  });
  if (changed.length) {
    await tx.execute(sql`
      update ${invoiceLines} set
        line_discount = v.line_discount, invoice_discount = v.invoice_discount,
        net = v.net, tax = v.tax, gross = v.gross, updated_at = ${now}
      from json_to_recordset(${JSON.stringify(changed)}::json)
        as v(id uuid, line_discount bigint, invoice_discount bigint, net bigint, tax bigint, gross bigint)
      where ${invoiceLines.id} = v.id`);
  }
  await tx
    .update(invoices)
    .set({
      subtotal: totals.subtotal,
      discountTotal: totals.discount,
      netTotal: totals.net,
      taxTotal: totals.tax,
      total: totals.total,
      taxRateBp: totals.taxRate,
      ...extra,
      updatedAt: now,
    })
    .where(eq(invoices.id, invoiceId));
}
