/**
 * What a business calendar is made of, as callers write it (JSON-friendly), and the interval shape
 * the business-time functions read. Instants are epoch milliseconds throughout src/domain/calendar.
 */

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];
/** Opening hours of one day in the calendar's wall-clock time: [['08:00', '12:00'], ['13:00', '17:00']]. */
export type DayHours = readonly (readonly [open: string, close: string])[];
/** A missing day is closed. Times are 'HH:MM', close may be '24:00'; a window never crosses midnight. */
export type WeeklyHours = Partial<Record<Weekday, DayHours>>;

export type CalendarSpec = {
  /** IANA time zone of the wall clock the hours and holidays are read in, e.g. 'Europe/Paris'. */
  timeZone: string;
  /** Weekly business hours; windows of a day ascending and not overlapping. Not with `always`. */
  businessHours?: WeeklyHours;
  /** Whole days closed, 'YYYY-MM-DD' in the calendar's zone. Not with `always`. */
  holidays?: readonly string[];
  /** 24×7: every instant is business time, so business time is real elapsed time. */
  always?: boolean;
};

/** A span of real time [from, to), epoch milliseconds: e.g. a pause of an SLA clock. */
export type Interval = { readonly from: number; readonly to: number };
