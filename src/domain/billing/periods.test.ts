import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingValidationError } from './errors.js';
import {
  addPeriods,
  dateOfDay,
  dayNumber,
  daysInclusive,
  daysInPeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
  previousPeriod,
} from './periods.js';

describe('parsePeriod', () => {
  it.each(['2026-03', '2024-02', '1999-12', '2026-01'])('accepts %s', (p) => {
    expect(parsePeriod(p)).toBe(p);
  });

  it.each([
    '2026-3',
    '2026-13',
    '2026-00',
    '26-03',
    '2026/03',
    '2026-03-01',
    ' 2026-03',
    '',
    '0999-01',
    202603,
    null,
  ])('refuses %j with INVALID_PERIOD naming the field', (p) => {
    try {
      parsePeriod(p, 'body.period');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BillingValidationError);
      const e = err as BillingValidationError;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.fields).toEqual([expect.objectContaining({ field: 'body.period', code: 'INVALID_PERIOD' })]);
      expect(e.fields[0]!.message).toContain("'YYYY-MM'");
    }
  });
});

describe('period dates', () => {
  it.each([
    ['2026-01', '2026-01-01', '2026-01-31', 31],
    ['2026-02', '2026-02-01', '2026-02-28', 28],
    ['2024-02', '2024-02-01', '2024-02-29', 29],
    ['2026-04', '2026-04-01', '2026-04-30', 30],
    ['2026-12', '2026-12-01', '2026-12-31', 31],
  ])('%s runs %s to %s, %i days', (p, start, end, days) => {
    expect(periodStart(p)).toBe(start);
    expect(periodEnd(p)).toBe(end);
    expect(daysInPeriod(p)).toBe(days);
  });

  it.each([
    ['2026-12', '2027-01', '2026-11'],
    ['2026-01', '2026-02', '2025-12'],
    ['2024-02', '2024-03', '2024-01'],
  ])('after %s comes %s, before it %s', (p, next, previous) => {
    expect(nextPeriod(p)).toBe(next);
    expect(previousPeriod(p)).toBe(previous);
  });

  it('lists the periods between two, both included', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2026-02', '2026-01')).toEqual([]);
  });

  it('counts days between dates, both ends included', () => {
    expect(daysInclusive('2026-03-17', '2026-03-31')).toBe(15);
    expect(daysInclusive('2024-02-01', '2024-03-01')).toBe(30);
    expect(periodOf('2026-03-17')).toBe('2026-03');
  });

  it('next and previous are inverse, and a period has 28–31 days', () => {
    const period = fc
      .tuple(fc.integer({ min: 1100, max: 9800 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(period, fc.integer({ min: -600, max: 600 }), (p, n) => {
        expect(previousPeriod(nextPeriod(p))).toBe(p);
        expect(addPeriods(addPeriods(p, n), -n)).toBe(p);
        expect(daysInPeriod(p)).toBeGreaterThanOrEqual(28);
        expect(daysInPeriod(p)).toBeLessThanOrEqual(31);
        expect(dayNumber(periodStart(nextPeriod(p))) - dayNumber(periodEnd(p))).toBe(1);
        expect(dateOfDay(dayNumber(periodEnd(p)))).toBe(periodEnd(p));
      }),
    );
  });
});
