import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMilliseconds, due, isBusinessInstant } from './business-time.js';
import { createCalendar } from './calendar.js';
import { referenceBusinessMilliseconds, referenceCalendar, referenceDue } from './reference.js';
import { type CalendarSpec, type DayHours, type Interval, type WeeklyHours, weekdays } from './types.js';

const minute = 60_000;
const day = 86_400_000;

// Instants near a clock change (or none), in zones with whole-hour, half-hour and 30-minute DST moves.
const anchors = [
  ['Europe/Paris', '2024-03-31T01:00:00Z'],
  ['Europe/Paris', '2024-10-27T01:00:00Z'],
  ['Europe/London', '2024-03-31T01:00:00Z'],
  ['Europe/London', '2024-10-27T01:00:00Z'],
  ['America/New_York', '2024-03-10T07:00:00Z'],
  ['America/New_York', '2024-11-03T06:00:00Z'],
  ['America/Los_Angeles', '2024-03-10T10:00:00Z'],
  ['America/Los_Angeles', '2024-11-03T09:00:00Z'],
  ['America/Santiago', '2024-09-08T04:00:00Z'],
  ['Australia/Lord_Howe', '2024-10-05T15:30:00Z'],
  ['Asia/Kolkata', '2024-06-01T00:00:00Z'],
  ['UTC', '2024-02-29T00:00:00Z'],
] as const;

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Up to three ascending, disjoint windows on minutes of the day. */
const dayHours: fc.Arbitrary<DayHours> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 })
  .map((points) => {
    const sorted = points.sort((a, b) => a - b);
    const windows: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) windows.push([clock(sorted[i]!), clock(sorted[i + 1]!)]);
    return windows;
  });

const weeklyHours: fc.Arbitrary<WeeklyHours> = fc
  .tuple(...weekdays.map(() => dayHours))
  .map((days) => Object.fromEntries(weekdays.map((d, i) => [d, days[i]!])) as WeeklyHours)
  .filter((w) => Object.values(w).some((d) => d.length > 0));

const office: WeeklyHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
    d,
    [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
  ]),
);

type Case = { spec: CalendarSpec; start: number; pauses: Interval[] };

/** A calendar, a start near a clock change (to the millisecond), holidays and pauses around it. */
const cases: fc.Arbitrary<Case> = fc
  .record({
    anchor: fc.constantFrom(...anchors),
    shift: fc.integer({ min: -3 * day, max: 2 * day }),
    hours: fc.oneof(fc.constant(office), weeklyHours, fc.constant(null)),
    holidayShifts: fc.uniqueArray(fc.integer({ min: -2, max: 12 }), { maxLength: 3 }),
    pauses: fc.array(
      fc.tuple(fc.integer({ min: -day, max: 6 * day }), fc.integer({ min: 0, max: 2 * day })),
      { maxLength: 3 },
    ),
  })
  .map(({ anchor: [zone, iso], shift, hours, holidayShifts, pauses }) => {
    const start = Date.parse(iso) + shift;
    const spec: CalendarSpec =
      hours === null
        ? { timeZone: zone, always: true }
        : {
            timeZone: zone,
            businessHours: hours,
            holidays: holidayShifts.map((d) => new Date(start + d * day).toISOString().slice(0, 10)),
          };
    return {
      spec,
      start,
      pauses: pauses.map(([from, length]) => ({ from: start + from, to: start + from + length })),
    };
  });

const minutes = fc.integer({ min: 0, max: 3000 });

