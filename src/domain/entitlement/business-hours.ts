/**
 * Business hours and holidays of a client, and how many minutes of an interval fall outside them.
 * A minute is business time when the client's wall clock shows a time inside one of that local
 * day's opening windows and the day is no holiday. Computed by whole intervals, never minute by
 * minute: the interval is cut where the zone's offset changes (at most one cut per day, found by
 * bisection), each piece is shifted onto the local time line, and the opening windows of each local
 * day it touches are intersected with it. So the hour skipped when clocks go forward is in no
 * window, and the hour repeated when they go back counts twice when a window holds it.
 */
import { offsetMinutes, parseDay, weekdayOf } from '../calendar/zone.js';
import { invalid } from './errors.js';
import { type DayHours, defaultBusinessHours, type WeeklyHours, weekdays } from './types.js';

/** Opening windows per weekday (0 = Sunday) as [open, close, …] minutes after local midnight, merged. */
type Week = readonly (readonly number[])[];

const weeks = new WeakMap<WeeklyHours, Week>();
const holidaySets = new WeakMap<readonly string[], { length: number; days: Set<number> }>();

function parseClock(value: unknown): number | null {
  const m = typeof value === 'string' ? /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value) : null;
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

function parseDayHours(day: string, hours: DayHours): number[] {
  if (!Array.isArray(hours)) throw invalid(`businessHours.${day}`, 'INVALID_BUSINESS_HOURS', 'not a list');
  const spans = hours.map((w, i) => {
    const [open, close] = [parseClock(w?.[0]), parseClock(w?.[1])];
    if (open === null || close === null || open >= close || open === 1440) {
      throw invalid(
        `businessHours.${day}[${i}]`,
        'INVALID_BUSINESS_HOURS',
        `expected ['HH:MM', 'HH:MM'] with open before close on the same day, got ${JSON.stringify(w)}`,
      );
    }
    return [open, close] as const;
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [open, close] of spans) {
    const last = merged.at(-1);
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  return merged.flat();
}

/** Parses (once per object) a weekly schedule; throws EntitlementValidationError when malformed. */
function weekOf(hours: WeeklyHours): Week {
  let week = weeks.get(hours);
  if (!week) {
    if (typeof hours !== 'object' || hours === null) {
      throw invalid('businessHours', 'INVALID_BUSINESS_HOURS', 'expected { mon: [[open, close]], … }');
    }
    for (const key of Object.keys(hours)) {
      if (!(weekdays as readonly string[]).includes(key)) {
        throw invalid(
          `businessHours.${key}`,
          'INVALID_BUSINESS_HOURS',
          `unknown day; use ${weekdays.join(', ')}`,
        );
      }
    }
    week = weekdays.map((d) => parseDayHours(d, hours[d] ?? []));
    weeks.set(hours, week);
  }
  return week;
}

function holidaysOf(dates: readonly string[]): Set<number> {
  const cached = holidaySets.get(dates);
  if (cached && cached.length === dates.length) return cached.days;
  if (!Array.isArray(dates)) throw invalid('holidays', 'INVALID_HOLIDAY', 'expected a list of dates');
  const days = new Set<number>();
  dates.forEach((date, i) => {
    const day = typeof date === 'string' ? parseDay(date) : null;
    if (day === null) throw invalid(`holidays[${i}]`, 'INVALID_HOLIDAY', `expected YYYY-MM-DD, got ${date}`);
    days.add(day);
  });
  holidaySets.set(dates, { length: dates.length, days });
  return days;
}

export type Calendar = {
  zone: string;
  week: Week;
  holidays: Set<number>;
};

/** A client's calendar; the zone must already be valid. Throws on malformed hours or holidays. */
export function calendarOf(zone: string, hours?: WeeklyHours, holidays?: readonly string[]): Calendar {
  return {
    zone,
    week: weekOf(hours ?? defaultBusinessHours),
    holidays: holidays ? holidaysOf(holidays) : new Set(),
  };
}

/** Business minutes of [from, to) on the local time line (local epoch minutes). */
function localBusinessMinutes(cal: Calendar, from: number, to: number): number {
  let total = 0;
  const last = Math.floor((to - 1) / 1440);
  for (let day = Math.floor(from / 1440); day <= last; day++) {
    if (cal.holidays.has(day)) continue;
    const w = cal.week[weekdayOf(day)]!;
    const midnight = day * 1440;
    for (let i = 0; i < w.length; i += 2) {
      const a = Math.max(midnight + w[i]!, from);
      const b = Math.min(midnight + w[i + 1]!, to);
      if (b > a) total += b - a;
    }
  }
  return total;
}

/** Minutes of [from, to) (epoch minutes) inside business hours on a non-holiday. */
export function businessMinutes(cal: Calendar, from: number, to: number): number {
  let total = 0;
  for (let a = from; a < to; ) {
    const b = Math.min(to, a + 1440);
    const offset = offsetMinutes(cal.zone, a);
    const offsetAtEnd = offsetMinutes(cal.zone, b - 1);
    if (offset === offsetAtEnd) {
      total += localBusinessMinutes(cal, a + offset, b + offset);
    } else {
      // One transition in [a, b): bisect for the first minute on the new offset.
      let lo = a;
      let hi = b - 1;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(cal.zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      const next = offsetMinutes(cal.zone, hi);
      total +=
        localBusinessMinutes(cal, a + offset, hi + offset) + localBusinessMinutes(cal, hi + next, b + next);
    }
    a = b;
  }
  return total;
}

/** Minutes of [from, to) (epoch minutes) outside business hours or on a holiday. */
export function afterHoursMinutes(cal: Calendar, from: number, to: number): number {
  return Math.max(0, to - from) - businessMinutes(cal, from, to);
}
