import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../agreements/dates.js';
import { BillingValidationError } from './errors.js';
import { cycleCharge, monthlyCharge, splitByDays } from './proration.js';

describe('monthlyCharge: a monthly price over some days', () => {
  it.each([
    // a full month: 10 × 50.00
    [10, 5_000, '2026-03-01', '2026-03-31', 50_000],
    // a start on the 17th: 500.00 × 15/31 = 241.935… → 241.94
    [10, 5_000, '2026-03-17', '2026-03-31', 24_194],
    // February is one month too: 28 days = 1 unit price
    [10, 5_000, '2026-02-01', '2026-02-28', 50_000],
    // March 17 – April 10: 500 × (15/31 + 10/30) = 241.935… + 166.666… = 408.60
    [10, 5_000, '2026-03-17', '2026-04-10', 40_860],
    // a quarter is three months
    [2, 1_000, '2026-01-01', '2026-03-31', 6_000],
    // 2.5 units (thousandths kept exact): 2.5 × 33.33 = 83.325 → 83.33
    [2.5, 3_333, '2026-03-01', '2026-03-31', 8_333],
    // one day of 0.01 a month: 1/31 cent → 0
    [1, 1, '2026-03-05', '2026-03-05', 0],
  ])('%d × %i over %s – %s = %i', (q, price, from, to, expected) => {
    expect(monthlyCharge(q, price, { from, to })).toBe(expected);
  });

  it('refuses a span that ends before it starts, and a quantity finer than thousandths', () => {
    expect(() => monthlyCharge(1, 100, { from: '2026-03-02', to: '2026-03-01' })).toThrow(
      BillingValidationError,
    );
    expect(() => monthlyCharge(1.0001, 100, { from: '2026-03-01', to: '2026-03-01' })).toThrow(
      BillingValidationError,
    );
  });
});

describe('cycleCharge: a price per cycle over some of its days', () => {
  it.each([
    // a quarterly block of 900.00 starting 17 Feb: 44 of 90 days = 440.00
    [1, 90_000, '2026-02-16', '2026-03-31', '2026-01-01', '2026-03-31', 44_000],
    [1, 90_000, '2026-01-01', '2026-03-31', '2026-01-01', '2026-03-31', 90_000],
  ])('%d × %i over %s – %s of %s – %s = %i', (q, price, from, to, cf, ct, expected) => {
    expect(cycleCharge(q, price, { from, to }, { from: cf, to: ct })).toBe(expected);
  });

  it('refuses a span outside the cycle', () => {
    expect(() =>
      cycleCharge(1, 1, { from: '2026-03-31', to: '2026-04-01' }, { from: '2026-03-01', to: '2026-03-31' }),
    ).toThrow(BillingValidationError);
  });
});

describe('splitByDays: parts that add up to the whole exactly', () => {
  it('splits March at the 10th: 9 and 22 days of 500.00', () => {
    // 500.00 × 9/31 = 145.161… and × 22/31 = 354.838…: 145.16 + 354.84 = 500.00
    expect(
      splitByDays(50_000, [
        { from: '2026-03-01', to: '2026-03-09' },
        { from: '2026-03-10', to: '2026-03-31' },
      ]),
    ).toEqual([14_516, 35_484]);
  });

  it('any split of a month adds up to the price; each part is its prorated share within one unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000, max: 5_000_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 6 }),
        (price, cuts) => {
          const days = [0, ...cuts.sort((a, b) => a - b), 31];
          const spans = days
            .slice(1)
            .map((d, i) => ({ from: addDays('2026-03-01', days[i]!), to: addDays('2026-03-01', d - 1) }));
          const parts = splitByDays(price, spans);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(price);
          spans.forEach((s, i) => {
            expect(Math.abs(parts[i]! - monthlyCharge(1, price, s))).toBeLessThanOrEqual(1);
          });
        },
      ),
    );
  });

  it('two prorated parts of a month (monthlyCharge) are the whole within one minor unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 27 }),
        (price, q, cut) => {
          const first = monthlyCharge(q, price, { from: '2026-02-01', to: addDays('2026-02-01', cut - 1) });
          const second = monthlyCharge(q, price, { from: addDays('2026-02-01', cut), to: '2026-02-28' });
          expect(Math.abs(first + second - q * price)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
