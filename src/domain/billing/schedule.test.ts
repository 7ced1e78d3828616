import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, localDayOf, offsetMinutes } from '../calendar/zone.js';
import { BillingValidationError } from './errors.js';
import { type BillingSchedule, dueScheduledRuns, localMinute } from './schedule.js';

const paris: BillingSchedule = {
  enabled: true,
  day: 1,
  time: '06:00',
  timeZone: 'Europe/Paris',
  workAtPeriodEnd: true,
};

const slots = (schedule: BillingSchedule, now: string, done: string[] = [], catchUpDays?: number) =>
  dueScheduledRuns(schedule, new Date(now), new Set(done), catchUpDays).map((s) => ({
    slot: s.slot,
    bills: s.bills,
    dueAt: s.dueAt.toISOString(),
    dueOn: s.dueOn,
  }));

describe('scheduled billing runs due', () => {
  it.each([
    ['nothing before the moment: 1 March 05:59 in Paris is 04:59Z', paris, '2026-03-01T04:59:00Z', [], []],
    [
      'at 06:00 in Paris (05:00Z in winter) both moments of the 1st are due and bill March',
      paris,
      '2026-03-01T05:00:00Z',
      ['period_end:2026-01', 'period_start:2026-02'],
      [
        {
          slot: 'period_end:2026-02',
          bills: '2026-03',
          dueAt: '2026-03-01T05:00:00.000Z',
          dueOn: '2026-03-01',
        },
        {
          slot: 'period_start:2026-03',
          bills: '2026-03',
          dueAt: '2026-03-01T05:00:00.000Z',
          dueOn: '2026-03-01',
        },
      ],
    ],
    [
      'in summer time the same wall clock is 04:00Z',
      paris,
      '2026-07-01T04:00:00Z',
      ['period_end:2026-05', 'period_start:2026-06'],
      [
        {
          slot: 'period_end:2026-06',
          bills: '2026-07',
          dueAt: '2026-07-01T04:00:00.000Z',
          dueOn: '2026-07-01',
        },
        {
          slot: 'period_start:2026-07',
          bills: '2026-07',
          dueAt: '2026-07-01T04:00:00.000Z',
          dueOn: '2026-07-01',
        },
      ],
    ],
    [
      'a slot done is not due again',
      paris,
      '2026-03-01T09:00:00Z',
      ['period_end:2026-02', 'period_start:2026-03'],
      [],
    ],
    [
      'recurring on the 5th: the period end still comes on the 1st',
      { ...paris, day: 5, time: '07:30', timeZone: 'UTC' },
      '2026-03-03T00:00:00Z',
      ['period_start:2026-02'],
      [
        {
          slot: 'period_end:2026-02',
          bills: '2026-03',
          dueAt: '2026-03-01T07:30:00.000Z',
          dueOn: '2026-03-01',
        },
      ],
    ],
    [
      'without the period-end run only the start is scheduled',
      { ...paris, day: 5, timeZone: 'UTC', workAtPeriodEnd: false },
      '2026-03-05T06:00:00Z',
      [],
      [
        {
          slot: 'period_start:2026-03',
          bills: '2026-03',
          dueAt: '2026-03-05T06:00:00.000Z',
          dueOn: '2026-03-05',
        },
      ],
    ],
    [
      'a moment missed is caught up within the catch-up days, oldest first',
      { ...paris, timeZone: 'UTC' },
      '2026-03-07T06:00:00Z',
      ['period_start:2026-02', 'period_end:2026-01'],
      [
        {
          slot: 'period_end:2026-02',
          bills: '2026-03',
          dueAt: '2026-03-01T06:00:00.000Z',
          dueOn: '2026-03-01',
        },
        {
          slot: 'period_start:2026-03',
          bills: '2026-03',
          dueAt: '2026-03-01T06:00:00.000Z',
          dueOn: '2026-03-01',
        },
      ],
    ],
    [
      'but not after them: switched on late in a month, the month is left to a person',
      { ...paris, timeZone: 'UTC' },
      '2026-03-08T06:00:01Z',
      [],
      [],
    ],
    [
      'Auckland is a day ahead: its 1 April 06:00 is 31 March 17:00Z (NZDT, +13)',
      { ...paris, timeZone: 'Pacific/Auckland' },
      '2026-03-31T17:00:00Z',
      ['period_end:2026-02', 'period_start:2026-03'],
      [
        {
          slot: 'period_end:2026-03',
          bills: '2026-04',
          dueAt: '2026-03-31T17:00:00.000Z',
          dueOn: '2026-04-01',
        },
        {
          slot: 'period_start:2026-04',
          bills: '2026-04',
          dueAt: '2026-03-31T17:00:00.000Z',
          dueOn: '2026-04-01',
        },
      ],
    ],
    [
      'across the year end',
      { ...paris, timeZone: 'UTC', workAtPeriodEnd: false },
      '2027-01-01T06:00:00Z',
      ['period_start:2026-12'],
      [
        {
          slot: 'period_start:2027-01',
          bills: '2027-01',
          dueAt: '2027-01-01T06:00:00.000Z',
          dueOn: '2027-01-01',
        },
      ],
    ],
  ])('%s', (_, schedule, now, done, expected) => {
    expect(slots(schedule, now, done)).toEqual(expected);
  });

  it('a schedule switched off has nothing due', () => {
    expect(slots({ ...paris, enabled: false }, '2026-03-01T05:00:00Z')).toEqual([]);
  });

  it.each([
    ['a day past 28', { day: 29 }, 'scheduleDay'],
    ['day 0', { day: 0 }, 'scheduleDay'],
    ['a time that is not HH:MM', { time: '6:00' }, 'scheduleTime'],
    ['an hour past 23', { time: '24:00' }, 'scheduleTime'],
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'scheduleTimeZone'],
  ])('refuses %s', (_, change, field) => {
    try {
      dueScheduledRuns({ ...paris, ...change }, new Date('2026-03-01T00:00:00Z'), new Set());
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BillingValidationError);
      expect((err as BillingValidationError).fields[0]!.field).toBe(field);
    }
  });
});

