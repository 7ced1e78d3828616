import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDay,
  isValidTimeZone,
  localDayOf,
  nextTransition,
  offsetAt,
  parseDay,
  readOffset,
  transitionsInYear,
  weekdayOf,
} from './zone.js';

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

  it.each([
    ['Europe/Paris', 2024, ['2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z']],
    ['Europe/London', 2024, ['2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z']],
    ['America/New_York', 2024, ['2024-03-10T07:00:00Z', '2024-11-03T06:00:00Z']],
    ['America/Los_Angeles', 2024, ['2024-03-10T10:00:00Z', '2024-11-03T09:00:00Z']],
    ['Australia/Lord_Howe', 2024, ['2024-04-06T15:00:00Z', '2024-10-05T15:30:00Z']],
    ['Asia/Kolkata', 2024, []],
    ['UTC', 2024, []],
    // Samoa skipped 2011-12-30 entirely: +14 hours at once.
    ['Pacific/Apia', 2011, ['2011-04-02T14:00:00Z', '2011-09-24T14:00:00Z', '2011-12-30T10:00:00Z']],
  ])('%s changes its offset in %i at %j', (zone, year, instants) => {
    expect(
      transitionsInYear(zone, year).map((t) => new Date(t * 1000).toISOString().replace('.000', '')),
    ).toEqual(instants);
  });

  it('finds the next change, or the limit', () => {
    const paris = at('2024-06-01T00:00:00Z');
    expect(nextTransition('Europe/Paris', paris, paris + 365 * 86_400)).toBe(at('2024-10-27T01:00:00Z'));
    expect(nextTransition('Europe/Paris', paris, paris + 86_400)).toBe(paris + 86_400);
    expect(nextTransition('Europe/Paris', at('2024-10-27T01:00:00Z'), Number.POSITIVE_INFINITY)).toBe(
      at('2025-03-30T01:00:00Z'),
    );
    const kolkata = at('2024-06-01T00:00:00Z');
    expect(nextTransition('Asia/Kolkata', kolkata, kolkata + 3 * 365 * 86_400)).toBe(
      kolkata + 3 * 365 * 86_400,
    );
  });

  it('holds the offset constant up to the next change (property)', () => {
    const zones = [
      'Europe/Paris',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Asia/Tehran',
      'Africa/Casablanca',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, t, f) => {
          const limit = t + 400 * 86_400;
          const next = nextTransition(zone, t, limit);
          expect(next).toBeGreaterThan(t);
          const inside = t + Math.floor((next - t - 1) * f);
          expect(readOffset(zone, inside)).toBe(readOffset(zone, t));
          if (next < limit) expect(readOffset(zone, next)).not.toBe(readOffset(zone, next - 1));
        },
      ),
      { numRuns: 500 },
    );
  });
});
