import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from './money.js';
import { isQuantity, normalizeQuantity, quantityHundredths } from './quantity.js';

describe('quantities', () => {
  it.each([
    [15, '15', 1_500],
    ['15', '15', 1_500],
    ['15.00', '15', 1_500],
    ['1.50', '1.5', 150],
    [1.5, '1.5', 150],
    ['0.25', '0.25', 25],
    [0.25, '0.25', 25],
    ['007', '7', 700],
    ['0', '0', 0],
    ['-0', '0', 0],
    ['-0.00', '0', 0],
    ['-2.5', '-2.5', -250],
    [-2.5, '-2.5', -250],
  ])('%j is %s, %d hundredths', (value, canonical, hundredths) => {
    expect(isQuantity(value)).toBe(true);
    expect(normalizeQuantity(value)).toBe(canonical);
    expect(quantityHundredths(value)).toBe(hundredths);
  });

  it.each([
    ['1.255'],
    [0.1 + 0.2],
    ['1e3'],
    [1e21],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [''],
    ['1,5'],
    [' 1'],
    ['+1'],
    ['.5'],
    ['5.'],
  ])('refuses %j', (value) => {
    expect(isQuantity(value)).toBe(false);
    expect(() => normalizeQuantity(value)).toThrow(RangeError);
  });

  it('reads any hundredths written as a decimal back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (hundredths) => {
        const written = toDecimalString(hundredths, 2);
        expect(quantityHundredths(written)).toBe(hundredths || 0);
        expect(normalizeQuantity(normalizeQuantity(written))).toBe(normalizeQuantity(written));
      }),
    );
  });
});
