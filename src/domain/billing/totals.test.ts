import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingValidationError } from './errors.js';
import { invoiceTotals, type TotalsLine } from './totals.js';

const line = (key: string, amount: number, o: Partial<TotalsLine> = {}): TotalsLine => ({
  key,
  amount,
  taxable: true,
  ...o,
});

describe('invoice totals', () => {
  it('tax is rounded once per invoice: three lines of 1.01 at 20 % tax 0.61, not 3 × 0.20', () => {
    const t = invoiceTotals({ lines: [line('a', 101), line('b', 101), line('c', 101)], taxRate: 2_000 });
    // 3.03 × 20 % = 0.606 → 0.61; shared 0.21 + 0.20 + 0.20 (largest remainder, the first on a tie)
    expect(t).toMatchObject({ subtotal: 303, discount: 0, net: 303, taxableBase: 303, tax: 61, total: 364 });
    expect(t.lines.map((l) => l.tax)).toEqual([21, 20, 20]);
  });

  it('only taxable lines are taxed: 100.00 taxable + 50.00 exempt at 20 % = 170.00', () => {
    const t = invoiceTotals({
      lines: [line('a', 10_000), line('b', 5_000, { taxable: false })],
      taxRate: 2_000,
    });
    expect(t).toMatchObject({ subtotal: 15_000, taxableBase: 10_000, tax: 2_000, total: 17_000 });
    expect(t.lines.map((l) => [l.tax, l.gross])).toEqual([
      [2_000, 12_000],
      [0, 5_000],
    ]);
  });

  it('line and invoice discounts, then tax', () => {
    const t = invoiceTotals({
      lines: [
        line('users', 50_000, { discount: { kind: 'percent', basisPoints: 1_000 } }),
        line('backup', 20_000),
      ],
      invoiceDiscount: { kind: 'percent', basisPoints: 500 },
      taxRate: 2_000,
    });
    // users: 500.00 − 10 % = 450.00; charges 450.00 + 200.00 = 650.00; 5 % = 32.50, shared 22.50 / 10.00
    // net 427.50 + 190.00 = 617.50; tax 20 % = 123.50; total 741.00
    expect(t).toMatchObject({ subtotal: 70_000, discount: 8_250, net: 61_750, tax: 12_350, total: 74_100 });
    expect(t.lines.map((l) => [l.lineDiscount, l.invoiceDiscount, l.net, l.tax])).toEqual([
      [5_000, 2_250, 42_750, 8_550],
      [0, 1_000, 19_000, 3_800],
    ]);
  });

  it('a fixed line discount; a percentage on a credit line discounts the credit alike', () => {
    const t = invoiceTotals({
      lines: [
        line('a', 10_000, { discount: { kind: 'fixed', amount: 2_500 } }),
        // −177.42 − 10 % = −159.678 → −159.68 (−17.74 discount)
        line('adj', -17_742, { discount: { kind: 'percent', basisPoints: 1_000 } }),
      ],
      taxRate: 0,
    });
    expect(t.lines.map((l) => [l.lineDiscount, l.net])).toEqual([
      [2_500, 7_500],
      [-1_774, -15_968],
    ]);
    expect(t).toMatchObject({ subtotal: -7_742, discount: 726, net: -8_468, tax: 0, total: -8_468 });
  });

  it('an invoice discount spares credits; tax shares add up across a charge and a credit', () => {
    const t = invoiceTotals({
      lines: [line('april', 75_000), line('march-adj', -17_742)],
      invoiceDiscount: { kind: 'fixed', amount: 1_000 },
      taxRate: 2_000,
    });
    // nets 740.00 and −177.42; taxable 562.58 × 20 % = 112.516 → 112.52
    // shares 148.005… and −35.485…: floors 148.00 and −35.49 leave 0.01 for the larger remainder
    expect(t.lines.map((l) => [l.invoiceDiscount, l.net, l.tax])).toEqual([
      [1_000, 74_000, 14_801],
      [0, -17_742, -3_549],
    ]);
    expect(t).toMatchObject({ subtotal: 57_258, discount: 1_000, net: 56_258, tax: 11_252, total: 67_510 });
  });

  it.each([
    [
      'a fixed discount above its line',
      { lines: [line('a', 100, { discount: { kind: 'fixed', amount: 101 } })] },
      'INVALID_DISCOUNT',
    ],
    [
      'a fixed discount on a credit',
      { lines: [line('a', -100, { discount: { kind: 'fixed', amount: 1 } })] },
      'INVALID_DISCOUNT',
    ],
    [
      'an invoice discount above the charges',
      { lines: [line('a', 100)], invoiceDiscount: { kind: 'fixed' as const, amount: 101 } },
      'INVALID_DISCOUNT',
    ],
    [
      'a percentage above 100 %',
      { lines: [line('a', 100, { discount: { kind: 'percent', basisPoints: 10_001 } })] },
      'INVALID_BASIS_POINTS',
    ],
    ['a tax rate below 0', { lines: [line('a', 100)], taxRate: -1 }, 'INVALID_BASIS_POINTS'],
    ['a fractional amount', { lines: [line('a', 10.5)] }, 'INVALID_AMOUNT'],
    ['a line given twice', { lines: [line('a', 1), line('a', 2)] }, 'DUPLICATE'],
  ])('refuses %s', (_, input, code) => {
    try {
      invoiceTotals({ taxRate: 2_000, ...input });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BillingValidationError);
      expect((err as BillingValidationError).fields[0]!.code).toBe(code);
    }
  });

  it('always: total = subtotal − discount + tax, the shares add up, and tax is the base × rate within half a unit', () => {
    const lines = fc.array(
      fc.record({
        amount: fc.integer({ min: -100_000, max: 1_000_000 }),
        taxable: fc.boolean(),
        bp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
      }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(
        lines,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (ls, rate, invoiceBp) => {
          const t = invoiceTotals({
            lines: ls.map((l, i) =>
              line(`l${i}`, l.amount, {
                taxable: l.taxable,
                discount: l.bp === undefined ? null : { kind: 'percent', basisPoints: l.bp },
              }),
            ),
            invoiceDiscount: { kind: 'percent', basisPoints: invoiceBp },
            taxRate: rate,
          });
          const sum = (f: (l: (typeof t.lines)[number]) => number) => t.lines.reduce((s, l) => s + f(l), 0);
          expect(t.total).toBe(t.subtotal - t.discount + t.tax);
          expect(sum((l) => l.amount)).toBe(t.subtotal);
          expect(sum((l) => l.lineDiscount + l.invoiceDiscount)).toBe(t.discount);
          expect(sum((l) => l.net)).toBe(t.net);
          expect(sum((l) => l.tax)).toBe(t.tax);
          expect(sum((l) => l.gross)).toBe(t.total);
          expect(Math.abs(t.tax - (t.taxableBase * rate) / 10_000)).toBeLessThanOrEqual(0.5);
          for (const l of t.lines) if (!l.taxable) expect(l.tax).toBe(0);
        },
      ),
    );
  });
});
