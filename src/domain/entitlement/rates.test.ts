import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntitlementValidationError } from './errors.js';
import { timeMaterialsAgreement, workTypes } from './fixtures.js';
import { agreementHourlyRate, amountFor, checkedRate, divideHalfUp, multiplierMilli } from './rates.js';

const remote = workTypes[0]!;

describe('billable amounts', () => {
  const table: [
    string,
    rate: number,
    minutes: number,
    afterHours: number,
    multiplier: number,
    amount: number,
  ][] = [
    ['an hour at the rate', 9_000, 60, 0, 1.5, 9_000],
    ['one minute', 9_000, 1, 0, 1, 150],
    ['rounds 166.68 up', 10_001, 1, 0, 1, 167],
    ['rounds 0.5 up', 30, 1, 0, 1, 1],
    ['rounds 1.5 up', 90, 1, 0, 1, 2],
    ['rounds 0.48 down', 29, 1, 0, 1, 0],
    ['after-hours half at ×1.5', 10_000, 90, 30, 1.5, 17_500],
    ['all after hours at ×2', 12_000, 60, 60, 2, 24_000],
    ['×1.25 on 3 of 7 minutes: 1594.56 → 1595', 12_345, 7, 3, 1.25, 1_595],
    ['×1.333 counts three decimals', 6_000, 60, 60, 1.333, 7_998],
    ['zero rate', 0, 600, 600, 3, 0],
    ['zero minutes', 9_000, 0, 0, 1.5, 0],
    [
      'beyond 2^53: a year at 10,000,000.00 an hour ×1.5',
      1_000_000_000,
      527_040,
      527_040,
      1.5,
      13_176_000_000_000,
    ],
  ];
  it.each(table)('%s', (_, rate, minutes, afterHours, multiplier, amount) => {
    expect(amountFor(rate, minutes, afterHours, multiplierMilli(multiplier, 'm'))).toBe(amount);
  });

  it('equals exact rational arithmetic rounded half-up (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 527_040 }),
        fc.integer({ min: 0, max: 527_040 }),
        fc.integer({ min: 0, max: 5_000 }),
        (rate, a, b, milli) => {
          const [minutes, afterHours] = a >= b ? [a, b] : [b, a];
          const n = BigInt(rate) * BigInt((minutes - afterHours) * 1000 + afterHours * milli);
          const exact = (2n * n + 60_000n) / 120_000n;
          const amount = amountFor(rate, minutes, afterHours, milli);
          expect(BigInt(amount)).toBe(exact);
          expect(amount).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it.each([
    [7, 2, 4],
    [5, 2, 3],
    [4, 2, 2],
    [1, 3, 0],
    [2, 3, 1],
    [0, 5, 0],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496],
  ])('%i / %i rounds half-up to %i', (n, d, q) => {
    expect(divideHalfUp(n, d)).toBe(q);
  });
});

describe('rates', () => {
  it.each([
    ['the hourlyRate field first', { hourlyRate: 13_000 }, 13_000],
    ['then the first non-recurring line', {}, 9_500],
    ['then the work type default', { lines: [] }, 9_000],
    ['a null hourlyRate falls through', { hourlyRate: null }, 9_500],
  ])('time & materials and retainers take %s', (_, overrides, rate) => {
    expect(agreementHourlyRate(timeMaterialsAgreement(overrides), remote)).toBe(rate);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects the rate %d', (rate) => {
    expect(() => checkedRate(rate, 'x')).toThrow(EntitlementValidationError);
  });

  it.each([-0.5, Number.NaN, 101])('rejects the multiplier %d', (m) => {
    expect(() => multiplierMilli(m, 'x')).toThrow(EntitlementValidationError);
  });
});
