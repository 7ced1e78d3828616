/**
 * Keel's own accounting export: one row per document line with the document's header fields
 * repeated, for spreadsheets, data warehouses and packages without a QuickBooks or Xero import.
 * Money is a decimal in the currency's minor-unit digits, signed by direction: a credit note's
 * amounts are negative, so summing line_amount over a file nets invoices against credit notes.
 * Lines are written as invoiced (discount in its own column, quantity and price as printed).
 */

import { signOf } from './accounting-rows.js';
import { writeCsv } from './csv-table.js';
import type { InvoiceDocument } from './document.js';
import { assertExportable } from './document-check.js';
import { basisPointsToPercent, minorToDecimal } from './money.js';
import { normalizeQuantity } from './quantity.js';

export const genericColumns = [
  'document_type',
  'number',
  'credits_invoice',
  'issue_date',
  'due_date',
  'period_start',
  'period_end',
  'currency',
  'customer_name',
  'customer_email',
  'customer_tax_id',
  'reference',
  'line_number',
  'item_code',
  'description',
  'service_from',
  'service_to',
  'quantity',
  'unit',
  'unit_price',
  'discount',
  'tax_rate_percent',
  'tax_code',
  'tax_amount',
  'line_amount',
  'account_code',
  'document_subtotal',
  'document_discount_total',
  'document_tax_total',
  'document_total',
  'document_amount_paid',
  'document_balance_due',
] as const;

/** Issued invoices and credit notes, one row per line, dates as YYYY-MM-DD. */
export function toGenericCsv(docs: InvoiceDocument[]): string {
  assertExportable(docs);
  const rows = docs.flatMap((doc) => {
    const sign = signOf(doc);
    const money = (minor: number) => minorToDecimal(sign * minor, doc.currency);
    const header = [
      doc.kind,
      doc.number!,
      doc.creditsInvoiceNumber ?? '',
      doc.issueDate,
      doc.dueDate ?? '',
      doc.period?.start ?? '',
      doc.period?.end ?? '',
      doc.currency,
      doc.buyer.name,
      doc.buyer.email ?? '',
      doc.buyer.taxId ?? '',
      doc.reference ?? '',
    ];
    const totals = [
      money(doc.subtotal),
      money(doc.discountTotal),
      money(doc.taxTotal),
      money(doc.total),
      money(doc.amountPaid),
      money(doc.balanceDue),
    ];
    return doc.lines.map((line, i) => [
      ...header,
      String(i + 1),
      line.itemCode ?? '',
      line.description,
      line.servicePeriod?.from ?? '',
      line.servicePeriod?.to ?? '',
      normalizeQuantity(line.quantity),
      line.unit ?? '',
      money(line.unitPrice),
      money(line.discount),
      basisPointsToPercent(line.taxRateBp),
      line.taxCode ?? '',
      money(line.taxAmount),
      money(line.amount),
      line.accountCode ?? '',
      ...totals,
    ]);
  });
  return writeCsv(genericColumns, rows);
}
