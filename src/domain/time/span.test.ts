import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedMinutes, maxEntryMinutes, overlaps, resolveSpan } from './span.js';

const at = (iso: string) => Date.parse(iso);
const nine = at('2026-03-02T09:00:00Z');

describe('time entry span', () => {
  it.each([
    // start, end, duration, → minutes (or the field at fault)
    ['2026-03-02T09:00:00Z', '2026-03-02T10:30:00Z', null, 90],
    ['2026-03-02T09:00:00Z', null, 45, 45],
    // Seconds are kept; minutes count on the UTC minute grid, like entitlement.
    ['2026-03-02T09:00:50Z', '2026-03-02T09:01:10Z', null, 1],
    ['2026-03-02T09:00:30Z', null, 1, 1],
    ['2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z', null, 1440],
    ['2026-03-02T09:00:00Z', null, 1440, 1440],
    ['2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z', null, 'endedAt'],
    ['2026-03-02T09:00:00Z', '2026-03-02T08:00:00Z', null, 'endedAt'],
    ['2026-03-02T09:00:10Z', '2026-03-02T09:00:55Z', null, 'endedAt'],
    ['2026-03-02T09:00:00Z', '2026-03-03T09:01:00Z', null, 'endedAt'],
    ['2026-03-02T09:00:00Z', null, 0, 'durationMinutes'],
    ['2026-03-02T09:00:00Z', null, 1441, 'durationMinutes'],
    ['2026-03-02T09:00:00Z', null, 1.5, 'durationMinutes'],
    ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 60, 'durationMinutes'],
    ['2026-03-02T09:00:00Z', null, null, 'endedAt'],
  ] as const)('%s → %s / %s min: %s', (start, end, duration, expected) => {
    const result = resolveSpan({ start: at(start), end: end ? at(end) : null, durationMinutes: duration });
    if (typeof expected === 'number') {
      expect('span' in result && result.span.minutes).toBe(expected);
    } else {
      expect('problems' in result && result.problems.map((p) => p.field)).toEqual([expected]);
    }
  });

  it('a duration-only entry ends start + duration', () => {
    const result = resolveSpan({ start: nine, durationMinutes: 30 });
    expect(result).toEqual({ span: { start: nine, end: nine + 30 * 60_000, minutes: 30 } });
  });

  it.each([
    [0, 60, 60, 120, false],
    [0, 60, 59, 120, true],
    [10, 20, 0, 30, true],
    [0, 30, 10, 20, true],
    [50, 60, 0, 50, false],
  ])('[%i, %i) and [%i, %i) overlap: %s', (a, b, c, d, expected) => {
    expect(overlaps({ start: a, end: b }, { start: c, end: d })).toBe(expected);
    expect(overlaps({ start: c, end: d }, { start: a, end: b })).toBe(expected);
  });

  it('back-to-back entries add up to the whole (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 8 }),
        (offset, lengths) => {
          let start = nine + offset;
          const first = start;
          let total = 0;
          for (const ms of lengths) {
            total += countedMinutes(start, start + ms);
            start += ms;
          }
          expect(total).toBe(countedMinutes(first, start));
        },
      ),
    );
  });

  it('any accepted span counts 1 to the maximum minutes and ends after it starts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: -100_000, max: 2 * maxEntryMinutes * 60_000 }),
        (offset, length) => {
          const start = nine + offset;
          const result = resolveSpan({ start, end: start + length });
          if ('span' in result) {
            expect(result.span.end).toBeGreaterThan(result.span.start);
            expect(result.span.minutes).toBeGreaterThanOrEqual(1);
            expect(result.span.minutes).toBeLessThanOrEqual(maxEntryMinutes);
          } else {
            const minutes = countedMinutes(start, start + length);
            expect(length <= 0 || minutes < 1 || minutes > maxEntryMinutes).toBe(true);
          }
        },
      ),
    );
  });
});
