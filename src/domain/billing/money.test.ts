import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingValidationError } from './errors.js';
import { allocate, divideRounded, percentOf, prorate } from './money.js';

describe('divideRounded: half away from zero', () => {
  it.each([
    [5, 2, 3], // 2.5 → 3
    [-5, 2, -3], // −2.5 → −3
    [7, 2, 4], // 3.5 → 4
    [4, 3, 1], // 1.33 → 1
    [5, 3, 2], // 1.67 → 2
    [-4, 3, -1],
    [0, 7, 0],
    [1, 3, 0], // 0.33 → 0
    [3, 2, 2], // 1.5 → 2
  ])('%i / %i = %i', (n, d, q) => {
    expect(divideRounded(n, d)).toBe(q);
  });

  it('is exact past 2^53 (BigInt)', () => {
    // (2^53 + 1) × 3 / 2 = 13510798882111489.5 → …490
    expect(divideRounded(9_007_199_254_740_993n * 3n, 2n)).toBe(Number(13_510_798_882_111_490n));
  });
});

describe('prorate: price × days / days in the period', () => {
  it.each([
    // 500.00 for 15 of 31 days = 241.935… → 241.94
    [50_000, 15, 31, 24_194],
    // 500.00 for 16 of 31 days = 258.064… → 258.06
    [50_000, 16, 31, 25_806],
    // 1.00 for 1 of 2 days = 0.50 exactly
    [100, 1, 2, 50],
    // 0.01 for 1 of 2 days = 0.005 → 0.01 (half away from zero)
    [1, 1, 2, 1],
    // a credit of −0.01 for 1 of 2 days → −0.01
    [-1, 1, 2, -1],
    [50_000, 31, 31, 50_000],
    [50_000, 0, 31, 0],
  ])('%i × %i/%i = %i', (amount, days, of, expected) => {
    expect(prorate(amount, days, of)).toBe(expected);
  });

  it('refuses a fractional amount and days outside the period', () => {
    expect(() => prorate(10.5, 1, 2)).toThrow(BillingValidationError);
    expect(() => prorate(100, -1, 2)).toThrow(BillingValidationError);
    expect(() => prorate(100, 1, 0)).toThrow(BillingValidationError);
  });

  it('a whole split in two parts is the whole within one minor unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 28, max: 31 }),
        fc.nat(31),
        (price, days, cut) => {
          const first = Math.min(cut, days);
          const sum = prorate(price, first, days) + prorate(price, days - first, days);
          expect(Math.abs(sum - price)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('percentOf', () => {
  it.each([
    [10_000, 2_000, 2_000], // 20 % of 100.00
    [12_345, 2_000, 2_469], // 24.69
    [101, 2_000, 20], // 20.2 → 20
    [303, 2_000, 61], // 60.6 → 61
    [-12_345, 1_000, -1_235], // −1,234.5 → −1,235
  ])('%i × %i bp = %i', (amount, bp, expected) => {
    expect(percentOf(amount, bp)).toBe(expected);
  });
});

describe('allocate: largest remainder', () => {
  it.each([
    // 100 over 3 equal: 33.33 each, the leftover 1 to the first
    [100, [1, 1, 1], [34, 33, 33]],
    // 10 over 1:2:2 = 2, 4, 4
    [10, [1, 2, 2], [2, 4, 4]],
    // 1 over 1:1 → the earlier part on a tie
    [1, [1, 1], [1, 0]],
    // 5,000 over 9 and 22 days: 1451.6 and 3548.4 → 1452 and 3548
    [5_000, [9, 22], [1_452, 3_548]],
    // a credit shares like a charge: −100 → −33.3 each, floors −34, leftovers +1 to the largest remainders
    [-100, [1, 1, 1], [-33, -33, -34]],
    // mixed signs: 12 tax on +100 and −40 → 20 and −8
    [12, [100, -40], [20, -8]],
    [0, [0, 0], [0, 0]],
  ])('%i over %j = %j', (total, weights, expected) => {
    expect(allocate(total, weights)).toEqual(expected);
  });

  it('refuses weights that sum to zero for a non-zero total', () => {
    expect(() => allocate(10, [0, 0])).toThrow(BillingValidationError);
    expect(() => allocate(10, [1, -1])).toThrow(BillingValidationError);
    expect(() => allocate(10, [1.5])).toThrow(BillingValidationError);
  });

  it('always adds up exactly, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.nat(100_000), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});
