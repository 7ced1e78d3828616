import { describe, expect, it } from 'vitest';
import {
  businessMilliseconds,
  businessMinutes,
  businessTime,
  due,
  horizonDays,
  isBusinessInstant,
  nextBusinessInstant,
} from './business-time.js';
import { type BusinessCalendar, calendarFromPlan, createCalendar } from './calendar.js';
import { CalendarValidationError } from './errors.js';
import { emptyWeek, noHolidays } from './hours.js';
import type { CalendarSpec, Interval, WeeklyHours } from './types.js';

const lunch = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
] as const;
const nineToFive = [['09:00', '17:00']] as const;
const allDay = [['00:00', '24:00']] as const;

const hourSets: Record<string, WeeklyHours> = {
  // Monday to Friday, 8 business hours a day with a lunch break.
  office: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch },
  nineToFive: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  // Sunday 01:00–04:00: holds the clock change of Paris, New York and Los Angeles.
  sundayNight: { sun: [['01:00', '04:00']] },
  // Sunday 00:00–03:00: holds the clock change of London.
  sundayEarly: { sun: [['00:00', '03:00']] },
  // Saturday evening to Sunday morning, across midnight as two windows.
  weekendNight: { sat: [['20:00', '24:00']], sun: [['00:00', '02:00']] },
  everyDay: { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay },
};

function calendar(zone: string, hours: string, holidays: string): BusinessCalendar {
  const spec: CalendarSpec =
    hours === 'always'
      ? { timeZone: zone, always: true }
      : {
          timeZone: zone,
          businessHours: hourSets[hours]!,
          holidays: holidays === '-' ? [] : holidays.split(','),
        };
  return createCalendar(spec);
}

