/**
 * Wall-clock times in a zone for the demo's planned history (time sheets, alerts), on the shared
 * calendar rule's zone arithmetic, so a planned 02:40 is 02:40 there on DST change days too.
 */
import { formatDay, localDayOf, offsetMinutes, weekdayOf } from '../../domain/calendar/zone.js';

const MINUTE = 60_000;

/** The instant a wall clock in `zone` shows `minuteOfDay` on epoch day `day`. */
export function atLocal(zone: string, day: number, minuteOfDay: number): number {
  const wall = day * 1440 + minuteOfDay;
  let at = wall - offsetMinutes(zone, wall);
  at = wall - offsetMinutes(zone, at);
  return at * MINUTE;
}

/** The epoch day of the calendar date in `zone` at instant `ms`. */
export const localDayAt = (ms: number, zone: string) => localDayOf(zone, Math.floor(ms / MINUTE));

/** The calendar date in `zone` at instant `ms`; weekday 0 = Sunday. */
export function localDate(ms: number, zone: string) {
  const day = localDayAt(ms, zone);
  const [year, month, dayOfMonth] = formatDay(day).split('-').map(Number) as [number, number, number];
  return { year, month, day: dayOfMonth, weekday: weekdayOf(day) };
}

/** The instant `zone`'s clock reads `hh:mm` on the day `daysBack` days before the anchor's date there. */
export const wallClock = (anchor: number, zone: string, daysBack: number, hh: number, mm: number) =>
  atLocal(zone, localDayAt(anchor, zone) - daysBack, hh * 60 + mm);
