import { formatDay, localDayOf } from '../calendar/zone.js';

/**
 * The calendar date ('YYYY-MM-DD') of an instant (epoch ms) in a zone: the client's day the work
 * started on, which decides the agreements in force and the period a block or retainer draws from.
 */
export const workDateOf = (timeZone: string, instant: number): string =>
  formatDay(localDayOf(timeZone, Math.floor(instant / 60_000)));
