import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreditableInvoice,
  type CreditedLine,
  creditableRemaining,
  creditNote,
} from './credit-notes.js';
import { BillingRuleError, BillingValidationError } from './errors.js';
import type { InvoiceStatus } from './invoice-status.js';

// Two lines at 20 % tax: 450.00 + 90.00 tax and 200.00 + 40.00 tax; total 780.00.
const invoice = (status: InvoiceStatus = 'issued'): CreditableInvoice => ({
  id: 'inv-1',
  status,
  lines: [
    { key: 'users', net: 45_000, tax: 9_000 },
    { key: 'backup', net: 20_000, tax: 4_000 },
  ],
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof BillingRuleError) return err.code;
    if (err instanceof BillingValidationError) return err.fields[0]!.code;
    throw err;
  }
  return 'no error';
};

describe('credit notes', () => {
  it('a full credit note credits every line with its tax: 780.00', () => {
    expect(creditNote(invoice(), [], { kind: 'full' })).toEqual({
      invoiceId: 'inv-1',
      lines: [
        { lineKey: 'users', net: 45_000, tax: 9_000, gross: 54_000 },
        { lineKey: 'backup', net: 20_000, tax: 4_000, gross: 24_000 },
      ],
      net: 65_000,
      tax: 13_000,
      total: 78_000,
    });
  });

  it("a partial amount takes its share of the line's tax: 100.00 of 450.00 carries 20.00", () => {
    expect(
      creditNote(invoice(), [], { kind: 'lines', lines: [{ lineKey: 'users', net: 10_000 }] }),
    ).toMatchObject({ net: 10_000, tax: 2_000, total: 12_000 });
  });

  it('credits in parts add up to the line exactly: 3.33 carries 0.67 (0.666 → 0.67), the rest carries 89.33', () => {
    const first = creditNote(invoice(), [], { kind: 'lines', lines: [{ lineKey: 'users', net: 333 }] });
    expect(first.lines[0]).toMatchObject({ net: 333, tax: 67 });
    const rest = creditNote(invoice(), first.lines, { kind: 'lines', lines: [{ lineKey: 'users' }] });
    expect(rest.lines[0]).toMatchObject({ net: 44_667, tax: 8_933 });
    expect(creditableRemaining(invoice(), [...first.lines, ...rest.lines])).toBe(24_000);
  });

  it('after a partial credit, a full one credits what remains', () => {
    const part = creditNote(invoice(), [], { kind: 'lines', lines: [{ lineKey: 'backup', net: 5_000 }] });
    expect(creditNote(invoice(), part.lines, { kind: 'full' }).total).toBe(78_000 - 6_000);
  });

  it.each([
    [
      'more than a line has left',
      [],
      { kind: 'lines' as const, lines: [{ lineKey: 'users', net: 45_001 }] },
      'CREDIT_EXCEEDS_REMAINING',
    ],
    [
      'a line already credited in full',
      [{ lineKey: 'users', net: 45_000, tax: 9_000 }],
      { kind: 'lines' as const, lines: [{ lineKey: 'users' }] },
      'CREDIT_EXCEEDS_REMAINING',
    ],
    [
      'a full credit of a fully credited invoice',
      [
        { lineKey: 'users', net: 45_000, tax: 9_000 },
        { lineKey: 'backup', net: 20_000, tax: 4_000 },
      ],
      { kind: 'full' as const },
      'CREDIT_EXCEEDS_REMAINING',
    ],
    [
      'a line not on the invoice',
      [],
      { kind: 'lines' as const, lines: [{ lineKey: 'nope' }] },
      'UNKNOWN_REFERENCE',
    ],
    [
      'a line named twice',
      [],
      {
        kind: 'lines' as const,
        lines: [
          { lineKey: 'users', net: 1 },
          { lineKey: 'users', net: 1 },
        ],
      },
      'DUPLICATE',
    ],
    [
      'a credit of nothing',
      [],
      { kind: 'lines' as const, lines: [{ lineKey: 'users', net: 0 }] },
      'INVALID_AMOUNT',
    ],
    [
      'a negative credit',
      [],
      { kind: 'lines' as const, lines: [{ lineKey: 'users', net: -5 }] },
      'INVALID_AMOUNT',
    ],
  ])('refuses %s', (_, credited: CreditedLine[], request, code) => {
    expect(codeOf(() => creditNote(invoice(), credited, request))).toBe(code);
  });

  it('an invoice carrying a credit line cannot be credited beyond its total', () => {
    // +100.00 (20.00 tax) and an adjustment of −80.00 (−16.00 tax): total 24.00
    const mixed: CreditableInvoice = {
      id: 'inv-2',
      status: 'paid',
      lines: [
        { key: 'a', net: 10_000, tax: 2_000 },
        { key: 'adj', net: -8_000, tax: -1_600 },
      ],
    };
    expect(codeOf(() => creditNote(mixed, [], { kind: 'lines', lines: [{ lineKey: 'a' }] }))).toBe(
      'CREDIT_EXCEEDS_REMAINING',
    );
    expect(creditNote(mixed, [], { kind: 'full' }).total).toBe(2_400);
  });

  it.each([
    ['draft', 'INVOICE_NOT_ISSUED'],
    ['void', 'INVOICE_VOID'],
    ['paid', 'no error'],
    ['partially_paid', 'no error'],
  ] as const)('a %s invoice: %s', (status, code) => {
    expect(codeOf(() => creditNote(invoice(status), [], { kind: 'full' }))).toBe(code);
  });

  it('no sequence of credits goes beyond the invoice, and using every line up credits it exactly', () => {
    const request = fc.record({
      key: fc.constantFrom('users', 'backup'),
      net: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 12 }), (requests) => {
        const credited: CreditedLine[] = [];
        for (const r of requests) {
          try {
            credited.push(
              ...creditNote(invoice(), credited, { kind: 'lines', lines: [{ lineKey: r.key, net: r.net }] })
                .lines,
            );
          } catch (err) {
            expect((err as BillingRuleError).code).toBe('CREDIT_EXCEEDS_REMAINING');
          }
          expect(creditableRemaining(invoice(), credited)).toBeGreaterThanOrEqual(0);
        }
        if (creditableRemaining(invoice(), credited) > 0)
          credited.push(...creditNote(invoice(), credited, { kind: 'full' }).lines);
        expect(credited.reduce((s, c) => s + c.net, 0)).toBe(65_000);
        expect(credited.reduce((s, c) => s + c.tax, 0)).toBe(13_000);
      }),
    );
  });
});