const at = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant in a table: ${iso}`);
  return t;
};
const pausesOf = (text: string): Interval[] =>
  text === '-'
    ? []
    : text.split(',').map((p) => {
        const [from, to] = p.split('~');
        return { from: at(from!), to: at(to!) };
      });
const table = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()));

// Expected values are worked out by hand from the wall clock; offsets are written on every instant.
// Paris is +01:00 until 2024-03-31 02:00, then +02:00 until 2024-10-27 03:00. New York is −05:00 /
// −04:00 from 2024-03-10 to 2024-11-03; Los Angeles −08:00 / −07:00 on the same days; London +00:00 /
// +01:00 from 2024-03-31 01:00 to 2024-10-27 02:00; Kolkata is always +05:30.
// name | zone | hours | holidays | start | minutes | pauses (from~to,…) | due
const dueTable = table(`
inside hours                               | Europe/Paris        | office      | -          | 2024-03-12T09:00:00+01:00 |    60 | - | 2024-03-12T10:00:00+01:00
across the lunch break                     | Europe/Paris        | office      | -          | 2024-03-12T11:30:00+01:00 |    60 | - | 2024-03-12T13:30:00+01:00
seconds in the start are kept              | Europe/Paris        | office      | -          | 2024-03-12T11:30:15+01:00 |    30 | - | 2024-03-12T13:00:15+01:00
milliseconds too                           | Europe/Paris        | office      | -          | 2024-03-12T09:00:00.250+01:00 | 1 | - | 2024-03-12T09:01:00.250+01:00
runs out exactly at closing: due at closing | Europe/Paris       | office      | -          | 2024-03-12T16:00:00+01:00 |    60 | - | 2024-03-12T17:00:00+01:00
runs out exactly at lunch: due at 12:00    | Europe/Paris        | office      | -          | 2024-03-12T11:00:00+01:00 |    60 | - | 2024-03-12T12:00:00+01:00
one minute more: next opening plus one     | Europe/Paris        | office      | -          | 2024-03-12T16:00:00+01:00 |    61 | - | 2024-03-13T08:01:00+01:00
start after closing counts from opening    | Europe/Paris        | office      | -          | 2024-03-12T18:30:00+01:00 |    60 | - | 2024-03-13T09:00:00+01:00
start before opening, seconds dropped      | Europe/Paris        | office      | -          | 2024-03-12T07:59:59+01:00 |     1 | - | 2024-03-12T08:01:00+01:00
start in the lunch break                   | Europe/Paris        | office      | -          | 2024-03-12T12:15:00+01:00 |    30 | - | 2024-03-12T13:30:00+01:00
start at closing counts from opening       | Europe/Paris        | office      | -          | 2024-03-12T17:00:00+01:00 |    30 | - | 2024-03-13T08:30:00+01:00
over a weekend                             | Europe/Paris        | office      | -          | 2024-03-15T16:00:00+01:00 |   120 | - | 2024-03-18T09:00:00+01:00
start on a Saturday                        | Europe/Paris        | office      | -          | 2024-03-16T10:00:00+01:00 |    90 | - | 2024-03-18T09:30:00+01:00
a whole week ends at Friday closing        | Europe/Paris        | office      | -          | 2024-03-11T08:00:00+01:00 |  2400 | - | 2024-03-15T17:00:00+01:00
a week and a minute                        | Europe/Paris        | office      | -          | 2024-03-11T08:00:00+01:00 |  2401 | - | 2024-03-18T08:01:00+01:00
four weeks from a Wednesday afternoon      | Europe/Paris        | office      | -          | 2024-01-10T14:00:00+01:00 |  9600 | - | 2024-02-07T14:00:00+01:00
zero minutes inside hours: the start       | Europe/Paris        | office      | -          | 2024-03-12T10:00:30+01:00 |     0 | - | 2024-03-12T10:00:30+01:00
zero minutes at closing: next opening      | Europe/Paris        | office      | -          | 2024-03-12T17:00:00+01:00 |     0 | - | 2024-03-13T08:00:00+01:00
zero minutes at lunch: reopening           | Europe/Paris        | office      | -          | 2024-03-12T12:00:00+01:00 |     0 | - | 2024-03-12T13:00:00+01:00
zero minutes on a Sunday: Monday opening   | Europe/Paris        | office      | -          | 2024-03-17T10:00:00+01:00 |     0 | - | 2024-03-18T08:00:00+01:00
a holiday is skipped                       | Europe/Paris        | office      | 2024-05-01 | 2024-04-30T16:00:00+02:00 |   120 | - | 2024-05-02T09:00:00+02:00
start on a holiday                         | Europe/Paris        | office      | 2024-05-01 | 2024-05-01T10:00:00+02:00 |    30 | - | 2024-05-02T08:30:00+02:00
holidays around a weekend                  | Europe/Paris        | office      | 2024-12-24,2024-12-25,2024-12-26 | 2024-12-20T16:30:00+01:00 | 60 | - | 2024-12-23T08:30:00+01:00
over Easter and the Paris clock change     | Europe/Paris        | office      | 2024-04-01 | 2024-03-29T16:00:00+01:00 |   120 | - | 2024-04-02T09:00:00+02:00
Paris spring forward: skipped hour closed  | Europe/Paris        | sundayNight | -          | 2024-03-31T00:00:00+01:00 |    90 | - | 2024-03-31T03:30:00+02:00
Paris spring forward: 2 h, due at closing  | Europe/Paris        | sundayNight | -          | 2024-03-31T00:00:00+01:00 |   120 | - | 2024-03-31T04:00:00+02:00
Paris spring forward: then next Sunday     | Europe/Paris        | sundayNight | -          | 2024-03-31T00:00:00+01:00 |   121 | - | 2024-04-07T01:01:00+02:00
Paris fall back: repeated hour counts twice | Europe/Paris       | sundayNight | -          | 2024-10-27T00:30:00+02:00 |   180 | - | 2024-10-27T03:00:00+01:00
Paris fall back: 4 h, due at closing       | Europe/Paris        | sundayNight | -          | 2024-10-27T00:30:00+02:00 |   240 | - | 2024-10-27T04:00:00+01:00
Paris fall back: in the first pass         | Europe/Paris        | sundayNight | -          | 2024-10-27T00:30:00+02:00 |    90 | - | 2024-10-27T02:30:00+02:00
Paris fall back: in the second pass        | Europe/Paris        | sundayNight | -          | 2024-10-27T00:30:00+02:00 |   150 | - | 2024-10-27T02:30:00+01:00
London spring forward: 2 h that night      | Europe/London       | sundayEarly | -          | 2024-03-31T00:00:00+00:00 |   150 | - | 2024-04-07T00:30:00+01:00
London fall back: 4 h that night           | Europe/London       | sundayEarly | -          | 2024-10-27T00:00:00+01:00 |   240 | - | 2024-10-27T03:00:00+00:00
London office over the clock change        | Europe/London       | nineToFive  | -          | 2024-03-29T16:00:00+00:00 |   120 | - | 2024-04-01T10:00:00+01:00
New York spring forward, weekend           | America/New_York    | nineToFive  | -          | 2024-03-08T16:00:00-05:00 |   120 | - | 2024-03-11T10:00:00-04:00
New York fall back, weekend                | America/New_York    | nineToFive  | -          | 2024-11-01T16:00:00-04:00 |   120 | - | 2024-11-04T10:00:00-05:00
New York spring forward in a window        | America/New_York    | sundayNight | -          | 2024-03-10T00:00:00-05:00 |   120 | - | 2024-03-10T04:00:00-04:00
New York fall back in a window             | America/New_York    | sundayNight | -          | 2024-11-03T00:00:00-04:00 |   240 | - | 2024-11-03T04:00:00-05:00
New York fall back, start in repeated hour | America/New_York    | sundayNight | -          | 2024-11-03T01:30:00-04:00 |    60 | - | 2024-11-03T01:30:00-05:00
Los Angeles spring forward, weekend        | America/Los_Angeles | office      | -          | 2024-03-09T12:00:00-08:00 |    30 | - | 2024-03-11T08:30:00-07:00
Los Angeles fall back, weekend             | America/Los_Angeles | office      | -          | 2024-11-02T12:00:00-07:00 |    30 | - | 2024-11-04T08:30:00-08:00
Los Angeles spring forward in a window     | America/Los_Angeles | sundayNight | -          | 2024-03-10T01:30:00-08:00 |    60 | - | 2024-03-10T03:30:00-07:00
Kolkata, half-hour offset                  | Asia/Kolkata        | nineToFive  | -          | 2024-03-11T16:30:00+05:30 |    60 | - | 2024-03-12T09:30:00+05:30
Kolkata, UTC midnight inside hours         | Asia/Kolkata        | nineToFive  | -          | 2024-03-11T05:00:00+00:00 |   180 | - | 2024-03-11T13:30:00+05:30
windows across midnight join up            | UTC                 | weekendNight | -         | 2024-03-16T23:30:00Z      |    60 | - | 2024-03-17T00:30:00Z
a target ending at 24:00 is due at midnight | UTC                | weekendNight | -         | 2024-03-16T23:30:00Z      |    30 | - | 2024-03-17T00:00:00Z
24×7 counts real time                      | Europe/Paris        | always      | -          | 2024-03-12T10:00:15Z      |   600 | - | 2024-03-12T20:00:15Z
24×7 across spring forward                 | Europe/Paris        | always      | -          | 2024-03-30T23:00:00Z      |   240 | - | 2024-03-31T03:00:00Z
24×7 across fall back                      | America/New_York    | always      | -          | 2024-11-03T04:00:00Z      |   240 | - | 2024-11-03T08:00:00Z
every day 00:00–24:00 across spring forward | Europe/Paris       | everyDay    | -          | 2024-03-30T23:00:00Z      |   240 | - | 2024-03-31T03:00:00Z
every day 00:00–24:00 across fall back     | America/New_York    | everyDay    | -          | 2024-11-03T04:00:00Z      |   240 | - | 2024-11-03T08:00:00Z
24×7 zero minutes: the start               | UTC                 | always      | -          | 2024-03-12T10:00:15Z      |     0 | - | 2024-03-12T10:00:15Z
24×7 with a pause                          | UTC                 | always      | -          | 2024-03-12T10:00:00Z      |    60 | 2024-03-12T10:15:00Z~2024-03-12T10:45:00Z | 2024-03-12T11:30:00Z
pause spanning closed hours                | Europe/Paris        | office      | -          | 2024-03-12T16:00:00+01:00 |   120 | 2024-03-12T16:30:00+01:00~2024-03-13T09:00:00+01:00 | 2024-03-13T10:30:00+01:00
pause only in closed hours changes nothing | Europe/Paris        | office      | -          | 2024-03-12T16:00:00+01:00 |   120 | 2024-03-12T18:00:00+01:00~2024-03-13T07:00:00+01:00 | 2024-03-13T09:00:00+01:00
pause over a weekend and a holiday         | Europe/Paris        | office      | 2024-05-01 | 2024-04-26T16:00:00+02:00 |   120 | 2024-04-26T16:30:00+02:00~2024-04-30T16:30:00+02:00 | 2024-05-02T09:00:00+02:00
start inside a pause                       | Europe/Paris        | office      | -          | 2024-03-12T10:00:00+01:00 |    30 | 2024-03-12T09:30:00+01:00~2024-03-12T10:20:00+01:00 | 2024-03-12T10:50:00+01:00
zero minutes inside a pause: its end       | Europe/Paris        | office      | -          | 2024-03-12T10:00:00+01:00 |     0 | 2024-03-12T09:30:00+01:00~2024-03-12T10:20:00+01:00 | 2024-03-12T10:20:00+01:00
runs out as a pause begins: due then       | Europe/Paris        | office      | -          | 2024-03-12T09:00:00+01:00 |    30 | 2024-03-12T09:30:00+01:00~2024-03-12T10:00:00+01:00 | 2024-03-12T09:30:00+01:00
unsorted, overlapping pauses               | Europe/Paris        | office      | -          | 2024-03-12T09:00:00+01:00 |    60 | 2024-03-12T09:40:00+01:00~2024-03-12T09:50:00+01:00,2024-03-12T09:10:00+01:00~2024-03-12T09:30:00+01:00,2024-03-12T09:20:00+01:00~2024-03-12T09:45:00+01:00 | 2024-03-12T10:40:00+01:00
a long pause: weeks are jumped around it   | Europe/Paris        | office      | -          | 2024-01-08T08:00:00+01:00 |  9600 | 2024-01-17T12:00:00+01:00~2024-02-07T12:00:00+01:00 | 2024-02-23T17:00:00+01:00
`);

describe('due', () => {
  it.each(dueTable)('%s', (_, zone, hours, holidays, start, minutes, pauses, expected) => {
    const cal = calendar(zone!, hours!, holidays!);
    const got = due(cal, at(start!), Number(minutes), pausesOf(pauses!));
    expect(new Date(got).toISOString()).toBe(new Date(at(expected!)).toISOString());
    // And back: the business minutes from the start to the due instant are the target.
    expect(businessMinutes(cal, at(start!), got, pausesOf(pauses!))).toBe(Number(minutes));
  });
});

// name | zone | hours | holidays | from | to | pauses | business minutes
const minutesTable = table(`
inside hours                               | Europe/Paris        | office      | -          | 2024-03-12T09:00:00+01:00 | 2024-03-12T10:00:00+01:00 | - | 60
seconds make fractions                     | Europe/Paris        | office      | -          | 2024-03-12T09:00:30+01:00 | 2024-03-12T10:00:00+01:00 | - | 59.5
empty interval                             | Europe/Paris        | office      | -          | 2024-03-12T09:00:00+01:00 | 2024-03-12T09:00:00+01:00 | - | 0
lunch is not counted                       | Europe/Paris        | office      | -          | 2024-03-12T10:00:00+01:00 | 2024-03-12T14:00:00+01:00 | - | 180
evening to next morning                    | Europe/Paris        | office      | -          | 2024-03-12T16:00:00+01:00 | 2024-03-13T09:00:00+01:00 | - | 120
a whole week                               | Europe/Paris        | office      | -          | 2024-03-11T00:00:00+01:00 | 2024-03-18T00:00:00+01:00 | - | 2400
a year of weeks, with holidays             | Europe/Paris        | office      | 2024-01-01,2024-05-01,2024-12-25 | 2024-01-01T00:00:00+01:00 | 2025-01-01T00:00:00+01:00 | - | 124320
a weekend                                  | Europe/Paris        | office      | -          | 2024-03-16T00:00:00+01:00 | 2024-03-18T00:00:00+01:00 | - | 0
a holiday                                  | Europe/Paris        | office      | 2024-05-01 | 2024-04-30T00:00:00+02:00 | 2024-05-03T00:00:00+02:00 | - | 960
pause spanning closed hours                | Europe/Paris        | office      | -          | 2024-03-12T16:00:00+01:00 | 2024-03-13T10:00:00+01:00 | 2024-03-12T16:30:00+01:00~2024-03-13T09:00:00+01:00 | 90
pause beyond the interval                  | Europe/Paris        | office      | -          | 2024-03-12T09:00:00+01:00 | 2024-03-12T10:00:00+01:00 | 2024-03-12T09:30:00+01:00~2024-03-12T18:00:00+01:00 | 30
Paris spring-forward night                 | Europe/Paris        | sundayNight | -          | 2024-03-30T12:00:00+01:00 | 2024-03-31T12:00:00+02:00 | - | 120
Paris fall-back night                      | Europe/Paris        | sundayNight | -          | 2024-10-26T12:00:00+02:00 | 2024-10-27T12:00:00+01:00 | - | 240
London spring-forward night                | Europe/London       | sundayEarly | -          | 2024-03-30T12:00:00+00:00 | 2024-03-31T12:00:00+01:00 | - | 120
London fall-back night                     | Europe/London       | sundayEarly | -          | 2024-10-26T12:00:00+01:00 | 2024-10-27T12:00:00+00:00 | - | 240
New York spring-forward night              | America/New_York    | sundayNight | -          | 2024-03-09T12:00:00-05:00 | 2024-03-10T12:00:00-04:00 | - | 120
New York fall-back night                   | America/New_York    | sundayNight | -          | 2024-11-02T12:00:00-04:00 | 2024-11-03T12:00:00-05:00 | - | 240
Los Angeles fall-back night                | America/Los_Angeles | sundayNight | -          | 2024-11-02T12:00:00-07:00 | 2024-11-03T12:00:00-08:00 | - | 240
24×7: the spring-forward day is 23 h       | Europe/Paris        | always      | -          | 2024-03-31T00:00:00+01:00 | 2024-04-01T00:00:00+02:00 | - | 1380
24×7: the fall-back day is 25 h            | Europe/Paris        | always      | -          | 2024-10-27T00:00:00+02:00 | 2024-10-28T00:00:00+01:00 | - | 1500
every day 00:00–24:00: 23 h                | Europe/Paris        | everyDay    | -          | 2024-03-31T00:00:00+01:00 | 2024-04-01T00:00:00+02:00 | - | 1380
every day 00:00–24:00: 25 h                | Europe/Paris        | everyDay    | -          | 2024-10-27T00:00:00+02:00 | 2024-10-28T00:00:00+01:00 | - | 1500
Kolkata, a working day                     | Asia/Kolkata        | nineToFive  | -          | 2024-03-11T00:00:00Z      | 2024-03-12T00:00:00Z      | - | 480
Kolkata, UTC hours                         | Asia/Kolkata        | nineToFive  | -          | 2024-03-11T03:00:00Z      | 2024-03-11T04:00:00Z      | - | 30
`);

describe('businessMinutes', () => {
  it.each(minutesTable)('%s', (_, zone, hours, holidays, from, to, pauses, expected) => {
    const cal = calendar(zone!, hours!, holidays!);
    expect(businessMinutes(cal, at(from!), at(to!), pausesOf(pauses!))).toBe(Number(expected));
  });

  it('counts milliseconds exactly', () => {
    const cal = calendar('Europe/Paris', 'office', '-');
    expect(
      businessMilliseconds(cal, at('2024-03-12T11:59:59.999+01:00'), at('2024-03-12T13:00:00.001+01:00')),
    ).toBe(2);
  });
});

describe('business instants', () => {
  const cal = calendar('Europe/Paris', 'office', '2024-05-01');
  it.each([
    ['2024-03-12T08:00:00+01:00', true],
    ['2024-03-12T07:59:59.999+01:00', false],
    ['2024-03-12T11:59:59+01:00', true],
    ['2024-03-12T12:00:00+01:00', false],
    ['2024-03-12T17:00:00+01:00', false],
    ['2024-05-01T10:00:00+02:00', false],
    ['2024-03-16T10:00:00+01:00', false],
  ])('%s is business time: %s', (iso, open) => {
    expect(isBusinessInstant(cal, at(iso))).toBe(open);
  });

  it('the next business instant is the start itself inside hours, else the next opening', () => {
    expect(nextBusinessInstant(cal, at('2024-03-12T10:00:07+01:00'))).toBe(at('2024-03-12T10:00:07+01:00'));
    expect(nextBusinessInstant(cal, at('2024-04-30T17:00:00+02:00'))).toBe(at('2024-05-02T08:00:00+02:00'));
  });

  it('offers the shape SLA clocks take', () => {
    const time = businessTime(cal);
    const start = at('2024-03-12T16:00:00+01:00');
    expect(time.due(start, 60, [])).toBe(at('2024-03-12T17:00:00+01:00'));
    expect(time.minutesBetween(start, at('2024-03-13T09:00:00+01:00'), [])).toBe(120);
  });
});

describe('guards', () => {
  const cal = calendar('Europe/Paris', 'office', '-');
  const start = at('2024-03-12T09:00:00+01:00');
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarValidationError);
      return (error as CalendarValidationError).fields.map((x) => `${x.field} ${x.code}`);
    }
    throw new Error('expected an error');
  };

  it.each([
    ['a start that is not an instant', () => due(cal, Number.NaN, 1), 'start INVALID_INSTANT'],
    ['a start with a fraction of a millisecond', () => due(cal, start + 0.5, 1), 'start INVALID_INSTANT'],
    ['a start before 1900', () => due(cal, Date.UTC(1899, 11, 31), 1), 'start INVALID_INSTANT'],
    ['negative minutes', () => due(cal, start, -1), 'minutes INVALID_MINUTES'],
    ['infinite minutes', () => due(cal, start, Number.POSITIVE_INFINITY), 'minutes INVALID_MINUTES'],
    [
      'a backwards pause',
      () => due(cal, start, 1, [{ from: start, to: start - 1 }]),
      'pauses[0] INVALID_PAUSE',
    ],
    [
      'a pause that is no interval',
      () => due(cal, start, 1, [{ from: start } as Interval]),
      'pauses[0] INVALID_PAUSE',
    ],
    ['an end before the start', () => businessMinutes(cal, start, start - 1), 'to END_BEFORE_START'],
    [
      'an interval past the horizon',
      () => businessMinutes(cal, start, start + 3654 * 86_400_000),
      'to RANGE_TOO_LONG',
    ],
    ['a target past the horizon', () => due(cal, start, 10 * 2400 * 53), 'minutes DUE_BEYOND_HORIZON'],
  ])('rejects %s', (_, f, expected) => {
    expect(codeOf(f)).toEqual([expected]);
  });

  it('fails at once, not in a loop, on a calendar with no business time', () => {
    const closed = calendarFromPlan('Europe/Paris', emptyWeek, noHolidays);
    expect(codeOf(() => due(closed, start, 1))).toEqual(['calendar NO_BUSINESS_TIME']);
    expect(businessMinutes(closed, start, start + 86_400_000)).toBe(0);
  });

  it('fails quickly when holidays close every business day within the horizon', () => {
    const mondays: string[] = [];
    for (
      let d = Date.UTC(2024, 0, 1);
      d < Date.UTC(2024, 0, 1) + (horizonDays + 7) * 86_400_000;
      d += 7 * 86_400_000
    ) {
      mondays.push(new Date(d).toISOString().slice(0, 10));
    }
    const cal = createCalendar({
      timeZone: 'Europe/Paris',
      businessHours: { mon: lunch },
      holidays: mondays,
    });
    const t0 = performance.now();
    expect(codeOf(() => due(cal, at('2024-01-01T00:00:00+01:00'), 1))).toEqual([
      'minutes DUE_BEYOND_HORIZON',
    ]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
