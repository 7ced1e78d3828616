import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { buildCreditNote, buildInvoiceDocument, buildLine, decimalToMinor } from './fixtures.js';
import { toQuickBooksCsv } from './quickbooks-csv.js';

type Row = Record<string, string>;
const records = (csv: string): Row[] => parse(csv, { columns: true });
const rowsOf = (csv: string): string[][] => parse(csv);

const invoice = buildInvoiceDocument();
const credit = buildCreditNote();

describe('toQuickBooksCsv', () => {
  const out = toQuickBooksCsv([invoice, credit]);

  it('writes the invoice and credit note import layouts', () => {
    expect(rowsOf(out.invoices)[0]).toEqual([
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
    ]);
    expect(rowsOf(out.creditNotes)[0]).toEqual([
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
    ]);
    expect(out.invoices.split('\r\n')[0]).toBe(
      'InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Location,Memo,Item(Product/Service),ItemDescription,' +
        'ItemQuantity,ItemRate,ItemAmount,ItemTaxCode,ItemTaxAmount,Currency,Service Date',
    );
  });

  it('writes one row per line, and one more per discount, in US dates by default', () => {
    const rows = records(out.invoices);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      InvoiceNo: '2026-000123',
      Customer: 'Contoso, Ltd.',
      InvoiceDate: '03/01/2026',
      DueDate: '03/31/2026',
      Terms: 'Net 30',
      Location: '',
      Memo: 'Period 2026-03-01 to 2026-03-31; Reference PO-7781',
      'Item(Product/Service)': 'MANAGED-USER',
      ItemDescription: 'Managed services, per user (2026-03-01 to 2026-03-31)',
      ItemQuantity: '15',
      ItemRate: '45.00',
      ItemAmount: '675.00',
      ItemTaxCode: 'TAX',
      ItemTaxAmount: '135.00',
      Currency: 'GBP',
      'Service Date': '03/01/2026',
    });
    expect(
      rows.map((r) => [r.ItemQuantity, r.ItemRate, r.ItemAmount, r.ItemTaxCode, r.ItemTaxAmount]),
    ).toEqual([
      ['15', '45.00', '675.00', 'TAX', '135.00'],
      ['1', '159.68', '159.68', 'TAX', '31.94'],
      ['1.25', '90.00', '112.50', 'TAX', '22.50'],
      ['1', '-11.25', '-11.25', 'TAX', '-2.25'],
      ['1', '300.00', '300.00', 'NON', '0.00'],
    ]);
    expect(rows[3]!['Item(Product/Service)']).toBe('');
    expect(rows[3]!.ItemDescription).toBe('Discount: Remote support (ticket #4411)');
  });

  it('quotes commas, quotes and line breaks so they read back as written', () => {
    expect(out.invoices).toContain('"Firewall ""Pro"", licence\nrenewal for 12 months"');
    expect(out.invoices).toContain('"Contoso, Ltd."');
    expect(records(out.invoices)[4]!.ItemDescription).toBe('Firewall "Pro", licence\nrenewal for 12 months');
  });

  it('books amounts and taxes that add up to the invoice total (1,247.18 − 11.25 + 187.19 = 1,423.12)', () => {
    const rows = records(out.invoices);
    const booked = rows.reduce(
      (s, r) => s + decimalToMinor(r.ItemAmount!, 2) + decimalToMinor(r.ItemTaxAmount!, 2),
      0,
    );
    expect(booked).toBe(142_312);
    expect(booked).toBe(invoice.total);
  });

  it('puts credit notes in their own file with positive amounts and the invoice they credit', () => {
    const rows = records(out.creditNotes);
    expect(rows).toEqual([
      {
        CreditNoteNo: 'CN-2026-000004',
        Customer: 'Contoso, Ltd.',
        CreditNoteDate: '03/20/2026',
        Memo: 'Credits invoice 2026-000123; Period 2026-03-01 to 2026-03-31',
        'Item(Product/Service)': 'MANAGED-USER',
        ItemDescription:
          'Managed services, 5 more users from 10 March (2026-03-10 to 2026-03-31), 5 users at 45.00',
        ItemQuantity: '1',
        ItemRate: '159.68',
        ItemAmount: '159.68',
        ItemTaxCode: 'TAX',
        ItemTaxAmount: '31.94',
        Currency: 'GBP',
        'Service Date': '03/10/2026',
      },
    ]);
    expect(records(out.invoices).every((r) => r.InvoiceNo === '2026-000123')).toBe(true);
  });

  it('takes the date format, tax codes and location the user chose', () => {
    const chosen = toQuickBooksCsv([invoice], {
      dateFormat: 'dd/MM/yyyy',
      taxCodes: { 2000: '20.0% S', 0: 'No VAT' },
      location: 'London',
    });
    const rows = records(chosen.invoices);
    expect(rows[0]).toMatchObject({ InvoiceDate: '01/03/2026', DueDate: '31/03/2026', Location: 'London' });
    expect(rows.map((r) => r.ItemTaxCode)).toEqual(['20.0% S', '20.0% S', '20.0% S', '20.0% S', 'No VAT']);
    const own = toQuickBooksCsv([buildInvoiceDocument({ lines: [buildLine({ taxCode: 'Standard' })] })], {
      taxCodes: { 2000: '20.0% S' },
    });
    expect(records(own.invoices)[0]!.ItemTaxCode).toBe('Standard');
  });

  it('writes a currency without minor units without decimals', () => {
    const yen = buildInvoiceDocument({
      currency: 'JPY',
      lines: [
        buildLine({ quantity: 3, unitPrice: 12_000, amount: 36_000, taxRateBp: 1_000, taxAmount: 3_600 }),
      ],
    });
    expect(records(toQuickBooksCsv([yen]).invoices)[0]).toMatchObject({
      ItemRate: '12000',
      ItemAmount: '36000',
      ItemTaxAmount: '3600',
      Currency: 'JPY',
    });
  });

  it('writes the headers alone when there is nothing to export', () => {
    const empty = toQuickBooksCsv([]);
    expect(rowsOf(empty.invoices)).toHaveLength(1);
    expect(rowsOf(empty.creditNotes)).toHaveLength(1);
  });

  it('refuses drafts and documents that do not add up', () => {
    expect(() => toQuickBooksCsv([buildInvoiceDocument({ number: null })])).toThrow(AppError);
    expect(() => toQuickBooksCsv([{ ...invoice, total: invoice.total + 1 }])).toThrow(AppError);
  });
});