describe('the instant of a local wall-clock time', () => {
  it.each([
    ['Paris in winter', 'Europe/Paris', '2026-01-15', 6, 0, '2026-01-15T05:00:00.000Z'],
    ['Paris in summer', 'Europe/Paris', '2026-07-15', 6, 0, '2026-07-15T04:00:00.000Z'],
    ['New York', 'America/New_York', '2026-03-01', 6, 0, '2026-03-01T11:00:00.000Z'],
    ['Kolkata, half an hour off', 'Asia/Kolkata', '2026-03-01', 6, 0, '2026-03-01T00:30:00.000Z'],
    [
      'inside the spring-forward gap: an hour later',
      'Europe/Paris',
      '2026-03-29',
      2,
      30,
      '2026-03-29T01:30:00.000Z',
    ],
  ])('%s', (_, zone, date, hour, minute, expected) => {
    expect(new Date(localMinute(zone, date, hour, minute) * 60_000).toISOString()).toBe(expected);
  });

  const zones = [
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Pacific/Auckland',
  ];
  it('reads back as the same local day and time, except in a spring-forward gap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 20_000, max: 22_000 }), // epoch days, 2024–2030
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, day, hour, minute) => {
          const date = formatDay(day);
          const at = localMinute(zone, date, hour, minute);
          const local = at + offsetMinutes(zone, at);
          const inGap = offsetMinutes(zone, at - 180) !== offsetMinutes(zone, at + 180);
          if (!inGap) {
            expect(formatDay(localDayOf(zone, at))).toBe(date);
            expect(((local % 1440) + 1440) % 1440).toBe(hour * 60 + minute);
          }
        },
      ),
    );
  });

  it('every slot due has come, and a slot listed done never comes back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        fc.boolean(),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (timeZone, day, minutes, workAtPeriodEnd, nowMs) => {
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const schedule = { enabled: true, day, time, timeZone, workAtPeriodEnd };
          const now = new Date(nowMs);
          const due = dueScheduledRuns(schedule, now, new Set());
          for (const s of due) {
            expect(s.dueAt.getTime()).toBeLessThanOrEqual(nowMs);
            expect(s.bills >= s.slot.slice(-7)).toBe(true);
          }
          expect(dueScheduledRuns(schedule, now, new Set(due.map((s) => s.slot)))).toEqual([]);
        },
      ),
    );
  });
});
