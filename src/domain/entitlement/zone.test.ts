import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, isValidTimeZone, localDayOf, offsetAt, parseDay, readOffset, weekdayOf } from './zone.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('time zones', () => {
  it.each([
    ['Europe/Paris', true],
    ['America/New_York', true],
    ['UTC', true],
    ['europe/paris', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['+05:30', false],
  ])('%s is valid: %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  const offsets: [zone: string, instant: string, seconds: number][] = [
    ['Europe/Paris', '2024-01-15T12:00:00Z', 3600],
    ['Europe/Paris', '2024-07-15T12:00:00Z', 7200],
    ['Europe/Paris', '2024-03-31T00:59:59Z', 3600], // last second of CET
    ['Europe/Paris', '2024-03-31T01:00:00Z', 7200], // 02:00 CET becomes 03:00 CEST
    ['Europe/Paris', '2024-10-27T00:59:59Z', 7200],
    ['Europe/Paris', '2024-10-27T01:00:00Z', 3600], // 03:00 CEST becomes 02:00 CET
    ['America/New_York', '2024-03-10T06:59:59Z', -18000],
    ['America/New_York', '2024-03-10T07:00:00Z', -14400],
    ['America/New_York', '2024-11-03T05:59:59Z', -14400],
    ['America/New_York', '2024-11-03T06:00:00Z', -18000],
    // Lord Howe moves by 30 minutes, in the middle of a UTC hour: that hour is never cached.
    ['Australia/Lord_Howe', '2024-10-05T15:29:59Z', 37800],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z', 39600],
    ['Asia/Kathmandu', '2024-05-01T00:00:00Z', 20700],
    ['Pacific/Chatham', '2024-01-01T00:00:00Z', 49500],
  ];
  it.each(offsets)('%s at %s is %i s ahead of UTC', (zone, instant, seconds) => {
    expect(offsetAt(zone, at(instant))).toBe(seconds);
    expect(offsetAt(zone, at(instant))).toBe(seconds); // cached answer
  });

  it('caches offsets without changing them (property)', () => {
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Tehran',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }),
        (zone, t) => {
          expect(offsetAt(zone, t)).toBe(readOffset(zone, t));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Europe/Paris', '2024-03-31T22:30:00Z', '2024-04-01'],
    ['Europe/Paris', '2024-03-31T21:59:00Z', '2024-03-31'],
    ['America/New_York', '2024-03-01T03:00:00Z', '2024-02-29'],
    ['Pacific/Kiritimati', '2024-12-31T10:00:00Z', '2025-01-01'],
  ])('local date in %s of %s is %s', (zone, instant, date) => {
    expect(formatDay(localDayOf(zone, at(instant) / 60))).toBe(date);
  });

  it.each([
    ['2024-02-29', 19782],
    ['1970-01-01', 0],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-1-01', null],
    ['24-01-01', null],
  ])('parses the date %s', (date, day) => {
    expect(parseDay(date)).toBe(day);
    if (day !== null) expect(formatDay(day)).toBe(date);
  });

  it('names weekdays, 0 = Sunday', () => {
    expect(weekdayOf(parseDay('2024-03-12')!)).toBe(2); // a Tuesday
    expect(weekdayOf(parseDay('1969-12-28')!)).toBe(0); // a Sunday before the epoch
  });
});
