/**
 * Maintenance windows: planned work during which a client's (or one asset's) alerts are silenced,
 * recorded as silenced rather than dropped, and outages do not count against availability.
 *
 * - A window belongs to a client; with an asset it covers that asset only, without one every alert
 *   of the client (whatever its asset, or none).
 * - One-off: [from, to) in real time.
 * - Weekly: on the listed days from `start` to `end` on the wall clock of an IANA zone; an `end` at
 *   or before `start` ends on the next day (sat 23:00–02:00 runs into Sunday; 02:00–02:00 lasts a
 *   day). Optional `from` / `until` bound the recurrence in real time. The wall-clock arithmetic is
 *   the shared business calendar's (src/domain/calendar) and keeps its DST conventions: a window in
 *   the hour clocks skip holds no time that night; in an hour clocks repeat, each pass counts.
 * - A window holds instants in [start, end): an alert at exactly the end is not silenced.
 */
import { isBusinessInstant, nextBusinessInstant } from '../calendar/business-time.js';
import { type BusinessCalendar, calendarFromPlan } from '../calendar/calendar.js';
import { dayMs, noHolidays, parseClock, parseWeeklyHours, type WeekPlan } from '../calendar/hours.js';
import { type Weekday, type WeeklyHours, weekdays } from '../calendar/types.js';
import { isValidTimeZone } from '../calendar/zone.js';
import type { MonitoringFieldError } from './errors.js';
import { clipIntervals, type Interval, normalizeIntervals } from './intervals.js';

export type MaintenanceSchedule =
  | { kind: 'once'; from: number; to: number }
  | {
      kind: 'weekly';
      /** IANA zone whose wall clock `start` and `end` are read on, e.g. 'Europe/Paris'. */
      timeZone: string;
      days: readonly Weekday[];
      /** 'HH:MM'. */
      start: string;
      /** 'HH:MM' (or '24:00'); at or before `start` means the next day. */
      end: string;
      /** Real-time bounds of the recurrence; null or absent means unbounded. */
      from?: number | null;
      until?: number | null;
    };

export type MaintenanceWindow = {
  id: string;
  clientId: string;
  /** null: the whole client. */
  assetId: string | null;
  schedule: MaintenanceSchedule;
};

/** What an alert is about: its client (null while in triage) and asset. */
export type MaintenanceTarget = { clientId: string | null; assetId: string | null };

export const windowApplies = (w: MaintenanceWindow, target: MaintenanceTarget): boolean =>
  target.clientId !== null &&
  w.clientId === target.clientId &&
  (w.assetId === null || w.assetId === target.assetId);

type Weekly = Extract<MaintenanceSchedule, { kind: 'weekly' }>;
/** The window's wall-clock hours as a calendar, and the rest of the week as another (null: none). */
type Compiled = { inside: BusinessCalendar; outside: BusinessCalendar | null };
const compiledSchedules = new WeakMap<Weekly, Compiled>();

function weeklyHoursOf(s: Weekly): WeeklyHours {
  const start = parseClock(s.start)!;
  const end = parseClock(s.end)!;
  const hours: Partial<Record<Weekday, [string, string][]>> = {};
  const add = (day: Weekday, open: string, close: string) => {
    if (open === close) return;
    const list = hours[day] ?? [];
    list.push([open, close]);
    hours[day] = list;
  };
  for (const day of s.days) {
    if (end > start) add(day, s.start, s.end);
    else {
      add(day, s.start, '24:00');
      add(weekdays[(weekdays.indexOf(day) + 1) % 7]!, '00:00', s.end);
    }
  }
  return hours;
}

function complement(week: WeekPlan): WeekPlan {
  const days = week.days.map((w) => {
    const out: number[] = [];
    let at = 0;
    for (let i = 0; i < w.length; i += 2) {
      if (w[i]! > at) out.push(at, w[i]!);
      at = w[i + 1]!;
    }
    if (at < dayMs) out.push(at, dayMs);
    return out;
  });
  return { days, total: 7 * dayMs - week.total };
}

function compile(s: Weekly): Compiled {
  let c = compiledSchedules.get(s);
  if (!c) {
    const week = parseWeeklyHours(weeklyHoursOf(s), 'schedule', 'merge').value;
    const rest = complement(week);
    c = {
      inside: calendarFromPlan(s.timeZone, week, noHolidays),
      outside: rest.total === 0 ? null : calendarFromPlan(s.timeZone, rest, noHolidays),
    };
    compiledSchedules.set(s, c);
  }
  return c;
}

const bound = (s: Weekly) => ({
  from: s.from ?? Number.NEGATIVE_INFINITY,
  until: s.until ?? Number.POSITIVE_INFINITY,
});

/** Whether the schedule holds instant `at`. */
export function scheduleHolds(s: MaintenanceSchedule, at: number): boolean {
  if (s.kind === 'once') return s.from <= at && at < s.to;
  const { from, until } = bound(s);
  if (at < from || at >= until) return false;
  const c = compile(s);
  return c.outside === null || isBusinessInstant(c.inside, at);
}

