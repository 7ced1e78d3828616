import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterHoursMinutes, calendarOf } from './business-hours.js';
import { EntitlementValidationError } from './errors.js';
import { defaultBusinessHours, type WeeklyHours, weekdays } from './types.js';

const minute = (iso: string) => Date.parse(iso.replace(' ', 'T')) / 60_000;

const hourSets: Record<string, WeeklyHours | undefined> = {
  default: undefined,
  none: {},
  lunch: {
    tue: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  overlapping: {
    tue: [
      ['08:00', '12:00'],
      ['10:00', '14:00'],
    ],
  },
  saturdayNight: { sat: [['20:00', '24:00']] },
  sundayNight: { sun: [['01:00', '04:00']] }, // holds the DST change of Paris and New York
  sundayMidnight: { sun: [['00:00', '02:00']] },
};

// name | zone | start (UTC) | end (UTC) | hours | holidays | expected after-hours minutes
const table = `
inside hours                         | Europe/Paris     | 2024-03-12 09:00 | 2024-03-12 10:00 | default        | -          |    0
before opening, into the day         | Europe/Paris     | 2024-03-12 06:00 | 2024-03-12 08:00 | default        | -          |   60
past closing                         | Europe/Paris     | 2024-03-12 16:30 | 2024-03-12 17:30 | default        | -          |   30
across midnight                      | Europe/Paris     | 2024-03-12 22:00 | 2024-03-13 00:00 | default        | -          |  120
evening to next morning              | Europe/Paris     | 2024-03-12 16:00 | 2024-03-13 08:00 | default        | -          |  840
on a Saturday                        | Europe/Paris     | 2024-03-16 09:00 | 2024-03-16 12:00 | default        | -          |  180
Friday evening to Monday morning     | Europe/Paris     | 2024-03-15 16:00 | 2024-03-18 08:00 | default        | -          | 3720
a whole week in January              | Europe/Paris     | 2024-01-07 23:00 | 2024-01-14 23:00 | default        | -          | 7080
a holiday                            | Europe/Paris     | 2024-05-01 08:00 | 2024-05-01 09:00 | default        | 2024-05-01 |   60
the day after a holiday              | Europe/Paris     | 2024-05-02 08:00 | 2024-05-02 09:00 | default        | 2024-05-01 |    0
into a holiday across midnight       | Europe/Paris     | 2024-12-24 16:00 | 2024-12-25 09:00 | default        | 2024-12-25 |  960
lunch break                          | Europe/Paris     | 2024-03-12 10:00 | 2024-03-12 13:00 | lunch          | -          |   60
overlapping windows are merged       | UTC              | 2024-03-12 07:00 | 2024-03-12 15:00 | overlapping    | -          |  120
closing at 24:00                     | UTC              | 2024-03-16 22:00 | 2024-03-17 02:00 | saturdayNight  | -          |  120
no opening hours at all              | UTC              | 2024-03-12 09:00 | 2024-03-12 10:00 | none           | -          |   60
Paris spring forward in a window     | Europe/Paris     | 2024-03-30 23:00 | 2024-03-31 04:00 | sundayNight    | -          |  180
Paris fall back in a window          | Europe/Paris     | 2024-10-26 22:00 | 2024-10-27 05:00 | sundayNight    | -          |  180
Paris fall back over a weekend       | Europe/Paris     | 2024-10-25 16:00 | 2024-10-28 08:00 | default        | -          | 3780
New York spring forward, weekend     | America/New_York | 2024-03-08 22:00 | 2024-03-11 13:00 | default        | -          | 3660
New York fall back, weekend          | America/New_York | 2024-11-01 21:00 | 2024-11-04 14:00 | default        | -          | 3780
New York spring forward in a window  | America/New_York | 2024-03-10 05:00 | 2024-03-10 10:00 | sundayNight    | -          |  180
New York fall back in a window       | America/New_York | 2024-11-03 04:00 | 2024-11-03 10:00 | sundayNight    | -          |  120
Santiago, a day that starts at 01:00 | America/Santiago | 2024-09-08 03:00 | 2024-09-08 06:00 | sundayMidnight | -          |  120
`
  .trim()
  .split('\n')
  .map((line) => line.split('|').map((cell) => cell.trim()));

describe('after-hours minutes', () => {
  // Paris spring forward: Sunday 00:00 CET → 06:00 CEST lasts 5 hours; 01:00–04:00 on the clock lasts 2.
  // Paris fall back: Sunday 00:00 CEST → 06:00 CET lasts 7 hours; 01:00–04:00 on the clock lasts 4.
  // New York: Friday 17:00 EST → Monday 09:00 EDT lasts 63 hours, 2 of them business hours.
  it.each(table)('%s', (_, zone, start, end, hours, holidays, expected) => {
    const days = holidays === '-' ? undefined : holidays!.split(',');
    const cal = calendarOf(zone!, hourSets[hours!], days);
    expect(afterHoursMinutes(cal, minute(`${start}Z`), minute(`${end}Z`))).toBe(Number(expected));
  });

  it.each([
    [{ mon: [['18:00', '08:00']] }, 'businessHours.mon[0]'],
    [{ mon: [['8:00', '18:00']] }, 'businessHours.mon[0]'],
    [{ mon: [['08:00', '24:01']] }, 'businessHours.mon[0]'],
    [{ mon: [['24:00', '24:00']] }, 'businessHours.mon[0]'],
    [{ monday: [['08:00', '18:00']] }, 'businessHours.monday'],
    [{ mon: 'all day' }, 'businessHours.mon'],
  ])('rejects business hours %j', (hours, field) => {
    const error = catchError(() => calendarOf('UTC', hours as unknown as WeeklyHours));
    expect(error).toBeInstanceOf(EntitlementValidationError);
    expect(error.fields).toEqual([expect.objectContaining({ field, code: 'INVALID_BUSINESS_HOURS' })]);
  });

  it('rejects a holiday that is not a date', () => {
    const error = catchError(() => calendarOf('UTC', undefined, ['2024-12-25', '25/12/2024']));
    expect(error.fields).toEqual([
      expect.objectContaining({ field: 'holidays[1]', code: 'INVALID_HOLIDAY' }),
    ]);
  });
});

function catchError(f: () => unknown): EntitlementValidationError {
  try {
    f();
  } catch (error) {
    return error as EntitlementValidationError;
  }
  throw new Error('expected a validation error');
}

/** Minute by minute, reading each minute's wall clock straight from Intl: slow and obviously right. */
function oracle(zone: string, hours: WeeklyHours, holidays: string[], from: number, to: number): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  let out = 0;
  for (let m = from; m < to; m++) {
    const p = Object.fromEntries(f.formatToParts(m * 60_000).map((x) => [x.type, x.value]));
    const day = p.weekday!.toLowerCase().slice(0, 3) as keyof WeeklyHours;
    const clock = `${p.hour}:${p.minute}`;
    const open =
      !holidays.includes(`${p.year}-${p.month}-${p.day}`) &&
      (hours[day] ?? []).some(([a, b]) => a <= clock && clock < b);
    if (!open) out++;
  }
  return out;
}

