import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDayStart, monthInterval, monthsFrom, parseMonth } from './months.js';

const iso = (t: number) => new Date(t).toISOString();

describe('months on a zone’s wall clock', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: [string, string, string, string, number][] = [
    ['UTC', '2024-02', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', 29 * 24],
    ['UTC', '2023-02', '2023-02-01T00:00:00.000Z', '2023-03-01T00:00:00.000Z', 28 * 24],
    ['UTC', '2024-04', '2024-04-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z', 30 * 24],
    ['UTC', '2024-12', '2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 31 * 24],
    ['Europe/Paris', '2024-03', '2024-02-29T23:00:00.000Z', '2024-03-31T22:00:00.000Z', 31 * 24 - 1],
    ['Europe/Paris', '2024-10', '2024-09-30T22:00:00.000Z', '2024-10-31T23:00:00.000Z', 31 * 24 + 1],
    ['America/New_York', '2024-11', '2024-11-01T04:00:00.000Z', '2024-12-01T05:00:00.000Z', 30 * 24 + 1],
    ['Pacific/Auckland', '2024-04', '2024-03-31T11:00:00.000Z', '2024-04-30T12:00:00.000Z', 30 * 24 + 1],
    ['Asia/Kathmandu', '2024-01', '2023-12-31T18:15:00.000Z', '2024-01-31T18:15:00.000Z', 31 * 24],
  ];
  it.each(rows)('%s %s', (zone, month, from, to, hours) => {
    const m = monthInterval(zone, month);
    expect([iso(m.from), iso(m.to)]).toEqual([from, to]);
    expect((m.to - m.from) / 3_600_000).toBe(hours);
  });

  // biome-ignore format: one case per line reads as a table
  const days: [string, number, number, number, string][] = [
    ['America/Santiago', 2022, 9, 11, '2022-09-11T04:00:00.000Z'], // midnight skipped: the day starts at 01:00
    ['America/Santiago', 2022, 4, 3, '2022-04-03T04:00:00.000Z'], // clocks go back from 24:00 to 23:00
    ['America/Havana', 2023, 3, 12, '2023-03-12T05:00:00.000Z'],
    ['Pacific/Apia', 2011, 12, 30, '2011-12-30T10:00:00.000Z'], // the day that never was: the next one's start
    ['Europe/Paris', 2024, 3, 31, '2024-03-30T23:00:00.000Z'],
  ];
  it.each(days)('%s %i-%i-%i starts at %s', (zone, y, m, d, expected) => {
    expect(iso(localDayStart(zone, y, m, d))).toBe(expected);
  });

  it('lists months', () => {
    expect(monthsFrom('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsFrom('2024-02', '2024-01')).toEqual([]);
    expect(() => monthsFrom('2024-13', '2025-01')).toThrow(RangeError);
  });

  it.each([
    ['2024-01', { year: 2024, month: 1 }],
    ['2024-1', null],
    ['2024-00', null],
    ['1899-12', null],
    [202401, null],
  ])('parses %j', (text, expected) => {
    expect(parseMonth(text)).toEqual(expected);
  });

  const zones = [
    'Europe/Paris',
    'America/Santiago',
    'America/Havana',
    'Australia/Lord_Howe',
    'Asia/Tehran',
    'America/St_Johns',
    'Africa/Casablanca',
    'Pacific/Chatham',
    'UTC',
  ];

  function localMonth(zone: string, t: number): number {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
    }).formatToParts(t);
    const p = Object.fromEntries(parts.map((x) => [x.type, Number(x.value)]));
    return p.year! * 12 + p.month! - 1;
  }

  it('a month starts at the first instant Intl shows it on the zone’s wall clock', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1970 * 12, max: 2037 * 12 }),
        (zone, index) => {
          const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
          const { from, to } = monthInterval(zone, month);
          expect(localMonth(zone, from)).toBe(index);
          expect(localMonth(zone, from - 1)).toBe(index - 1);
          expect(localMonth(zone, to - 1)).toBe(index);
          expect(localMonth(zone, to)).toBe(index + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
