/**
 * QuickBooks Online import files. Invoices and credit notes are two imports in QuickBooks
 * Online (Settings → Import data → Invoices, and → Credit notes; Intuit help "How to import
 * credit notes"), so two files come out, each with its own number and date columns; a credit
 * note is booked with positive amounts, as QuickBooks credit notes are.
 *
 * Columns follow the names QuickBooks Online maps by itself (Intuit's invoice import template:
 * InvoiceNo, Customer, InvoiceDate, DueDate, Terms, Location, Memo, Item(Product/Service),
 * ItemDescription, ItemQuantity, ItemRate, ItemAmount, ItemTaxCode, ItemTaxAmount, Currency,
 * Service Date); the wizard lets the user confirm the mapping and pick the date format used,
 * which is why the format is an option. Lines with the same InvoiceNo form one invoice.
 */
import { type AccountingRow, accountingRows, taxCodeOf } from './accounting-rows.js';
import { writeCsv } from './csv-table.js';
import { type CsvDateFormat, formatCsvDate } from './dates.js';
import type { InvoiceDocument } from './document.js';
import { assertExportable } from './document-check.js';
import { minorToDecimal } from './money.js';

export const quickBooksInvoiceColumns = [
  'InvoiceNo',
  'Customer',
  'InvoiceDate',
  'DueDate',
  'Terms',
  'Location',
  'Memo',
  'Item(Product/Service)',
  'ItemDescription',
  'ItemQuantity',
  'ItemRate',
  'ItemAmount',
  'ItemTaxCode',
  'ItemTaxAmount',
  'Currency',
  'Service Date',
] as const;

export const quickBooksCreditNoteColumns = [
  'CreditNoteNo',
  'Customer',
  'CreditNoteDate',
  'Memo',
  'Item(Product/Service)',
  'ItemDescription',
  'ItemQuantity',
  'ItemRate',
  'ItemAmount',
  'ItemTaxCode',
  'ItemTaxAmount',
  'Currency',
  'Service Date',
] as const;

export type QuickBooksExportOptions = {
  /** The date format chosen in the import wizard; QuickBooks US companies default to MM/dd/yyyy. */
  dateFormat?: CsvDateFormat;
  /**
   * QuickBooks tax code per rate in basis points ({ 2000: '20.0% S' }) for lines without their own
   * taxCode. Without either, US sales-tax codes are written: TAX when taxed, NON when not.
   */
  taxCodes?: Readonly<Record<number, string>>;
  /** A QuickBooks location (department) every document is booked to. */
  location?: string;
};

export type QuickBooksExport = { invoices: string; creditNotes: string };

/** Issued invoices and credit notes as the two QuickBooks Online import files. */
export function toQuickBooksCsv(
  docs: InvoiceDocument[],
  options: QuickBooksExportOptions = {},
): QuickBooksExport {
  assertExportable(docs);
  const dateFormat = options.dateFormat ?? 'MM/dd/yyyy';
  const date = (d: string) => formatCsvDate(d, dateFormat);
  const invoiceRows: string[][] = [];
  const creditRows: string[][] = [];

  for (const doc of docs) {
    const money = (minor: number) => minorToDecimal(minor, doc.currency);
    const lineFields = (row: AccountingRow) => [
      row.isDiscount ? '' : (row.line.itemCode ?? ''),
      row.description,
      row.quantity,
      money(row.rate),
      money(row.amount),
      taxCodeOf(row.line, options.taxCodes) ?? (row.line.taxRateBp > 0 ? 'TAX' : 'NON'),
      money(row.taxAmount),
      doc.currency,
      row.line.servicePeriod ? date(row.line.servicePeriod.from) : '',
    ];
    for (const row of accountingRows(doc)) {
      if (doc.kind === 'invoice') {
        invoiceRows.push([
          doc.number!,
          doc.buyer.name,
          date(doc.issueDate),
          date(doc.dueDate ?? doc.issueDate),
          doc.terms ?? '',
          options.location ?? '',
          invoiceMemo(doc),
          ...lineFields(row),
        ]);
      } else {
        creditRows.push([
          doc.number!,
          doc.buyer.name,
          date(doc.issueDate),
          invoiceMemo(doc),
          ...lineFields(row),
        ]);
      }
    }
  }
  return {
    invoices: writeCsv(quickBooksInvoiceColumns, invoiceRows),
    creditNotes: writeCsv(quickBooksCreditNoteColumns, creditRows),
  };
}

/** What the accountant reads on the transaction: the period billed, or the invoice credited. */
function invoiceMemo(doc: InvoiceDocument): string {
  const parts: string[] = [];
  if (doc.kind === 'credit_note') parts.push(`Credits invoice ${doc.creditsInvoiceNumber}`);
  if (doc.period) parts.push(`Period ${doc.period.start} to ${doc.period.end}`);
  if (doc.reference) parts.push(`Reference ${doc.reference}`);
  return parts.join('; ');
}