describe('due and businessMinutes (properties)', () => {
  it('due(start, a + b) = due(due(start, a), b) without pauses, for b ≥ 1', () => {
    fc.assert(
      fc.property(cases, minutes, fc.integer({ min: 1, max: 3000 }), ({ spec, start }, a, b) => {
        const cal = createCalendar(spec);
        expect(due(cal, due(cal, start, a), b)).toBe(due(cal, start, a + b));
      }),
      { numRuns: 400 },
    );
  });

  it('b = 0 is the one exception: due(x, 0) moves a closing instant on to the next opening', () => {
    const cal = createCalendar({ timeZone: 'Europe/Paris', businessHours: office });
    const start = Date.parse('2024-03-12T15:00:00+01:00');
    const closing = due(cal, start, 120);
    expect(closing).toBe(Date.parse('2024-03-12T17:00:00+01:00'));
    expect(due(cal, closing, 0)).toBe(Date.parse('2024-03-13T08:00:00+01:00'));
  });

  it('the business minutes from the start to due(start, n) are n, pauses or not', () => {
    fc.assert(
      fc.property(cases, minutes, fc.boolean(), ({ spec, start, pauses }, n, paused) => {
        const cal = createCalendar(spec);
        const p = paused ? pauses : [];
        const at = due(cal, start, n, p);
        expect(at).toBeGreaterThanOrEqual(start);
        expect(businessMilliseconds(cal, start, at, p)).toBe(n * minute);
      }),
      { numRuns: 400 },
    );
  });

  it('due is monotonic in the target', () => {
    fc.assert(
      fc.property(cases, minutes, minutes, ({ spec, start, pauses }, a, b) => {
        const cal = createCalendar(spec);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(due(cal, start, lo, pauses)).toBeLessThanOrEqual(due(cal, start, hi, pauses));
      }),
      { numRuns: 400 },
    );
  });

  it('pauses never make due earlier', () => {
    fc.assert(
      fc.property(cases, minutes, ({ spec, start, pauses }, n) => {
        const cal = createCalendar(spec);
        expect(due(cal, start, n, pauses)).toBeGreaterThanOrEqual(due(cal, start, n));
      }),
      { numRuns: 400 },
    );
  });

  it('a zero-minute target is due at a business instant, the start itself when it is one', () => {
    fc.assert(
      fc.property(cases, ({ spec, start }) => {
        const cal = createCalendar(spec);
        const at = due(cal, start, 0);
        expect(isBusinessInstant(cal, at)).toBe(true);
        if (isBusinessInstant(cal, start)) expect(at).toBe(start);
        expect(businessMilliseconds(cal, start, at)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('business time adds up over consecutive intervals', () => {
    fc.assert(
      fc.property(
        cases,
        fc.integer({ min: 0, max: 20 * day }),
        fc.integer({ min: 0, max: 20 * day }),
        ({ spec, start, pauses }, x, y) => {
          const cal = createCalendar(spec);
          const [a, b] = x <= y ? [x, y] : [y, x];
          const whole = businessMilliseconds(cal, start, start + b, pauses);
          const parts =
            businessMilliseconds(cal, start, start + a, pauses) +
            businessMilliseconds(cal, start + a, start + b, pauses);
          expect(parts).toBe(whole);
          expect(whole).toBeLessThanOrEqual(b);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('24×7 counts real elapsed time, like 00:00–24:00 every day, across clock changes', () => {
    const everyDay = Object.fromEntries(weekdays.map((d) => [d, [['00:00', '24:00']]])) as WeeklyHours;
    fc.assert(
      fc.property(cases, minutes, ({ spec, start, pauses }, n) => {
        const always = createCalendar({ timeZone: spec.timeZone, always: true });
        const hours = createCalendar({ timeZone: spec.timeZone, businessHours: everyDay });
        expect(due(always, start, n)).toBe(start + n * minute);
        expect(due(always, start, n, pauses)).toBe(due(hours, start, n, pauses));
        expect(businessMilliseconds(always, start, start + 3 * day, pauses)).toBe(
          businessMilliseconds(hours, start, start + 3 * day, pauses),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('against the minute-stepping reference (random calendars, around clock changes)', () => {
  // The reference walks minute by minute, so targets stay within a few weeks of business time.
  const bounded = cases.chain((c) => {
    const cal = createCalendar(c.spec);
    const weekMinutes = cal.week.total / minute;
    return fc.record({ c: fc.constant(c), n: fc.integer({ min: 0, max: Math.min(1200, 2 * weekMinutes) }) });
  });

  it('due agrees to the millisecond', () => {
    fc.assert(
      fc.property(bounded, fc.boolean(), ({ c, n }, paused) => {
        const pauses = paused ? c.pauses : [];
        const expected = referenceDue(referenceCalendar(c.spec), c.start, n, pauses, 60);
        expect(due(createCalendar(c.spec), c.start, n, pauses)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('business milliseconds agree', () => {
    fc.assert(
      fc.property(
        cases,
        fc.integer({ min: 0, max: 3 * day }),
        fc.boolean(),
        ({ spec, start, pauses }, length, paused) => {
          const p = paused ? pauses : [];
          const expected = referenceBusinessMilliseconds(referenceCalendar(spec), start, start + length, p);
          expect(businessMilliseconds(createCalendar(spec), start, start + length, p)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
