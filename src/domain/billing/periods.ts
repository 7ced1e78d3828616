/**
 * Billing periods: a calendar month written 'YYYY-MM' (what `keel bill run --period` takes), and
 * whole-day arithmetic on 'YYYY-MM-DD' dates. Dates carry no time of day or zone, so UTC `Date`
 * arithmetic is exact; ISO dates and periods compare correctly as strings.
 */
import { addDays, addMonths } from '../agreements/dates.js';
import { calendarDate } from './checks.js';
import { invalid } from './errors.js';

/** 'YYYY-MM', e.g. '2026-03'. Make one with parsePeriod. */
export type Period = string;

const periodPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const minYear = 1000;

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && periodPattern.test(value) && Number(value.slice(0, 4)) >= minYear;
}

/** The period written in `value`; throws INVALID_PERIOD (→ 400) naming `field` for any other form. */
export function parsePeriod(value: unknown, field = 'period'): Period {
  if (isPeriod(value)) return value;
  throw invalid(
    field,
    'INVALID_PERIOD',
    `expected a period 'YYYY-MM' with a month 01–12, e.g. '2026-03'; got ${JSON.stringify(value)}`,
  );
}

/** First day of the period, 'YYYY-MM-01'. */
export const periodStart = (period: Period): string => `${parsePeriod(period)}-01`;

/**
 * Remembers results of a pure function of one key: billing runs turn the same few dates into day
 * numbers and back thousands of times. Bounded, so a long-lived worker does not grow without end.
 */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= 50_000) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

/** Last day of the period. */
export const periodEnd = memo((period: Period): string => addDays(addMonths(periodStart(period), 1), -1));

export const daysInPeriod = (period: Period): number => Number(periodEnd(period).slice(8));

/** The period `count` months after (negative: before) `period`. */
export function addPeriods(period: Period, count: number): Period {
  const next = addMonths(periodStart(period), count).slice(0, 7);
  return parsePeriod(next, 'period');
}

export const nextPeriod = (period: Period): Period => addPeriods(period, 1);
export const previousPeriod = (period: Period): Period => addPeriods(period, -1);

/** The period a calendar date falls in. */
export const periodOf = (date: string): Period => calendarDate(date, 'date').slice(0, 7);

/** Every period from `from` to `to`, both included; empty when `to` is before `from`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let p = parsePeriod(from, 'from'); p <= parsePeriod(to, 'to'); p = nextPeriod(p)) out.push(p);
  return out;
}

/** Days since 1970-01-01 of a calendar date; `setUTCFullYear` keeps every year as written. */
export const dayNumber = memo((date: string): number => {
  calendarDate(date, 'date');
  const t = new Date(0);
  t.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return t.getTime() / 86_400_000;
});

/** The calendar date of a day number. */
export const dateOfDay = memo((day: number): string => addDays('1970-01-01', day));

/** Days from `from` to `to`, both included: 2026-03-17 → 2026-03-31 is 15 days. */
export const daysInclusive = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/** Whole days from `from` to `to`: positive when `to` is later. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
