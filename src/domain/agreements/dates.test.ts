import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate } from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2025-02-01', 12, '2026-02-01'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-05-31', 0, '2025-05-31'],
    ['0050-06-30', 6, '0050-12-30'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-02-01', -60, '2025-12-03'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['', false],
  ])('%s is a date: %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('refuses to compute with a non-date', () => {
    expect(() => addDays('tomorrow', 1)).toThrow(RangeError);
  });

  it('adds days and months reversibly where the day exists (property)', () => {
    const day = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -240, max: 240 }),
        (d, n, m) => {
          expect(isIsoDate(addDays(d, n))).toBe(true);
          expect(addDays(addDays(d, n), -n)).toBe(d);
          const later = addMonths(d, m);
          expect(isIsoDate(later)).toBe(true);
          if (Number(d.slice(8)) <= 28) expect(addMonths(later, -m)).toBe(d);
          else expect(later.slice(8) <= d.slice(8)).toBe(true);
        },
      ),
    );
  });
});
