import { describe, expect, it } from 'vitest';
import { due } from './business-time.js';
import { createCalendar } from './calendar.js';
import { CalendarValidationError } from './errors.js';
import { holidaysFromICalendar } from './ical.js';

const ics = (...events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Keel//holiday test//EN',
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      ...e
        .trim()
        .split('\n')
        .map((l) => l.trim()),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const christmas = `
  UID:christmas@example.org
  SUMMARY:Christmas Day
  DTSTART;VALUE=DATE:20241225
  DTEND;VALUE=DATE:20241226`;
const newYear = `
  UID:new-year@example.org
  SUMMARY:New Year's Day
  DTSTART;VALUE=DATE:20200101
  RRULE:FREQ=YEARLY`;
const summerClose = `
  UID:summer@example.org
  SUMMARY:Office closed
  DTSTART;VALUE=DATE:20240812
  DTEND;VALUE=DATE:20240817`;
const noEnd = `
  UID:labour@example.org
  SUMMARY:Labour Day
  DTSTART;VALUE=DATE:20240501`;
const duration = `
  UID:bridge@example.org
  SUMMARY:Bridge days
  DTSTART;VALUE=DATE:20240509
  DURATION:P2D`;
// Last Monday of May, every year (UK spring bank holiday, US Memorial Day).
const lastMondayOfMay = `
  UID:spring-bank@example.org
  SUMMARY:Spring bank holiday
  DTSTART;VALUE=DATE:20190527
  RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO`;
const timed = `
  UID:party@example.org
  SUMMARY:Staff party
  DTSTART:20241220T180000Z
  DTEND:20241220T230000Z`;
const cancelled = `
  UID:cancelled@example.org
  SUMMARY:Cancelled closure
  STATUS:CANCELLED
  DTSTART;VALUE=DATE:20240603`;

describe('holidays from iCalendar', () => {
  it('reads all-day events, multi-day ranges, durations and yearly rules over the years asked', () => {
    const text = ics(christmas, newYear, summerClose, noEnd, duration, lastMondayOfMay, timed, cancelled);
    const result = holidaysFromICalendar(text, { fromYear: 2024, toYear: 2025 });
    expect(result.holidays).toEqual([
      '2024-01-01',
      '2024-05-01',
      '2024-05-09',
      '2024-05-10',
      '2024-05-27',
      '2024-08-12',
      '2024-08-13',
      '2024-08-14',
      '2024-08-15',
      '2024-08-16',
      '2024-12-25',
      '2025-01-01',
      '2025-05-26',
    ]);
    expect(result.skipped).toEqual([
      { uid: 'party@example.org', summary: 'Staff party', reason: 'not an all-day event' },
      { uid: 'cancelled@example.org', summary: 'Cancelled closure', reason: 'cancelled' },
    ]);
  });

  it('expands recurrences over the range only, and leaves one-off events outside it out', () => {
    const result = holidaysFromICalendar(ics(christmas, newYear), { fromYear: 2026, toYear: 2028 });
    expect(result.holidays).toEqual(['2026-01-01', '2027-01-01', '2028-01-01']);
  });

  it('honours EXDATE, COUNT and UNTIL, and moved or cancelled occurrences', () => {
    const withExdate = `
      UID:may-day@example.org
      SUMMARY:May Day
      DTSTART;VALUE=DATE:20230501
      RRULE:FREQ=YEARLY;UNTIL=20260501
      EXDATE;VALUE=DATE:20250501`;
    const counted = `
      UID:jubilee@example.org
      SUMMARY:Jubilee
      DTSTART;VALUE=DATE:20240603
      RRULE:FREQ=YEARLY;COUNT=2`;
    const founders = `
      UID:founders@example.org
      SUMMARY:Founders' day
      DTSTART;VALUE=DATE:20240910
      RRULE:FREQ=YEARLY`;
    const moved = `
      UID:founders@example.org
      SUMMARY:Founders' day (moved)
      RECURRENCE-ID;VALUE=DATE:20250910
      DTSTART;VALUE=DATE:20250912`;
    const dropped = `
      UID:founders@example.org
      RECURRENCE-ID;VALUE=DATE:20260910
      STATUS:CANCELLED
      DTSTART;VALUE=DATE:20260910`;
    const result = holidaysFromICalendar(ics(withExdate, counted, founders, moved, dropped), {
      fromYear: 2024,
      toYear: 2027,
    });
    expect(result.holidays).toEqual([
      '2024-05-01',
      '2024-06-03',
      '2024-09-10',
      '2025-06-03',
      '2025-09-12',
      '2026-05-01',
      '2027-09-10',
    ]);
  });

  it('takes a range that runs into the years asked', () => {
    const newYearBreak = `
      UID:break@example.org
      DTSTART;VALUE=DATE:20231230
      DTEND;VALUE=DATE:20240103`;
    expect(holidaysFromICalendar(ics(newYearBreak), { fromYear: 2024, toYear: 2024 }).holidays).toEqual([
      '2024-01-01',
      '2024-01-02',
    ]);
  });

  it('gives dates a calendar takes as they are', () => {
    const { holidays } = holidaysFromICalendar(ics(christmas, newYear), { fromYear: 2024, toYear: 2025 });
    const cal = createCalendar({
      timeZone: 'Europe/Paris',
      businessHours: { tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']] },
      holidays,
    });
    expect(due(cal, Date.parse('2024-12-24T16:00:00+01:00'), 120)).toBe(
      Date.parse('2024-12-26T10:00:00+01:00'),
    );
  });

  it.each([
    ['text that is no iCalendar', 'hello', 'ics INVALID_ICALENDAR'],
    ['empty text', '', 'ics INVALID_ICALENDAR'],
    ['an event without a calendar', 'BEGIN:VEVENT\r\nEND:VEVENT\r\n', 'ics INVALID_ICALENDAR'],
    ['not text', 42, 'ics INVALID_ICALENDAR'],
  ])('rejects %s', (_, text, expected) => {
    try {
      holidaysFromICalendar(text as string, { fromYear: 2024, toYear: 2024 });
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarValidationError);
      expect((error as CalendarValidationError).fields.map((f) => `${f.field} ${f.code}`)).toEqual([
        expected,
      ]);
    }
  });

  it.each([
    [{ fromYear: 2025, toYear: 2024 }],
    [{ fromYear: 2024.5, toYear: 2025 }],
    [{ fromYear: 1800, toYear: 2025 }],
    [{ fromYear: 2000, toYear: 2100 }],
  ])('rejects the year range %j', (years) => {
    expect(() => holidaysFromICalendar(ics(christmas), years)).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'years', code: 'INVALID_YEAR_RANGE' })],
      }),
    );
  });

  it('stays bounded on a rule with too many occurrences, and says so', () => {
    const since1900 = `
      UID:daily-1900@example.org
      DTSTART;VALUE=DATE:19000101
      RRULE:FREQ=DAILY`;
    const since2020 = `
      UID:daily-2020@example.org
      DTSTART;VALUE=DATE:20200101
      RRULE:FREQ=DAILY`;
    const t0 = performance.now();
    const result = holidaysFromICalendar(ics(since1900, since2020), { fromYear: 2024, toYear: 2024 });
    expect(result.holidays).toHaveLength(366);
    expect(result.skipped).toEqual([
      { uid: 'daily-1900@example.org', summary: null, reason: 'too many occurrences to expand before 2025' },
    ]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
