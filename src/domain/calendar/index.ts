// The business calendar's only door: business time between instants, due instants, holidays from iCal.
export {
  businessMilliseconds,
  businessMinutes,
  businessTime,
  due,
  horizonDays,
  isBusinessInstant,
  maxInstant,
  minInstant,
  nextBusinessInstant,
} from './business-time.js';
export { type BusinessCalendar, createCalendar, validateCalendar } from './calendar.js';
export { type CalendarErrorCode, type CalendarFieldError, CalendarValidationError } from './errors.js';
export {
  type HolidayYears,
  holidaysFromICalendar,
  type ICalendarHolidays,
  maxImportYears,
  type SkippedEvent,
} from './ical.js';
export { parseInstant } from './instant.js';
export * from './types.js';
export { isValidTimeZone } from './zone.js';
