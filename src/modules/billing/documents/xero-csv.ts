/**
 * Xero sales invoice import (Business → Invoices → Import), in the columns of Xero's own
 * template, SalesInvoiceTemplate.csv: a leading '*' marks the columns Xero requires, and the
 * header names must be kept as they are. One row per line; rows with the same InvoiceNumber form
 * one invoice. Total and TaxAmount are what Xero would compute from the lines; TaxAmount is sent
 * so Xero keeps the tax as invoiced instead of recomputing it per line.
 *
 * Credit notes go in the same template: Xero imports a document whose total is negative as a
 * credit note (Xero Central, "Import invoices": enter negative amounts to import credit notes),
 * so their UnitAmount, TaxAmount and Total are written negative, quantities stay positive, and
 * Reference names the invoice credited. Xero requires a DueDate; a credit note uses its date.
 * Dates follow the organisation's region in Xero (DD/MM/YYYY outside the US), hence the option.
 */

import { AppError, type FieldError } from '../../../platform/errors.js';
import { accountingRows, signOf, taxCodeOf } from './accounting-rows.js';
import { writeCsv } from './csv-table.js';
import { type CsvDateFormat, formatCsvDate } from './dates.js';
import type { InvoiceDocument } from './document.js';
import { assertExportable } from './document-check.js';
import { minorToDecimal } from './money.js';

export const xeroSalesInvoiceColumns = [
  '*ContactName',
  'EmailAddress',
  'POAddressLine1',
  'POAddressLine2',
  'POAddressLine3',
  'POAddressLine4',
  'POCity',
  'PORegion',
  'POPostalCode',
  'POCountry',
  '*InvoiceNumber',
  'Reference',
  '*InvoiceDate',
  '*DueDate',
  'Total',
  'InventoryItemCode',
  '*Description',
  '*Quantity',
  '*UnitAmount',
  'Discount',
  '*AccountCode',
  '*TaxType',
  'TaxAmount',
  'TrackingName1',
  'TrackingOption1',
  'TrackingName2',
  'TrackingOption2',
  'Currency',
  'BrandingTheme',
] as const;

export type XeroExportOptions = {
  /** The date format of the Xero organisation's region. */
  dateFormat?: CsvDateFormat;
  /** Xero tax rate name per rate in basis points ({ 2000: '20% (VAT on Income)' }) for lines without taxCode. */
  taxCodes?: Readonly<Record<number, string>>;
  /** The revenue account for lines without their own accountCode (Xero's default sales account is 200). */
  accountCode?: string;
  /** A Xero branding theme every document uses. */
  brandingTheme?: string;
  /** A Xero tracking category and option every line is tagged with, such as Region / North. */
  tracking?: { name: string; option: string };
};

/** Issued invoices and credit notes as one Xero sales invoice import file. */
export function toXeroCsv(docs: InvoiceDocument[], options: XeroExportOptions = {}): string {
  assertExportable(docs);
  assertCoded(docs, options);
  const dateFormat = options.dateFormat ?? 'dd/MM/yyyy';
  const date = (d: string) => formatCsvDate(d, dateFormat);
  const rows: string[][] = [];
  for (const doc of docs) {
    const sign = signOf(doc);
    const money = (minor: number) => minorToDecimal(sign * minor, doc.currency);
    const a = doc.buyer.address;
    const header = [
      doc.buyer.name,
      doc.buyer.email ?? '',
      a.line1 ?? '',
      a.line2 ?? '',
      '',
      '',
      a.city ?? '',
      a.region ?? '',
      a.postalCode ?? '',
      a.country ?? '',
      doc.number!,
      reference(doc),
      date(doc.issueDate),
      date(doc.dueDate ?? doc.issueDate),
      money(doc.total),
    ];
    for (const row of accountingRows(doc)) {
      rows.push([
        ...header,
        row.isDiscount ? '' : (row.line.itemCode ?? ''),
        row.description,
        row.quantity,
        money(row.rate),
        '',
        (row.line.accountCode ?? options.accountCode)!,
        taxCodeOf(row.line, options.taxCodes)!,
        money(row.taxAmount),
        options.tracking?.name ?? '',
        options.tracking?.option ?? '',
        '',
        '',
        doc.currency,
        options.brandingTheme ?? '',
      ]);
    }
  }
  return writeCsv(xeroSalesInvoiceColumns, rows);
}

function reference(doc: InvoiceDocument): string {
  if (doc.kind === 'credit_note') return doc.creditsInvoiceNumber!;
  return doc.reference ?? '';
}

/** Xero rejects a row without an account code or a tax rate, so say which lines lack one first. */
function assertCoded(docs: InvoiceDocument[], options: XeroExportOptions): void {
  const missing: FieldError[] = [];
  docs.forEach((doc, i) => {
    doc.lines.forEach((line, j) => {
      const at = `documents[${i}].lines[${j}]`;
      if (!(line.accountCode ?? options.accountCode)) {
        missing.push({ field: `${at}.accountCode`, message: 'Xero needs an account code for every line' });
      }
      if (taxCodeOf(line, options.taxCodes) === null) {
        missing.push({
          field: `${at}.taxCode`,
          message: `Xero needs a tax rate name for ${line.taxRateBp} basis points`,
        });
      }
    });
  });
  if (missing.length > 0) {
    throw new AppError('UNPROCESSABLE', 'some lines have no Xero account code or tax rate', missing);
  }
}
