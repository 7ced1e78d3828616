import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  basisPointsToPercent,
  currencyDigits,
  formatMoney,
  formatRate,
  isCurrency,
  minorToDecimal,
  toDecimalString,
} from './money.js';

describe('toDecimalString', () => {
  it.each([
    [123_456, 2, '1234.56'],
    [5, 2, '0.05'],
    [-5, 2, '-0.05'],
    [-123_456, 2, '-1234.56'],
    [0, 2, '0.00'],
    [-0, 2, '0.00'],
    [7, 0, '7'],
    [-7, 0, '-7'],
    [1, 3, '0.001'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
    [Number.MIN_SAFE_INTEGER, 2, '-90071992547409.91'],
  ])('%d at scale %d is %s', (units, scale, expected) => {
    expect(toDecimalString(units, scale)).toBe(expected);
  });

  it.each([
    [0.5, 2],
    [Number.MAX_SAFE_INTEGER + 1, 2],
    [Number.NaN, 2],
    [1, -1],
    [1, 1.5],
  ])('refuses %d at scale %d', (units, scale) => {
    expect(() => toDecimalString(units, scale)).toThrow(RangeError);
  });

  it('reads back as the same integer for any safe integer and scale', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 4 }), (units, scale) => {
        const text = toDecimalString(units, scale);
        expect(BigInt(text.replace('.', ''))).toBe(BigInt(units));
        if (scale > 0) expect(text.split('.')[1]).toHaveLength(scale);
      }),
    );
  });
});

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
  ])('%s has %d minor-unit digits', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });

  it.each(['XYZ', 'usd', 'EURO', ''])('refuses %j', (code) => {
    expect(isCurrency(code)).toBe(false);
    expect(() => currencyDigits(code)).toThrow(RangeError);
  });

  it.each([
    [123_456, 'USD', '1234.56'],
    [123_456, 'JPY', '123456'],
    [123_456, 'BHD', '123.456'],
    [-50, 'EUR', '-0.50'],
  ])('%d minor units of %s are %s', (minor, currency, expected) => {
    expect(minorToDecimal(minor, currency)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it.each([
    [123_456, 'USD', 'en-US', '$1,234.56'],
    [-123_456, 'USD', 'en-US', '-$1,234.56'],
    [123_456, 'GBP', 'en-GB', '£1,234.56'],
    [123_456, 'EUR', 'de-DE', '1.234,56\u00a0€'],
    [123_456, 'JPY', 'ja-JP', '￥123,456'],
    [1_000, 'BHD', 'en-US', 'BHD\u00a01.000'],
    // Exact past a double's 15–16 significant digits: a float division would print …09.90 or …10.
    [Number.MAX_SAFE_INTEGER, 'USD', 'en-US', '$90,071,992,547,409.91'],
  ])('%d %s in %s is %j', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });
});

describe('rates', () => {
  it.each([
    [2_000, '20.00'],
    [725, '7.25'],
    [0, '0.00'],
    [5, '0.05'],
  ])('%d basis points are %s %%', (bp, percent) => {
    expect(basisPointsToPercent(bp)).toBe(percent);
  });

  it.each([
    [2_000, 'en-US', '20%'],
    [725, 'en-US', '7.25%'],
    [725, 'de-DE', '7,25\u00a0%'],
    [5, 'en-US', '0.05%'],
  ])('%d basis points read %j in %s', (bp, locale, expected) => {
    expect(formatRate(bp, locale)).toBe(expected);
  });

  it.each([
    [10_000, 2_000, 2_000],
    [1_125, 2_000, 225],
    [15_968, 2_000, 3_194], // 3193.6 rounds up
    [25, 2_000, 5],
    [5, 1_000, 1], // exactly half a minor unit rounds away from zero
    [-5, 1_000, -1],
    [15, 1_000, 2],
    [14, 1_000, 1],
    [-14, 1_000, -1],
    [0, 2_000, 0],
    [Number.MAX_SAFE_INTEGER, 10_000, Number.MAX_SAFE_INTEGER],
  ])('%d at %d basis points is %d', (amount, bp, expected) => {
    expect(applyRate(amount, bp)).toBe(expected);
  });

  it('is symmetric in sign and within half a minor unit of the exact product', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bp) => {
          const taxed = applyRate(amount, bp);
          expect(applyRate(-amount, bp)).toBe(-taxed || 0);
          const exactTimes10k = BigInt(amount) * BigInt(bp);
          const diff = BigInt(taxed) * 10_000n - exactTimes10k;
          expect(diff <= 5_000n && diff >= -5_000n).toBe(true);
        },
      ),
    );
  });
});
