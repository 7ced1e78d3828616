/**
 * Invoice documents: the PDF a client is sent and the files an accounting package imports, all
 * from one presentation model the billing module fills in.
 */
export type { AccountingRow } from './accounting-rows.js';
export { accountingRows } from './accounting-rows.js';
export type { CsvDateFormat } from './dates.js';
export type {
  DateSpan,
  DocumentBuyer,
  DocumentKind,
  DocumentSeller,
  InvoiceDocument,
  InvoiceDocumentLine,
  PostalAddress,
} from './document.js';
export { assertExportable, assertInvoiceDocument, invoiceDocumentProblems } from './document-check.js';
export { genericColumns, toGenericCsv } from './generic-csv.js';
export { type PdfOptions, renderInvoicePdf } from './invoice-pdf.js';
export { currencyDigits, formatMoney, minorToDecimal } from './money.js';
export {
  type QuickBooksExport,
  type QuickBooksExportOptions,
  quickBooksCreditNoteColumns,
  quickBooksInvoiceColumns,
  toQuickBooksCsv,
} from './quickbooks-csv.js';
export { toXeroCsv, type XeroExportOptions, xeroSalesInvoiceColumns } from './xero-csv.js';