/** The real-time intervals of the schedule within [from, to), normalized. */
export function scheduleIntervals(s: MaintenanceSchedule, from: number, to: number): Interval[] {
  if (s.kind === 'once') return clipIntervals([{ from: s.from, to: s.to }], from, to);
  const b = bound(s);
  const lo = Math.max(from, b.from);
  const hi = Math.min(to, b.until);
  if (!(hi > lo)) return [];
  const c = compile(s);
  if (c.outside === null) return [{ from: lo, to: hi }];
  const out: Interval[] = [];
  // Alternate between the window's next opening and the next instant outside it.
  for (let t = lo; t < hi; ) {
    const start = nextBusinessInstant(c.inside, t);
    if (start >= hi) break;
    const end = nextBusinessInstant(c.outside, start);
    out.push({ from: start, to: Math.min(end, hi) });
    t = end;
  }
  return normalizeIntervals(out);
}

/** The first window (in list order) that silences alerts of `target` at `at`, or null. */
export function activeMaintenance(
  windows: readonly MaintenanceWindow[],
  target: MaintenanceTarget,
  at: number,
): MaintenanceWindow | null {
  return windows.find((w) => windowApplies(w, target) && scheduleHolds(w.schedule, at)) ?? null;
}

/** The union of the windows of `target` within [from, to), normalized. */
export function maintenanceIntervals(
  windows: readonly MaintenanceWindow[],
  target: MaintenanceTarget,
  from: number,
  to: number,
): Interval[] {
  return normalizeIntervals(
    windows.filter((w) => windowApplies(w, target)).flatMap((w) => scheduleIntervals(w.schedule, from, to)),
  );
}

const isInstant = (t: unknown): t is number => typeof t === 'number' && Number.isInteger(t);
const clockOk = (v: unknown, allow24: boolean) => {
  const m = parseClock(v);
  return m !== null && (allow24 || m < 1440);
};

/** Every problem with a list of windows, each under `windows[i]`; empty when they can be applied. */
export function validateMaintenanceWindows(windows: unknown, path = 'windows'): MonitoringFieldError[] {
  if (!Array.isArray(windows)) return [{ field: path, code: 'INVALID_WINDOW', message: 'expected a list' }];
  return windows.flatMap((w, i) => maintenanceWindowErrors(w, `${path}[${i}]`));
}

/** Every problem with one window. */
export function maintenanceWindowErrors(w: unknown, path = 'window'): MonitoringFieldError[] {
  const errors: MonitoringFieldError[] = [];
  const fail = (field: string, message: string, code: MonitoringFieldError['code'] = 'INVALID_WINDOW') =>
    errors.push({ field: `${path}.${field}`, code, message });
  if (typeof w !== 'object' || w === null) {
    return [{ field: path, code: 'INVALID_WINDOW', message: 'expected { id, clientId, assetId, schedule }' }];
  }
  const win = w as Partial<MaintenanceWindow>;
  if (typeof win.id !== 'string' || win.id === '') fail('id', 'expected a non-empty id');
  if (typeof win.clientId !== 'string' || win.clientId === '') fail('clientId', 'expected a client id');
  if (win.assetId !== null && (typeof win.assetId !== 'string' || win.assetId === '')) {
    fail('assetId', 'expected an asset id or null');
  }
  const s = win.schedule as Partial<Record<string, unknown>> | undefined;
  if (typeof s !== 'object' || s === null) {
    fail('schedule', "expected { kind: 'once', from, to } or { kind: 'weekly', timeZone, days, start, end }");
    return errors;
  }
  if (s.kind === 'once') {
    if (!isInstant(s.from)) fail('schedule.from', 'expected integer epoch milliseconds');
    if (!isInstant(s.to)) fail('schedule.to', 'expected integer epoch milliseconds');
    else if (isInstant(s.from) && s.to <= s.from) fail('schedule.to', 'ends at or before it starts');
  } else if (s.kind === 'weekly') {
    if (typeof s.timeZone !== 'string' || !isValidTimeZone(s.timeZone)) {
      fail('schedule.timeZone', `not an IANA time zone: ${JSON.stringify(s.timeZone)}`, 'INVALID_TIME_ZONE');
    }
    const days = s.days;
    if (!Array.isArray(days) || days.length === 0)
      fail('schedule.days', `expected days among ${weekdays.join(', ')}`);
    else {
      days.forEach((d: unknown, j) => {
        if (!weekdays.includes(d as Weekday))
          fail(`schedule.days[${j}]`, `unknown day; use ${weekdays.join(', ')}`);
        else if (days.indexOf(d) !== j) fail(`schedule.days[${j}]`, `${d} is listed twice`);
      });
    }
    if (!clockOk(s.start, false)) fail('schedule.start', "expected 'HH:MM' from 00:00 to 23:59");
    if (!clockOk(s.end, true)) fail('schedule.end', "expected 'HH:MM' from 00:00 to 24:00");
    for (const key of ['from', 'until'] as const) {
      if (s[key] !== undefined && s[key] !== null && !isInstant(s[key])) {
        fail(`schedule.${key}`, 'expected integer epoch milliseconds or null');
      }
    }
    if (isInstant(s.from) && isInstant(s.until) && s.until <= s.from) {
      fail('schedule.until', 'ends at or before it starts');
    }
  } else fail('schedule.kind', "expected 'once' or 'weekly'");
  return errors;
}
