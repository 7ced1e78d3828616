/**
 * Weekly business hours and holidays, parsed once per object into the plan the business-time walk
 * reads. Every problem is reported with its own field path and code (errors.ts), all at once.
 * Two modes: 'strict' (calendars) rejects windows listed out of order or overlapping; 'merge'
 * (entitlement, which accepted them from the start) sorts and merges them instead.
 */
import type { CalendarFieldError } from './errors.js';
import { type WeeklyHours, weekdays } from './types.js';
import { parseDay } from './zone.js';

export const dayMs = 86_400_000;

/** Opening windows per weekday (0 = Sunday) as [open, close, …] milliseconds after local midnight. */
export type WeekPlan = {
  readonly days: readonly (readonly number[])[];
  /** Business milliseconds in a week without holidays. */
  readonly total: number;
};

/** Holidays as epoch days (days since 1970-01-01 of the local date), ascending, without repeats. */
export type HolidayPlan = {
  readonly days: readonly number[];
  readonly set: ReadonlySet<number>;
};

export type HoursMode = 'strict' | 'merge';

type Parsed<T> = { value: T; errors: readonly CalendarFieldError[] };
const none: readonly CalendarFieldError[] = Object.freeze([]);

const weekCaches: Record<HoursMode, WeakMap<object, WeekPlan>> = {
  strict: new WeakMap(),
  merge: new WeakMap(),
};
const holidayCache = new WeakMap<readonly string[], { length: number; plan: HolidayPlan }>();

export const emptyWeek: WeekPlan = { days: weekdays.map(() => []), total: 0 };
export const fullWeek: WeekPlan = { days: weekdays.map(() => [0, dayMs]), total: 7 * dayMs };
export const noHolidays: HolidayPlan = { days: [], set: new Set() };

/** Minutes after midnight of 'HH:MM' (00:00 to 24:00), or null. */
export function parseClock(value: unknown): number | null {
  const m = typeof value === 'string' ? /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value) : null;
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

function parseDayHours(
  path: string,
  hours: unknown,
  mode: HoursMode,
  errors: CalendarFieldError[],
): number[] {
  if (!Array.isArray(hours)) {
    errors.push({
      field: path,
      code: 'INVALID_HOURS',
      message: "expected a list of ['HH:MM', 'HH:MM'] windows",
    });
    return [];
  }
  const spans: [number, number][] = [];
  hours.forEach((w: unknown, i) => {
    const field = `${path}[${i}]`;
    if (!Array.isArray(w) || w.length !== 2) {
      errors.push({
        field,
        code: 'INVALID_HOURS',
        message: `expected ['HH:MM', 'HH:MM'], got ${JSON.stringify(w)}`,
      });
      return;
    }
    const open = parseClock(w[0]);
    const close = parseClock(w[1]);
    if (open === null || close === null || open === 1440) {
      const message =
        open === 1440
          ? `24:00 only closes a day, got ${JSON.stringify(w)}`
          : `expected times 'HH:MM' from 00:00 to 24:00, got ${JSON.stringify(w)}`;
      errors.push({ field, code: 'INVALID_TIME', message });
      return;
    }
    if (close <= open) {
      errors.push({
        field,
        code: 'BACKWARDS_INTERVAL',
        message: `closes at or before it opens: ${JSON.stringify(w)}; a window never crosses midnight`,
      });
      return;
    }
    const prev = spans.at(-1);
    if (mode === 'strict' && prev && open < prev[0]) {
      errors.push({ field, code: 'UNSORTED_INTERVALS', message: `opens before the window listed before it` });
    } else if (mode === 'strict' && prev && open < prev[1]) {
      errors.push({
        field,
        code: 'OVERLAPPING_INTERVALS',
        message: `opens at ${w[0]}, before the window listed before it closes`,
      });
    }
    spans.push([open, close]);
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [open, close] of spans) {
    const last = merged.at(-1);
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  return merged.flat().map((m) => m * 60_000);
}

/** Parses (once per object and mode) a weekly schedule; `field` prefixes the field paths of errors. */
export function parseWeeklyHours(hours: WeeklyHours, field: string, mode: HoursMode): Parsed<WeekPlan> {
  const cached = weekCaches[mode].get(hours);
  if (cached) return { value: cached, errors: none };
  const errors: CalendarFieldError[] = [];
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) {
    errors.push({ field, code: 'INVALID_HOURS', message: "expected { mon: [['08:00', '18:00']], … }" });
    return { value: emptyWeek, errors };
  }
  for (const key of Object.keys(hours)) {
    if (!(weekdays as readonly string[]).includes(key)) {
      errors.push({
        field: `${field}.${key}`,
        code: 'UNKNOWN_WEEKDAY',
        message: `unknown day; use ${weekdays.join(', ')}`,
      });
    }
  }
  const days = weekdays.map((d) => parseDayHours(`${field}.${d}`, hours[d] ?? [], mode, errors));
  let total = 0;
  for (const w of days) for (let i = 0; i < w.length; i += 2) total += w[i + 1]! - w[i]!;
  const value = { days, total };
  if (errors.length === 0) weekCaches[mode].set(hours, value);
  return { value, errors };
}

/** Parses (once per list, while its length holds) holiday dates 'YYYY-MM-DD'. */
export function parseHolidays(dates: readonly string[], field: string): Parsed<HolidayPlan> {
  const cached = holidayCache.get(dates);
  if (cached && cached.length === dates.length) return { value: cached.plan, errors: none };
  const errors: CalendarFieldError[] = [];
  if (!Array.isArray(dates)) {
    errors.push({ field, code: 'INVALID_HOLIDAY', message: 'expected a list of dates YYYY-MM-DD' });
    return { value: noHolidays, errors };
  }
  const set = new Set<number>();
  dates.forEach((date: unknown, i) => {
    const day = typeof date === 'string' ? parseDay(date) : null;
    if (day === null) {
      errors.push({
        field: `${field}[${i}]`,
        code: 'INVALID_HOLIDAY',
        message: `expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`,
      });
    } else set.add(day);
  });
  const plan = { days: [...set].sort((a, b) => a - b), set };
  if (errors.length === 0) holidayCache.set(dates, { length: dates.length, plan });
  return { value: plan, errors };
}
