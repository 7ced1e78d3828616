/**
 * An invoice's paid amount, status and settlement day follow from the money applied to it. After
 * allocations change (a payment recorded, applied from credit, or voided), they are recomputed
 * from the allocation rows themselves — not adjusted by a delta — so a mistake cannot accumulate.
 * The caller holds the invoice rows locked (FOR UPDATE) in its transaction.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { invoiceBalance, isIssued, settlementStatus } from '../../domain/billing/index.js';
import type { Tx } from '../../platform/db/store.js';
import { invoices, paymentAllocations } from './billing.tables.js';

export type InvoiceRow = typeof invoices.$inferSelect;

/** The client's issued invoices with money still owed, locked for the transaction (in id order, as every writer locks them). */
export async function lockOpenInvoices(tx: Tx, clientId: string, currency: string): Promise<InvoiceRow[]> {
  return tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.clientId, clientId),
        eq(invoices.kind, 'invoice'),
        eq(invoices.currency, currency),
        inArray(invoices.status, ['issued', 'partially_paid']),
        sql`${invoices.total} - ${invoices.amountPaid} - ${invoices.amountCredited} > 0`,
      ),
    )
    .orderBy(asc(invoices.id))
    .for('update');
}

export const balanceOf = (row: Pick<InvoiceRow, 'total' | 'amountPaid' | 'amountCredited'>) =>
  Math.max(0, row.total - row.amountPaid - row.amountCredited);

/** Recomputes amount paid, status and settlement day of these (locked) invoices from their allocations. */
export async function resettle(tx: Tx, invoiceIds: readonly string[], now: Date): Promise<void> {
  for (const id of [...new Set(invoiceIds)].sort()) {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update');
    if (!invoice || !isIssued(invoice.status)) continue;
    const allocations = await tx
      .select({ date: paymentAllocations.appliedOn, amount: paymentAllocations.amount })
      .from(paymentAllocations)
      .where(eq(paymentAllocations.invoiceId, id));
    const creditNotes = await tx
      .select({ date: invoices.issueDate, amount: invoices.total })
      .from(invoices)
      .where(and(eq(invoices.creditedInvoiceId, id), ne(invoices.status, 'void')));
    const credits = creditNotes
      .filter((c): c is { date: string; amount: number } => c.date !== null)
      .map((c) => ({ date: c.date, amount: Math.max(0, c.amount) }));
    const money = invoiceBalance({
      status: invoice.status,
      total: invoice.total,
      payments: allocations,
      credits,
    });
    // The credit notes' sum is the billing core's to keep (amount_credited); only the paid side is recomputed here.
    const paid = money.paid;
    const status = settlementStatus(invoice.total, paid, invoice.amountCredited);
    await tx
      .update(invoices)
      .set({
        amountPaid: paid,
        status,
        settledOn: status === 'paid' ? money.settledOn : null,
        updatedAt: now,
      })
      .where(eq(invoices.id, id));
  }
}