describe('after-hours minutes against a minute-by-minute oracle (property)', () => {
  const transitions = [
    ['Europe/Paris', '2024-03-31T01:00:00Z'],
    ['Europe/Paris', '2024-10-27T01:00:00Z'],
    ['America/New_York', '2024-03-10T07:00:00Z'],
    ['America/New_York', '2024-11-03T06:00:00Z'],
    ['America/Santiago', '2024-09-08T04:00:00Z'],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z'],
    ['Asia/Kathmandu', '2024-06-01T00:00:00Z'],
    ['UTC', '2024-02-29T00:00:00Z'],
  ] as const;
  const clock = fc
    .integer({ min: 0, max: 1440 })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const window = fc.tuple(clock, clock).filter(([a, b]) => a < b && a !== '24:00');
  const hours: fc.Arbitrary<WeeklyHours> = fc.oneof(
    fc.constant(defaultBusinessHours),
    fc.record(
      Object.fromEntries(weekdays.map((d) => [d, fc.array(window, { maxLength: 2 })])) as Record<
        (typeof weekdays)[number],
        fc.Arbitrary<[string, string][]>
      >,
    ),
  );
  it('agrees with the oracle around DST changes, midnights and holidays', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...transitions),
        fc.integer({ min: -2 * 1440, max: 1440 }),
        fc.integer({ min: 1, max: 3 * 1440 }),
        hours,
        fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 2 }),
        ([zone, near], shift, length, weekly, holidayShifts) => {
          const from = minute(near) + shift;
          const holidays = holidayShifts.map((d) =>
            new Date((from + d * 1440) * 60_000).toISOString().slice(0, 10),
          );
          const fast = afterHoursMinutes(calendarOf(zone, weekly, holidays), from, from + length);
          expect(fast).toBe(oracle(zone, weekly, holidays, from, from + length));
        },
      ),
      { numRuns: 150 },
    );
  });
});
