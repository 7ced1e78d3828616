import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { buildCreditNote, buildInvoiceDocument, decimalToMinor } from './fixtures.js';
import { genericColumns, toGenericCsv } from './generic-csv.js';

type Row = Record<string, string>;
const invoice = buildInvoiceDocument({ amountPaid: 40_000 });
const credit = buildCreditNote();
const csv = toGenericCsv([invoice, credit]);
const rows: Row[] = parse(csv, { columns: true });

describe('toGenericCsv', () => {
  it('writes its header and one row per line', () => {
    expect((parse(csv) as string[][])[0]).toEqual([...genericColumns]);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => [r.number, r.line_number])).toEqual([
      ['2026-000123', '1'],
      ['2026-000123', '2'],
      ['2026-000123', '3'],
      ['2026-000123', '4'],
      ['CN-2026-000004', '1'],
    ]);
  });

  it('writes lines as invoiced, with the document header and totals as decimals', () => {
    expect(rows[2]).toEqual({
      document_type: 'invoice',
      number: '2026-000123',
      credits_invoice: '',
      issue_date: '2026-03-01',
      due_date: '2026-03-31',
      period_start: '2026-03-01',
      period_end: '2026-03-31',
      currency: 'GBP',
      customer_name: 'Contoso, Ltd.',
      customer_email: 'accounts@contoso.example',
      customer_tax_id: '',
      reference: 'PO-7781',
      line_number: '3',
      item_code: 'REMOTE-SUPPORT',
      description: 'Remote support (ticket #4411)',
      service_from: '',
      service_to: '',
      quantity: '1.25',
      unit: 'hours',
      unit_price: '90.00',
      discount: '11.25',
      tax_rate_percent: '20.00',
      tax_code: '',
      tax_amount: '20.25',
      line_amount: '101.25',
      account_code: '200',
      document_subtotal: '1247.18',
      document_discount_total: '11.25',
      document_tax_total: '187.19',
      document_total: '1423.12',
      document_amount_paid: '400.00',
      document_balance_due: '1023.12',
    });
    expect(rows[1]).toMatchObject({
      service_from: '2026-03-10',
      service_to: '2026-03-31',
      line_amount: '159.68',
    });
  });

  it('signs credit notes negative, so a file sums to the net amount billed', () => {
    expect(rows[4]).toMatchObject({
      document_type: 'credit_note',
      credits_invoice: '2026-000123',
      due_date: '',
      quantity: '5',
      unit_price: '-45.00',
      tax_amount: '-31.94',
      line_amount: '-159.68',
      document_total: '-191.62',
    });
    const net = rows.reduce(
      (s, r) => s + decimalToMinor(r.line_amount!, 2) + decimalToMinor(r.tax_amount!, 2),
      0,
    );
    expect(net).toBe(invoice.total - credit.total);
    expect(net).toBe(142_312 - 19_162);
  });

  it('quotes a description with quotes, a comma and a line break', () => {
    expect(csv).toContain('"Firewall ""Pro"", licence\nrenewal for 12 months"');
    expect(rows[3]!.description).toBe('Firewall "Pro", licence\nrenewal for 12 months');
  });

  it('refuses drafts', () => {
    expect(() => toGenericCsv([buildInvoiceDocument({ number: null })])).toThrow(AppError);
  });
});
