import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingValidationError } from './errors.js';
import {
  creditNotePrefix,
  formatInvoiceNumber,
  missingNumbers,
  nextInvoiceNumber,
  parseInvoiceNumber,
} from './numbering.js';

describe('invoice numbers', () => {
  it.each([
    [2026, 123, '', '2026-000123'],
    [2026, 1, '', '2026-000001'],
    [2027, 999_999, '', '2027-999999'],
    [2026, 7, creditNotePrefix, 'CN-2026-000007'],
  ])('%i, %i (prefix %j) → %s', (year, sequence, prefix, text) => {
    expect(formatInvoiceNumber(year, sequence, prefix)).toBe(text);
    expect(parseInvoiceNumber(text, prefix)).toEqual({ year, sequence });
  });

  it.each([
    '2026-123',
    '2026-0001234',
    '26-000123',
    '2026-000000',
    '2026/000123',
    'CN-2026-000001',
    ' 2026-000123',
    '',
  ])('refuses %j', (text) => {
    expect(() => parseInvoiceNumber(text)).toThrow(BillingValidationError);
  });

  it('refuses sequences out of range', () => {
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(BillingValidationError);
    expect(() => formatInvoiceNumber(2026, 1_000_000)).toThrow(BillingValidationError);
    expect(() => formatInvoiceNumber(2026, 1.5)).toThrow(BillingValidationError);
  });

  it('the next number follows the year of issue', () => {
    expect(nextInvoiceNumber('2026-03-01', null)).toBe('2026-000001');
    expect(nextInvoiceNumber('2026-03-01', 122)).toBe('2026-000123');
    expect(nextInvoiceNumber('2027-01-02', null)).toBe('2027-000001');
    expect(() => nextInvoiceNumber('2026-03-01', 999_999)).toThrow(BillingValidationError);
  });

  it('finds gaps in a year', () => {
    expect(missingNumbers(['2026-000001', '2026-000004', '2026-000002', '2025-000009'], 2026)).toEqual([3]);
    expect(missingNumbers([], 2026)).toEqual([]);
  });

  it('numbers drawn one after another are gap-free and read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 200 }), (year, count) => {
        const numbers: string[] = [];
        for (let last: number | null = null; numbers.length < count; last = (last ?? 0) + 1) {
          numbers.push(nextInvoiceNumber(`${year}-06-15`, last));
        }
        expect(missingNumbers(numbers, year)).toEqual([]);
        expect(numbers.map((n) => parseInvoiceNumber(n).sequence)).toEqual(numbers.map((_, i) => i + 1));
      }),
    );
  });
});
