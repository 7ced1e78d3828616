import { formatDay, isValidTimeZone, localDayOf } from '../../domain/calendar/zone.js';

/**
 * The calendar day it is at `now` for the MSP, in the zone its billing runs on: "overdue", "as of
 * today" and a reminder's day are the MSP's days, not UTC's. An unknown zone falls back to UTC.
 */
export function todayIn(zone: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  return formatDay(localDayOf(isValidTimeZone(zone) ? zone : 'UTC', minute));
}
