/**
 * An invoice or credit note as the documents present it (documents/document.ts): its stored lines
 * and totals, the buyer and seller it was issued with, and what has been paid. Nothing is computed
 * again: the documents check that the figures add up before they print or export them.
 *
 *  - A line's discount on the document is its own discount plus its share of the invoice discount;
 *    its amount is the net after both, its tax the stored tax (the invoice's rate when taxable).
 *  - Credit notes reduce what an invoice owes but are not payments; the document's "amount paid"
 *    counts them so its balance due is what the client still owes, and a note says which they are.
 *  - A draft has no number and no issue date yet: it is shown as of today with the terms it will get.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { dueDate, periodEnd, periodStart } from '../../domain/billing/index.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { invoiceLines, invoices } from './billing.tables.js';
import type { InvoiceRow } from './billing-run.client.js';
import { formatMoney, type InvoiceDocument, type InvoiceDocumentLine } from './documents/index.js';
import type { InvoiceLineRow } from './invoice-lines.rows.js';
import { findInvoice, linesOf } from './invoices.queries.js';
import { sellerOf } from './invoices.service.js';
import { type BillingSettingsRow, readSettings } from './settings.service.js';

/** Hundredths are the finest quantity a document prints (a quarter hour is 0.25). */
const documentQuantity = (q: number) => Math.round(q * 100) / 100;

const termsText = (days: number) => (days === 0 ? 'Due on receipt' : `Net ${days}`);

function documentLine(line: InvoiceLineRow, taxRateBp: number): InvoiceDocumentLine {
  return {
    description: line.description,
    servicePeriod: line.fromDate && line.toDate ? { from: line.fromDate, to: line.toDate } : null,
    quantity: documentQuantity(line.quantity),
    unit: line.unit,
    unitPrice: line.unitPrice,
    discount: line.lineDiscount + line.invoiceDiscount,
    taxRateBp: line.taxable ? taxRateBp : 0,
    taxAmount: line.tax,
    amount: line.net,
  };
}

/** The document of an invoice row and its lines, as of `today` for a draft. */
export async function documentOf(
  db: DbOrTx,
  row: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  today: string,
  settings: BillingSettingsRow,
): Promise<InvoiceDocument> {
  const issueDate = row.issueDate ?? today;
  let creditsInvoiceNumber: string | null = null;
  let notes = row.notes || null;
  let amountPaid = 0;
  if (row.kind === 'credit_note' && row.creditedInvoiceId) {
    const [credited] = await db
      .select({ number: invoices.number })
      .from(invoices)
      .where(eq(invoices.id, row.creditedInvoiceId));
    creditsInvoiceNumber = credited?.number ?? null;
  } else {
    amountPaid = Math.min(row.total, row.amountPaid + row.amountCredited);
    if (row.amountCredited > 0) {
      const notesOf = await db
        .select({ number: invoices.number })
        .from(invoices)
        .where(and(eq(invoices.creditedInvoiceId, row.id), ne(invoices.status, 'void')));
      const credited = formatMoney(row.amountCredited, row.currency, settings.locale);
      notes = [
        notes,
        `Amount paid includes ${credited} credited by ${notesOf.map((n) => n.number).join(', ')}.`,
      ]
        .filter(Boolean)
        .join('\n');
    }
  }
  return {
    kind: row.kind,
    number: row.number,
    creditsInvoiceNumber,
    issueDate,
    dueDate: row.kind === 'invoice' ? (row.dueDate ?? dueDate(issueDate, row.paymentTermsDays)) : null,
    period: { start: periodStart(row.period), end: periodEnd(row.period) },
    currency: row.currency,
    locale: settings.locale,
    terms: row.kind === 'invoice' ? termsText(row.paymentTermsDays) : null,
    reference: row.reference,
    seller: row.seller ?? sellerOf(settings),
    buyer: {
      name: row.buyer.name,
      address: row.buyer.address,
      email: row.buyer.email,
      taxId: row.buyer.taxId,
    },
    lines: lines.map((l) => documentLine(l, row.taxRateBp)),
    subtotal: row.subtotal,
    discountTotal: row.discountTotal,
    taxTotal: row.taxTotal,
    total: row.total,
    amountPaid,
    balanceDue: row.total - amountPaid,
    notes,
  };
}

/** The document of one invoice the caller may see (a portal user: its client's, once issued). */
export async function loadInvoiceDocument(
  db: DbOrTx,
  scope: AccessScope,
  id: string,
  today: string,
): Promise<{ row: InvoiceRow; document: InvoiceDocument }> {
  const row = await findInvoice(db, scope, id);
  return { row, document: await documentOf(db, row, await linesOf(db, id), today, await readSettings(db)) };
}

/** Documents of many issued invoices and credit notes, in the order of `rows`. */
export async function documentsOf(db: DbOrTx, rows: readonly InvoiceRow[], today: string) {
  if (!rows.length) return [];
  const settings = await readSettings(db);
  const all = await db
    .select()
    .from(invoiceLines)
    .where(
      inArray(
        invoiceLines.invoiceId,
        rows.map((r) => r.id),
      ),
    );
  const byInvoice = new Map<string, InvoiceLineRow[]>();
  for (const l of all.sort((a, b) => a.position - b.position))
    byInvoice.set(l.invoiceId, [...(byInvoice.get(l.invoiceId) ?? []), l]);
  const out: InvoiceDocument[] = [];
  for (const row of rows) out.push(await documentOf(db, row, byInvoice.get(row.id) ?? [], today, settings));
  return out;
}
