import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import type { InvoiceDocument } from './document.js';
import { assertExportable, assertInvoiceDocument, invoiceDocumentProblems } from './document-check.js';
import { buildCreditNote, buildInvoiceDocument, buildLine, sampleLines } from './fixtures.js';

const sound = buildInvoiceDocument();
const withLine = (i: number, change: Partial<InvoiceDocument['lines'][number]>): InvoiceDocument => ({
  ...sound,
  lines: sound.lines.map((l, j) => (j === i ? { ...l, ...change } : l)),
});

describe('invoiceDocumentProblems', () => {
  it('finds nothing wrong with a sound invoice, credit note or draft', () => {
    expect(invoiceDocumentProblems(sound)).toEqual([]);
    expect(invoiceDocumentProblems(buildCreditNote())).toEqual([]);
    expect(invoiceDocumentProblems(buildInvoiceDocument({ number: null }))).toEqual([]);
  });

  it.each<[string, InvoiceDocument, string[]]>([
    ['an empty number', { ...sound, number: ' ' }, ['number']],
    [
      'a credit note that credits nothing',
      { ...buildCreditNote(), creditsInvoiceNumber: null },
      ['creditsInvoiceNumber'],
    ],
    [
      'an invoice that credits one',
      { ...sound, creditsInvoiceNumber: '2026-000001' },
      ['creditsInvoiceNumber'],
    ],
    ['an unknown currency', { ...sound, currency: 'XYZ' }, ['currency']],
    ['a malformed locale', { ...sound, locale: 'not a locale!' }, ['locale']],
    ['an impossible issue date', { ...sound, issueDate: '2026-02-30' }, ['issueDate']],
    ['a due date before the issue date', { ...sound, dueDate: '2026-02-28' }, ['dueDate']],
    [
      'a period that ends before it starts',
      { ...sound, period: { start: '2026-03-31', end: '2026-03-01' } },
      ['period.end'],
    ],
    ['no lines', { ...sound, lines: [] }, ['lines', 'subtotal', 'discountTotal', 'taxTotal']],
    ['a nameless buyer', { ...sound, buyer: { ...sound.buyer, name: '' } }, ['buyer.name']],
    ['a blank description', withLine(0, { description: '  ' }), ['lines[0].description']],
    ['three decimals of quantity', withLine(0, { quantity: '1.255' }), ['lines[0].quantity']],
    ['a fractional unit price', withLine(0, { unitPrice: 4_500.5 }), ['lines[0].unitPrice']],
    [
      'a negative discount',
      {
        ...sound,
        lines: [buildLine({ discount: -100, amount: 10_100 })],
        subtotal: 10_000,
        discountTotal: -100,
        taxTotal: 2_000,
        total: 12_100,
        balanceDue: 12_100,
      },
      ['lines[0].discount'],
    ],
    ['a fractional tax rate', withLine(0, { taxRateBp: 1_999.5 }), ['lines[0].taxRateBp']],
    [
      'service dates backwards',
      withLine(0, { servicePeriod: { from: '2026-03-31', to: '2026-03-01' } }),
      ['lines[0].servicePeriod.to'],
    ],
    ['a line amount the subtotal does not hold', withLine(0, { amount: 67_501 }), ['subtotal']],
    ['a line tax the tax total does not hold', withLine(1, { taxAmount: 3_193 }), ['taxTotal']],
    [
      'a discount the discount total does not hold',
      { ...sound, discountTotal: 0 },
      ['discountTotal', 'total'],
    ],
    ['a total that is not the sum', { ...sound, total: sound.total + 1 }, ['total', 'balanceDue']],
    ['a balance that ignores a payment', { ...sound, amountPaid: 5_000 }, ['balanceDue']],
    [
      'a fractional amount paid',
      { ...sound, amountPaid: 0.5, balanceDue: sound.total - 0.5 },
      ['amountPaid', 'balanceDue'],
    ],
  ])('finds %s', (_name, doc, fields) => {
    expect(invoiceDocumentProblems(doc).map((p) => p.field)).toEqual(fields);
  });

  it('refuses a negative invoice: that is a credit note', () => {
    const doc = buildInvoiceDocument({
      lines: [buildLine({ unitPrice: -10_000, amount: -10_000, taxAmount: -2_000 })],
    });
    expect(invoiceDocumentProblems(doc).map((p) => p.field)).toEqual(['total']);
  });

  it('accepts a credit line’s share of an invoice discount, which makes the credit smaller', () => {
    // −20.00 under 10 % off: −2.00 of discount, −18.00 net, −3.60 tax at 20 %.
    const credit = buildLine({
      description: 'Credit: 2 users removed',
      quantity: 2,
      unitPrice: -1_000,
      discount: -200,
      amount: -1_800,
      taxAmount: -360,
    });
    const doc = buildInvoiceDocument({ lines: [...sampleLines, credit] });
    expect(invoiceDocumentProblems(doc)).toEqual([]);
    const adding = { ...credit, discount: 200, amount: -2_200 };
    const problems = invoiceDocumentProblems(buildInvoiceDocument({ lines: [...sampleLines, adding] }));
    expect(problems.map((p) => p.field)).toContain(`lines[${sampleLines.length}].discount`);
  });

  it('accepts negative lines on an invoice whose total stays positive (a proration credit)', () => {
    const credit = buildLine({
      description: 'Credit: 2 users removed',
      quantity: 2,
      unitPrice: -1_000,
      amount: -2_000,
      taxAmount: -400,
    });
    expect(invoiceDocumentProblems(buildInvoiceDocument({ lines: [...sampleLines, credit] }))).toEqual([]);
  });
});

describe('assertions', () => {
  it('throws UNPROCESSABLE naming every problem', () => {
    const doc = { ...sound, currency: 'XYZ', total: 1 };
    const error = (() => {
      try {
        assertInvoiceDocument(doc);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNPROCESSABLE');
    expect((error as AppError).fields?.map((f) => f.field)).toEqual(['currency', 'total', 'balanceDue']);
  });

  it('lets a sound draft be rendered but not exported', () => {
    const draft = buildInvoiceDocument({ number: null });
    expect(() => assertInvoiceDocument(draft)).not.toThrow();
    expect(() => assertExportable([sound, draft])).toThrow(AppError);
    try {
      assertExportable([sound, draft, { ...sound, currency: 'XYZ' }]);
    } catch (e) {
      expect((e as AppError).fields?.map((f) => f.field)).toEqual([
        'documents[1].number',
        'documents[2].currency',
      ]);
    }
  });
});
