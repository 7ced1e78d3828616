import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { buildCreditNote, buildInvoiceDocument, buildLine, decimalToMinor } from './fixtures.js';
import { quantityHundredths } from './quantity.js';
import { toXeroCsv, type XeroExportOptions } from './xero-csv.js';

type Row = Record<string, string>;
const records = (csv: string): Row[] => parse(csv, { columns: true });

/** Xero's SalesInvoiceTemplate.csv header, written out by hand. */
const template =
  '*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,' +
  'POPostalCode,POCountry,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,InventoryItemCode,' +
  '*Description,*Quantity,*UnitAmount,Discount,*AccountCode,*TaxType,TaxAmount,TrackingName1,' +
  'TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme';

const options: XeroExportOptions = { taxCodes: { 2000: '20% (VAT on Income)', 0: 'No VAT' } };
const invoice = buildInvoiceDocument();
const credit = buildCreditNote();

/** What Xero books per document: Σ quantity × unit amount + Σ tax, in minor units. */
function bookedTotals(rows: Row[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const line = (quantityHundredths(r['*Quantity']!) * decimalToMinor(r['*UnitAmount']!, 2)) / 100;
    const key = r['*InvoiceNumber']!;
    totals.set(key, (totals.get(key) ?? 0) + line + decimalToMinor(r.TaxAmount!, 2));
  }
  return totals;
}

describe('toXeroCsv', () => {
  const csv = toXeroCsv([invoice, credit], options);
  const rows = records(csv);

  it("writes Xero's sales invoice template header exactly", () => {
    expect(csv.split('\r\n')[0]).toBe(template);
    expect((parse(csv) as string[][])[0]).toHaveLength(29);
  });

  it('writes one row per line with the contact, dates in DD/MM/YYYY and the invoice total', () => {
    expect(rows.filter((r) => r['*InvoiceNumber'] === '2026-000123')).toHaveLength(5);
    expect(rows[0]).toEqual({
      '*ContactName': 'Contoso, Ltd.',
      EmailAddress: 'accounts@contoso.example',
      POAddressLine1: '1 Harbour Street',
      POAddressLine2: 'Floor 3',
      POAddressLine3: '',
      POAddressLine4: '',
      POCity: 'Leeds',
      PORegion: '',
      POPostalCode: 'LS1 4AP',
      POCountry: '',
      '*InvoiceNumber': '2026-000123',
      Reference: 'PO-7781',
      '*InvoiceDate': '01/03/2026',
      '*DueDate': '31/03/2026',
      Total: '1423.12',
      InventoryItemCode: 'MANAGED-USER',
      '*Description': 'Managed services, per user (2026-03-01 to 2026-03-31)',
      '*Quantity': '15',
      '*UnitAmount': '45.00',
      Discount: '',
      '*AccountCode': '200',
      '*TaxType': '20% (VAT on Income)',
      TaxAmount: '135.00',
      TrackingName1: '',
      TrackingOption1: '',
      TrackingName2: '',
      TrackingOption2: '',
      Currency: 'GBP',
      BrandingTheme: '',
    });
    expect(
      rows
        .slice(1, 5)
        .map((r) => [r['*Quantity'], r['*UnitAmount'], r['*AccountCode'], r['*TaxType'], r.TaxAmount]),
    ).toEqual([
      ['1', '159.68', '200', '20% (VAT on Income)', '31.94'],
      ['1.25', '90.00', '200', '20% (VAT on Income)', '22.50'],
      ['1', '-11.25', '200', '20% (VAT on Income)', '-2.25'],
      ['1', '300.00', '210', 'No VAT', '0.00'],
    ]);
  });

  it('writes a credit note in the same template with negative amounts, referencing the invoice', () => {
    const cn = rows.filter((r) => r['*InvoiceNumber'] === 'CN-2026-000004');
    expect(cn).toHaveLength(1);
    expect(cn[0]).toMatchObject({
      Reference: '2026-000123',
      '*InvoiceDate': '20/03/2026',
      '*DueDate': '20/03/2026',
      Total: '-191.62',
      '*Quantity': '1',
      '*UnitAmount': '-159.68',
      TaxAmount: '-31.94',
    });
  });

  it("books each document's total exactly: Σ quantity × unit amount + Σ tax = Total", () => {
    const booked = bookedTotals(rows);
    expect(booked.get('2026-000123')).toBe(142_312);
    expect(booked.get('CN-2026-000004')).toBe(-19_162);
    for (const r of rows) expect(decimalToMinor(r.Total!, 2)).toBe(booked.get(r['*InvoiceNumber']!));
  });

  it('quotes a description with quotes, a comma and a line break', () => {
    expect(csv).toContain('"Firewall ""Pro"", licence\nrenewal for 12 months"');
    expect(rows[4]!['*Description']).toBe('Firewall "Pro", licence\nrenewal for 12 months');
  });

  it('takes the date format, account code, branding theme and tracking the organisation uses', () => {
    const lines = [buildLine({ accountCode: null, taxCode: 'Tax on Sales' })];
    const [row] = records(
      toXeroCsv([buildInvoiceDocument({ lines })], {
        dateFormat: 'MM/dd/yyyy',
        accountCode: '4000',
        brandingTheme: 'Standard',
        tracking: { name: 'Region', option: 'North' },
      }),
    );
    expect(row).toMatchObject({
      '*InvoiceDate': '03/01/2026',
      '*AccountCode': '4000',
      '*TaxType': 'Tax on Sales',
      BrandingTheme: 'Standard',
      TrackingName1: 'Region',
      TrackingOption1: 'North',
    });
  });

  it('names every line Xero would reject for want of an account code or tax rate', () => {
    const doc = buildInvoiceDocument({
      lines: [buildLine({ accountCode: null }), buildLine({ taxRateBp: 500, taxAmount: 500 })],
    });
    try {
      toXeroCsv([doc], options);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fields?.map((f) => f.field)).toEqual([
        'documents[0].lines[0].accountCode',
        'documents[0].lines[1].taxCode',
      ]);
    }
  });

  it('refuses drafts', () => {
    expect(() => toXeroCsv([buildInvoiceDocument({ number: null })], options)).toThrow(AppError);
  });
});
