/**
 * Business hours and holidays of a client, and how many minutes of an interval fall outside them.
 * The arithmetic is the shared business calendar's (src/domain/calendar): one implementation of zone
 * offsets, weekly hours and holidays. What stays here is entitlement's reading of them: Monday–Friday
 * 08:00–18:00 when a client has no hours, overlapping or unordered windows merged rather than
 * refused (as this rule always accepted them), a week with no hours allowed (every minute is after
 * hours), and errors under entitlement's own field codes.
 */
import { countBusinessMilliseconds } from '../calendar/business-time.js';
import { type BusinessCalendar, calendarFromPlan } from '../calendar/calendar.js';
import type { CalendarFieldError } from '../calendar/errors.js';
import { parseHolidays, parseWeeklyHours } from '../calendar/hours.js';
import { type EntitlementFieldError, EntitlementValidationError } from './errors.js';
import { defaultBusinessHours, type WeeklyHours } from './types.js';

export type Calendar = BusinessCalendar;

const asEntitlement = (e: CalendarFieldError): EntitlementFieldError => ({
  field: e.field,
  message: e.message,
  code: e.field.startsWith('holidays') ? 'INVALID_HOLIDAY' : 'INVALID_BUSINESS_HOURS',
});

/** A client's calendar; the zone must already be valid. Throws on malformed hours or holidays. */
export function calendarOf(zone: string, hours?: WeeklyHours, holidays?: readonly string[]): Calendar {
  const week = parseWeeklyHours(hours ?? defaultBusinessHours, 'businessHours', 'merge');
  const days = parseHolidays(holidays ?? [], 'holidays');
  if (week.errors.length || days.errors.length) {
    throw new EntitlementValidationError([...week.errors, ...days.errors].map(asEntitlement));
  }
  return calendarFromPlan(zone, week.value, days.value);
}

/** Minutes of [from, to) (epoch minutes) inside business hours on a non-holiday. */
export function businessMinutes(cal: Calendar, from: number, to: number): number {
  // Whole minutes: windows and (since 1972) offsets fall on minutes; older seconds offsets round.
  return Math.round(countBusinessMilliseconds(cal, from * 60_000, to * 60_000) / 60_000);
}

/** Minutes of [from, to) (epoch minutes) outside business hours or on a holiday. */
export function afterHoursMinutes(cal: Calendar, from: number, to: number): number {
  return Math.max(0, to - from) - businessMinutes(cal, from, to);
}
