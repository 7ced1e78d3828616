import { describe, expect, it } from 'vitest';
import { createCalendar, validateCalendar } from './calendar.js';
import { CalendarValidationError } from './errors.js';
import type { CalendarSpec } from './types.js';

const office = {
  mon: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
} as const;

describe('calendar validation', () => {
  it('accepts several windows a day, 24:00 as a close, holidays and 24×7', () => {
    expect(
      validateCalendar({ timeZone: 'Europe/Paris', businessHours: office, holidays: ['2024-12-25'] }),
    ).toEqual([]);
    expect(validateCalendar({ timeZone: 'UTC', businessHours: { sat: [['20:00', '24:00']] } })).toEqual([]);
    expect(validateCalendar({ timeZone: 'Asia/Kolkata', always: true })).toEqual([]);
    // Windows that touch are not overlapping.
    const touching = {
      tue: [
        ['08:00', '12:00'],
        ['12:00', '13:00'],
      ],
    } as const;
    expect(validateCalendar({ timeZone: 'UTC', businessHours: touching })).toEqual([]);
  });

  it('compiles the week once: windows in milliseconds after local midnight, the week total', () => {
    const cal = createCalendar({ timeZone: 'Europe/Paris', businessHours: office, holidays: ['2024-12-25'] });
    expect(cal.week.days[1]).toEqual([8 * 3_600_000, 12 * 3_600_000, 13 * 3_600_000, 17 * 3_600_000]);
    expect(cal.week.total).toBe(8 * 3_600_000);
    expect(cal.holidays.days).toEqual([Date.UTC(2024, 11, 25) / 86_400_000]);
    expect(createCalendar({ timeZone: 'UTC', always: true }).always).toBe(true);
  });

  // spec | field | code
  const cases: [string, unknown, string, string][] = [
    ['unknown zone', { timeZone: 'Mars/Olympus_Mons', always: true }, 'timeZone', 'INVALID_TIME_ZONE'],
    ['empty zone', { timeZone: '', always: true }, 'timeZone', 'INVALID_TIME_ZONE'],
    ['offset, not a zone', { timeZone: '+05:30', always: true }, 'timeZone', 'INVALID_TIME_ZONE'],
    ['not an object', 'Europe/Paris', 'calendar', 'INVALID_CALENDAR'],
    [
      'always not a boolean',
      { timeZone: 'UTC', always: 'yes', businessHours: office },
      'always',
      'INVALID_CALENDAR',
    ],
    [
      'unknown weekday',
      { timeZone: 'UTC', businessHours: { monday: office.mon } },
      'businessHours.monday',
      'UNKNOWN_WEEKDAY',
    ],
    [
      'hours not an object',
      { timeZone: 'UTC', businessHours: [['08:00', '18:00']] },
      'businessHours',
      'INVALID_HOURS',
    ],
    [
      'day not a list',
      { timeZone: 'UTC', businessHours: { mon: 'all day' } },
      'businessHours.mon',
      'INVALID_HOURS',
    ],
    [
      'window not a pair',
      { timeZone: 'UTC', businessHours: { mon: [['08:00']] } },
      'businessHours.mon[0]',
      'INVALID_HOURS',
    ],
    [
      'time without leading zero',
      { timeZone: 'UTC', businessHours: { mon: [['8:00', '18:00']] } },
      'businessHours.mon[0]',
      'INVALID_TIME',
    ],
    [
      'time past 24:00',
      { timeZone: 'UTC', businessHours: { mon: [['08:00', '24:01']] } },
      'businessHours.mon[0]',
      'INVALID_TIME',
    ],
    [
      'minutes past 59',
      { timeZone: 'UTC', businessHours: { mon: [['08:60', '18:00']] } },
      'businessHours.mon[0]',
      'INVALID_TIME',
    ],
    [
      '24:00 as an opening',
      { timeZone: 'UTC', businessHours: { mon: [['24:00', '24:00']] } },
      'businessHours.mon[0]',
      'INVALID_TIME',
    ],
    [
      'backwards window',
      { timeZone: 'UTC', businessHours: { mon: [['18:00', '08:00']] } },
      'businessHours.mon[0]',
      'BACKWARDS_INTERVAL',
    ],
    [
      'empty window',
      { timeZone: 'UTC', businessHours: { mon: [['08:00', '08:00']] } },
      'businessHours.mon[0]',
      'BACKWARDS_INTERVAL',
    ],
    [
      'windows out of order',
      {
        timeZone: 'UTC',
        businessHours: {
          wed: [
            ['13:00', '17:00'],
            ['08:00', '12:00'],
          ],
        },
      },
      'businessHours.wed[1]',
      'UNSORTED_INTERVALS',
    ],
    [
      'overlapping windows',
      {
        timeZone: 'UTC',
        businessHours: {
          wed: [
            ['08:00', '12:00'],
            ['11:00', '17:00'],
          ],
        },
      },
      'businessHours.wed[1]',
      'OVERLAPPING_INTERVALS',
    ],
    ['no hours at all', { timeZone: 'UTC', businessHours: {} }, 'businessHours', 'NO_BUSINESS_HOURS'],
    ['no hours given', { timeZone: 'UTC' }, 'businessHours', 'NO_BUSINESS_HOURS'],
    [
      '24×7 with hours',
      { timeZone: 'UTC', always: true, businessHours: office },
      'businessHours',
      'ALWAYS_WITH_HOURS',
    ],
    [
      '24×7 with holidays',
      { timeZone: 'UTC', always: true, holidays: ['2024-12-25'] },
      'holidays',
      'ALWAYS_WITH_HOURS',
    ],
    [
      'holiday not a date',
      { timeZone: 'UTC', businessHours: office, holidays: ['25/12/2024'] },
      'holidays[0]',
      'INVALID_HOLIDAY',
    ],
    [
      'holiday that does not exist',
      { timeZone: 'UTC', businessHours: office, holidays: ['2023-02-29'] },
      'holidays[0]',
      'INVALID_HOLIDAY',
    ],
    [
      'holiday not a string',
      { timeZone: 'UTC', businessHours: office, holidays: [20241225] },
      'holidays[0]',
      'INVALID_HOLIDAY',
    ],
    [
      'holidays not a list',
      { timeZone: 'UTC', businessHours: office, holidays: '2024-12-25' },
      'holidays',
      'INVALID_HOLIDAY',
    ],
  ];
  it.each(cases)('rejects %s', (_, spec, field, code) => {
    expect(validateCalendar(spec as CalendarSpec)).toEqual([expect.objectContaining({ field, code })]);
    expect(() => createCalendar(spec as CalendarSpec)).toThrow(CalendarValidationError);
  });

  it('reports every problem at once, each with its field', () => {
    const spec = {
      timeZone: 'Nowhere/Atlantis',
      businessHours: {
        mon: [['09:00', '08:00']],
        tue: [
          ['08:00', '12:00'],
          ['10:00', '14:00'],
        ],
        fri: [['x', '10:00']],
      },
      holidays: ['2024-01-01', 'tomorrow'],
    } as unknown as CalendarSpec;
    let error: CalendarValidationError | undefined;
    try {
      createCalendar(spec);
    } catch (e) {
      error = e as CalendarValidationError;
    }
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.fields.map((f) => [f.field, f.code])).toEqual([
      ['timeZone', 'INVALID_TIME_ZONE'],
      ['businessHours.mon[0]', 'BACKWARDS_INTERVAL'],
      ['businessHours.tue[1]', 'OVERLAPPING_INTERVALS'],
      ['businessHours.fri[0]', 'INVALID_TIME'],
      ['holidays[1]', 'INVALID_HOLIDAY'],
    ]);
  });
});
