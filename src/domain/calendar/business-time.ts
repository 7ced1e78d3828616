/**
 * Business time on a calendar: how much lies between two instants, and when a target runs out.
 * Instants are epoch milliseconds (integers); targets are minutes; pauses are real-time intervals
 * [from, to) during which no clock counts (an SLA clock waiting on the client).
 *
 * What counts: an instant is business time when the calendar's wall clock shows a time inside one of
 * that local day's windows [open, close), the local date is no holiday, and no pause holds it.
 * Conventions (peers disagree, so they are stated):
 * - a target that runs out exactly at closing time is due AT closing time, not at the next opening;
 * - a start outside business hours (or in a pause) counts from the next business instant;
 * - a zero-minute target is due at the start's next business instant: the start itself when it is
 *   business time, else the next opening (so due(due(s, a), 0) is the next opening when due(s, a)
 *   fell exactly at a closing);
 * - the start is kept to the millisecond: seconds are never rounded away;
 * - clocks going forward: the skipped hour shows no wall-clock time, so it is in no window
 *   (a window 01:00–04:00 on that night holds 2 real hours);
 * - clocks going back: business time is real time, and each pass of the repeated hour is business
 *   time when the wall clock then shows an open time (a window 01:00–04:00 holds 4 real hours that
 *   night). So every-day 00:00–24:00 hours count exactly like 24×7;
 * - 24×7 (`always`) counts real elapsed time, whatever the zone's clocks do.
 *
 * How: never minute by minute. Real time is cut where the zone's offset changes (transitions are
 * read once per zone and year, zone.ts); between two changes the offset is constant, so the local
 * time line is the real one shifted, and the walk goes over it window by window, day by day, and
 * jumps whole weeks at once (a week without holiday, pause or offset change holds exactly the
 * week's business time). The search is bounded: a target that does not run out within
 * `horizonDays` of its start fails with DUE_BEYOND_HORIZON instead of looping.
 */
import type { BusinessCalendar } from './calendar.js';
import { type CalendarFieldError, CalendarValidationError, invalid } from './errors.js';
import { dayMs } from './hours.js';
import type { Interval } from './types.js';
import { nextTransition, offsetAt, weekdayOf } from './zone.js';

/** How far a search for a due instant goes, and the longest interval measured: about ten years. */
export const horizonDays = 3653;
const horizonMs = horizonDays * dayMs;
const weekMs = 7 * dayMs;
/** A constant-offset stretch is walked at most a year at a time, so years without DST cost nothing. */
const segmentMs = 366 * dayMs;

export const minInstant = Date.UTC(1900, 0, 1);
export const maxInstant = Date.UTC(10_000, 0, 1) - 1;

// The walk's state, kept at module level so that the hot path allocates nothing (one walk at a time:
// everything here is synchronous).
/** Business milliseconds counted so far by the current (or last) walk. */
let counted = 0;
/** Business milliseconds after which the current walk is due (Infinity when it only counts). */
let budget = 0;
let pauseList: readonly Interval[] = [];
/** Index of the first pause of pauseList that may still matter (every earlier one ended before). */
let pi = 0;

/** Takes the business run [a, b) less pauses; the due instant if the budget runs out in it, else NaN. */
function take(a: number, b: number): number {
  const np = pauseList.length;
  while (pi < np && pauseList[pi]!.to <= a) pi++;
  let x = a;
  while (x < b) {
    const p = pi < np ? pauseList[pi]! : undefined;
    if (p !== undefined && p.from <= x) {
      // In a pause: skip to its end (it stays current when it outlasts this run).
      x = p.to;
      if (p.to <= b) pi++;
      continue;
    }
    const y = p !== undefined && p.from < b ? p.from : b;
    if (budget - counted <= y - x) return x + (budget - counted);
    counted += y - x;
    x = y;
  }
  return Number.NaN;
}

