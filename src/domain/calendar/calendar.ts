/**
 * A business calendar: the wall clock of an IANA time zone, weekly business hours (several windows
 * a day), holidays local to the zone, or 24×7. `createCalendar` checks a spec and compiles it once
 * into the plan the business-time functions (business-time.ts) read.
 */
import { type CalendarFieldError, CalendarValidationError } from './errors.js';
import {
  fullWeek,
  type HolidayPlan,
  noHolidays,
  parseHolidays,
  parseWeeklyHours,
  type WeekPlan,
} from './hours.js';
import type { CalendarSpec } from './types.js';
import { isValidTimeZone } from './zone.js';

export type BusinessCalendar = {
  readonly timeZone: string;
  /** 24×7: business time is real elapsed time, whatever the zone's clocks do. */
  readonly always: boolean;
  readonly week: WeekPlan;
  readonly holidays: HolidayPlan;
};

/** Builds a calendar from parts already checked (zone valid, week and holidays parsed). */
export function calendarFromPlan(timeZone: string, week: WeekPlan, holidays: HolidayPlan): BusinessCalendar {
  return { timeZone, always: false, week, holidays };
}

function check(spec: CalendarSpec): { calendar: BusinessCalendar | null; errors: CalendarFieldError[] } {
  if (typeof spec !== 'object' || spec === null) {
    const message = 'expected { timeZone, businessHours, holidays } or { timeZone, always: true }';
    return { calendar: null, errors: [{ field: 'calendar', code: 'INVALID_CALENDAR', message }] };
  }
  const errors: CalendarFieldError[] = [];
  if (!isValidTimeZone(spec.timeZone)) {
    errors.push({
      field: 'timeZone',
      code: 'INVALID_TIME_ZONE',
      message: `not an IANA time zone: ${JSON.stringify(spec.timeZone)}`,
    });
  }
  if (spec.always !== undefined && typeof spec.always !== 'boolean') {
    errors.push({ field: 'always', code: 'INVALID_CALENDAR', message: 'expected true or false' });
  }
  if (spec.always === true) {
    for (const field of ['businessHours', 'holidays'] as const) {
      if (spec[field] !== undefined) {
        errors.push({
          field,
          code: 'ALWAYS_WITH_HOURS',
          message: `a 24×7 calendar has no ${field}; for 24×7 less holidays give every day ['00:00', '24:00']`,
        });
      }
    }
    const calendar = { timeZone: spec.timeZone, always: true, week: fullWeek, holidays: noHolidays };
    return { calendar: errors.length ? null : calendar, errors };
  }
  const week = parseWeeklyHours(spec.businessHours ?? {}, 'businessHours', 'strict');
  const holidays = parseHolidays(spec.holidays ?? [], 'holidays');
  errors.push(...week.errors, ...holidays.errors);
  if (week.errors.length === 0 && week.value.total === 0) {
    errors.push({
      field: 'businessHours',
      code: 'NO_BUSINESS_HOURS',
      message: 'no business hours in the week: nothing could ever fall due; use always: true for 24×7',
    });
  }
  if (errors.length) return { calendar: null, errors };
  return { calendar: calendarFromPlan(spec.timeZone, week.value, holidays.value), errors };
}

/** Every problem with a calendar spec, each with its field and code; empty when it is valid. */
export function validateCalendar(spec: CalendarSpec): CalendarFieldError[] {
  return check(spec).errors;
}

/** Checks and compiles a calendar; throws CalendarValidationError listing every problem. */
export function createCalendar(spec: CalendarSpec): BusinessCalendar {
  const { calendar, errors } = check(spec);
  if (!calendar) throw new CalendarValidationError(errors);
  return calendar;
}
