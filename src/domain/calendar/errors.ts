/**
 * Invalid input to a business calendar. Carries the same shape as the platform's field errors so
 * the API maps it to 400 problem+json (code VALIDATION_FAILED) without this pure module importing it;
 * each field error has its own stable code.
 */
export type CalendarErrorCode =
  /** The calendar is not an object, or `always` is not a boolean. */
  | 'INVALID_CALENDAR'
  /** Not an IANA time zone the runtime knows. */
  | 'INVALID_TIME_ZONE'
  /** A key of businessHours other than sun, mon, tue, wed, thu, fri, sat. */
  | 'UNKNOWN_WEEKDAY'
  /** businessHours is not { day: [[open, close], …] }, or a window is not a pair. */
  | 'INVALID_HOURS'
  /** A time that is not 'HH:MM' from 00:00 to 24:00, or 24:00 as an opening. */
  | 'INVALID_TIME'
  /** A window that closes at or before it opens. */
  | 'BACKWARDS_INTERVAL'
  /** A window that opens before the one listed before it. */
  | 'UNSORTED_INTERVALS'
  /** A window that opens before the one listed before it has closed. */
  | 'OVERLAPPING_INTERVALS'
  /** A calendar that is not 24×7 and has no business hours in its week. */
  | 'NO_BUSINESS_HOURS'
  /** A 24×7 calendar given business hours or holidays. */
  | 'ALWAYS_WITH_HOURS'
  /** A holiday that is not a 'YYYY-MM-DD' calendar date. */
  | 'INVALID_HOLIDAY'
  /** An instant that is not an integer number of epoch milliseconds from 1900 to 9999. */
  | 'INVALID_INSTANT'
  /** A target that is not a finite number of minutes ≥ 0. */
  | 'INVALID_MINUTES'
  /** A pause that is not { from, to } instants with to ≥ from. */
  | 'INVALID_PAUSE'
  /** An interval whose end is before its start. */
  | 'END_BEFORE_START'
  /** An interval longer than the search horizon (see horizonDays). */
  | 'RANGE_TOO_LONG'
  /** No business time at all: nothing can ever fall due. */
  | 'NO_BUSINESS_TIME'
  /** The target does not run out within the search horizon of its start. */
  | 'DUE_BEYOND_HORIZON'
  /** Text that is not an iCalendar (RFC 5545) VCALENDAR. */
  | 'INVALID_ICALENDAR'
  /** A year range to expand recurrences over that is not whole years, ascending, at most 100 years. */
  | 'INVALID_YEAR_RANGE';

export type CalendarFieldError = { field: string; message: string; code: CalendarErrorCode };

export class CalendarValidationError extends Error {
  readonly code = 'VALIDATION_FAILED' as const;
  readonly fields: CalendarFieldError[];

  constructor(fields: CalendarFieldError[]) {
    super(`Invalid calendar input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
    this.name = 'CalendarValidationError';
    this.fields = fields;
  }
}

export const invalid = (field: string, code: CalendarErrorCode, message: string) =>
  new CalendarValidationError([{ field, code, message }]);
