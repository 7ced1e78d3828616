/**
 * Test support (used by the calendar's tests and by bench/sla-calendar.ts, never by the product):
 * business time computed the slow, obviously right way. It steps minute by minute and asks Intl,
 * for every minute, what the wall clock shows; a minute is open when that clock is inside one of the
 * day's windows on a date that is no holiday. Pause edges and a start with seconds split a minute,
 * so the answers are exact to the millisecond like the real rule's. It shares no code with it.
 * Valid for zones whose offsets are whole minutes (all of them since 1972).
 */
import type { CalendarSpec, Interval, WeeklyHours } from './types.js';

const minuteMs = 60_000;

export type ReferenceCalendar = { spec: CalendarSpec; format: Intl.DateTimeFormat };

export function referenceCalendar(spec: CalendarSpec): ReferenceCalendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: spec.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return { spec, format };
}

/** Whether the minute that holds instant `t` is inside business hours. */
export function referenceOpen(cal: ReferenceCalendar, t: number): boolean {
  if (cal.spec.always) return true;
  const p = Object.fromEntries(
    cal.format.formatToParts(Math.floor(t / minuteMs) * minuteMs).map((x) => [x.type, x.value]),
  );
  const date = `${p.year}-${p.month}-${p.day}`;
  if ((cal.spec.holidays ?? []).includes(date)) return false;
  const day = p.weekday!.toLowerCase().slice(0, 3) as keyof WeeklyHours;
  const clock = `${p.hour}:${p.minute}`;
  return (cal.spec.businessHours?.[day] ?? []).some(([open, close]) => open <= clock && clock < close);
}

const paused = (pauses: readonly Interval[], t: number) => pauses.some((p) => p.from <= t && t < p.to);

/** The end of the piece that starts at `t`: the next minute boundary or pause edge. */
function pieceEnd(pauses: readonly Interval[], t: number): number {
  let end = (Math.floor(t / minuteMs) + 1) * minuteMs;
  for (const p of pauses) {
    if (p.from > t && p.from < end) end = p.from;
    if (p.to > t && p.to < end) end = p.to;
  }
  return end;
}

export function referenceBusinessMilliseconds(
  cal: ReferenceCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  let total = 0;
  for (let t = from; t < to; ) {
    const end = Math.min(pieceEnd(pauses, t), to);
    if (!paused(pauses, t) && referenceOpen(cal, t)) total += end - t;
    t = end;
  }
  return total;
}

/** The due instant; throws when the target has not run out `maxDays` after the start. */
export function referenceDue(
  cal: ReferenceCalendar,
  start: number,
  minutes: number,
  pauses: readonly Interval[] = [],
  maxDays = 400,
): number {
  let left = Math.round(minutes * minuteMs);
  const limit = start + maxDays * 86_400_000;
  for (let t = start; t < limit; ) {
    const end = pieceEnd(pauses, t);
    if (!paused(pauses, t) && referenceOpen(cal, t)) {
      if (left <= end - t) return t + left;
      left -= end - t;
    }
    t = end;
  }
  throw new Error(`reference: not due within ${maxDays} days`);
}