/** Index of the first element of ascending `xs` that is ≥ x. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Walks business time forward from `from` to `until`. Returns the instant at which `budget`
 * business milliseconds have passed (at the end of a run when it runs out exactly there), or NaN
 * when `until` comes first; `counted` then holds the business milliseconds in [from, until).
 * `pauses` must be ascending, disjoint, non-empty intervals (normalizePauses).
 */
function walk(
  cal: BusinessCalendar,
  from: number,
  until: number,
  businessBudget: number,
  pauses: readonly Interval[],
): number {
  counted = 0;
  budget = businessBudget;
  pauseList = pauses;
  pi = 0;
  const np = pauses.length;
  if (cal.always) return take(from, until);
  const zone = cal.timeZone;
  const { days: week, total: weekTotal } = cal.week;
  const holidays = cal.holidays.days;
  const nh = holidays.length;
  if (weekTotal === 0) return Number.NaN;

  for (let t = from; t < until; ) {
    const second = Math.floor(t / 1000);
    const offset = offsetAt(zone, second) * 1000;
    const limit = Math.min(until, t + segmentMs);
    const segmentEnd = Math.min(limit, nextTransition(zone, second, Math.ceil(limit / 1000)) * 1000);
    // [t, segmentEnd) on the local time line: offset is constant here.
    let local = t + offset;
    const localEnd = segmentEnd + offset;
    let day = Math.floor(local / dayMs);
    let hi = lowerBound(holidays, day);
    while (local < localEnd) {
      while (hi < nh && holidays[hi]! < day) hi++;
      if (local === day * dayMs && localEnd - local >= weekMs) {
        // Jump whole weeks that hold no holiday, no pause, no offset change, and not the due instant.
        let weeks = Math.floor((localEnd - local) / weekMs);
        weeks = Math.min(weeks, Math.floor((budget - counted - 1) / weekTotal));
        if (hi < nh) weeks = Math.min(weeks, Math.floor((holidays[hi]! - day) / 7));
        const real = local - offset;
        while (pi < np && pauses[pi]!.to <= real) pi++;
        if (pi < np) weeks = Math.min(weeks, Math.floor((pauses[pi]!.from - real) / weekMs));
        if (weeks > 0) {
          counted += weeks * weekTotal;
          local += weeks * weekMs;
          day += weeks * 7;
          continue;
        }
      }
      const dayEnd = Math.min((day + 1) * dayMs, localEnd);
      if (hi >= nh || holidays[hi] !== day) {
        const windows = week[weekdayOf(day)]!;
        const midnight = day * dayMs;
        for (let i = 0; i < windows.length; i += 2) {
          const a = Math.max(midnight + windows[i]!, local);
          const b = Math.min(midnight + windows[i + 1]!, dayEnd);
          if (b > a) {
            const due = take(a - offset, b - offset);
            if (!Number.isNaN(due)) return due;
          }
        }
      }
      local = dayEnd;
      day++;
    }
    t = segmentEnd;
  }
  return Number.NaN;
}

const isInstant = (t: unknown): t is number =>
  typeof t === 'number' && Number.isInteger(t) && t >= minInstant && t <= maxInstant;

function instantError(field: string, value: unknown): CalendarFieldError {
  return {
    field,
    code: 'INVALID_INSTANT',
    message: `expected integer epoch milliseconds from 1900 to 9999, got ${JSON.stringify(value)}`,
  };
}

/** Pauses checked, empty ones dropped, sorted and merged (the same list when it already is). */
export function normalizePauses(pauses: readonly Interval[]): readonly Interval[] {
  if (!Array.isArray(pauses)) throw invalid('pauses', 'INVALID_PAUSE', 'expected a list of { from, to }');
  let ordered = true;
  for (let i = 0; i < pauses.length; i++) {
    const p = pauses[i];
    if (typeof p !== 'object' || p === null || !isInstant(p.from) || !isInstant(p.to) || p.to < p.from) {
      throw invalid(
        `pauses[${i}]`,
        'INVALID_PAUSE',
        `expected { from, to } epoch milliseconds with to ≥ from, got ${JSON.stringify(p)}`,
      );
    }
    if (p.to === p.from || (i > 0 && p.from <= pauses[i - 1]!.to)) ordered = false;
  }
  if (ordered) return pauses;
  const sorted = pauses.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const p of sorted) {
    const last = merged.at(-1);
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ from: p.from, to: p.to });
  }
  return merged;
}

/** Business milliseconds in [from, to), less pauses. */
export function businessMilliseconds(
  cal: BusinessCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  const errors: CalendarFieldError[] = [];
  if (!isInstant(from)) errors.push(instantError('from', from));
  if (!isInstant(to)) errors.push(instantError('to', to));
  if (errors.length) throw new CalendarValidationError(errors);
  if (to < from) throw invalid('to', 'END_BEFORE_START', `${to} is before ${from}`);
  if (to - from > horizonMs) {
    throw invalid('to', 'RANGE_TOO_LONG', `longer than ${horizonDays} days, the calendar's horizon`);
  }
  return countBusinessMilliseconds(cal, from, to, normalizePauses(pauses));
}

/**
 * businessMilliseconds without checking its input, for callers that already did (entitlement):
 * `pauses` ascending, disjoint and non-empty, the interval within the horizon.
 */
export function countBusinessMilliseconds(
  cal: BusinessCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  if (!(to > from)) return 0;
  walk(cal, from, to, Number.POSITIVE_INFINITY, pauses);
  return counted;
}

/** Business minutes in [from, to), less pauses; fractional when the instants carry seconds. */
export function businessMinutes(
  cal: BusinessCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  return businessMilliseconds(cal, from, to, pauses) / 60_000;
}

/**
 * The instant at which `minutes` business minutes have passed since `start`, skipping pauses (see
 * the conventions above). `minutes` may be fractional; it is counted to the millisecond.
 */
export function due(
  cal: BusinessCalendar,
  start: number,
  minutes: number,
  pauses: readonly Interval[] = [],
): number {
  if (!isInstant(start)) throw new CalendarValidationError([instantError('start', start)]);
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw invalid(
      'minutes',
      'INVALID_MINUTES',
      `expected a number of minutes ≥ 0, got ${JSON.stringify(minutes)}`,
    );
  }
  if (!cal.always && cal.week.total === 0) {
    throw invalid(
      'calendar',
      'NO_BUSINESS_TIME',
      'the calendar has no business hours: nothing ever falls due',
    );
  }
  const at = walk(cal, start, start + horizonMs, Math.round(minutes * 60_000), normalizePauses(pauses));
  if (Number.isNaN(at)) {
    throw invalid(
      'minutes',
      'DUE_BEYOND_HORIZON',
      `${minutes} business minutes do not run out within ${horizonDays} days of the start`,
    );
  }
  return at;
}

/** The first business instant at or after `t`, outside pauses: `t` itself when it is business time. */
export function nextBusinessInstant(
  cal: BusinessCalendar,
  t: number,
  pauses: readonly Interval[] = [],
): number {
  return due(cal, t, 0, pauses);
}

/** Whether instant `t` is business time (inside a window, on no holiday). */
export function isBusinessInstant(cal: BusinessCalendar, t: number): boolean {
  if (!isInstant(t)) throw new CalendarValidationError([instantError('t', t)]);
  return walk(cal, t, t + 1, 0, []) === t;
}

/** The calendar's business-time arithmetic as one object, the shape SLA clocks take. */
export function businessTime(cal: BusinessCalendar) {
  return {
    due: (start: number, minutes: number, pauses: readonly Interval[]) => due(cal, start, minutes, pauses),
    minutesBetween: (from: number, to: number, pauses: readonly Interval[]) =>
      businessMinutes(cal, from, to, pauses),
  };
}
