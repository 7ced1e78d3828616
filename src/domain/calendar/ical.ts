/**
 * Holidays from an iCalendar (RFC 5545) file, as public-holiday feeds and groupware publish them.
 * Parsing and recurrence expansion are ical.js's (Mozilla's, used by Thunderbird): RRULE, RDATE,
 * EXDATE and moved or cancelled occurrences (RECURRENCE-ID) are read as the standard says.
 *
 * What becomes a holiday: every date covered by an all-day VEVENT (DTSTART;VALUE=DATE), from DTSTART
 * up to DTEND exclusive (or DTSTART + DURATION; one day when neither is given), for each occurrence
 * of a recurring event, within the years asked for (recurrences are expanded over that range only,
 * and one-off events outside it are left out too). Timed events, cancelled events and cancelled
 * occurrences are not holidays; the events left out are listed with the reason.
 */
import ICAL from 'ical.js';
import { type CalendarFieldError, CalendarValidationError, invalid } from './errors.js';
import { formatDay } from './zone.js';

export type HolidayYears = { fromYear: number; toYear: number };

export type SkippedEvent = { uid: string | null; summary: string | null; reason: string };

export type ICalendarHolidays = {
  /** 'YYYY-MM-DD', ascending, each once. */
  holidays: string[];
  skipped: SkippedEvent[];
};

/** The widest range of years expanded at once. */
export const maxImportYears = 100;
/** Occurrences read per event, and per file, at most: expansion starts at DTSTART, so bound it. */
export const maxOccurrencesPerEvent = 10_000;
const maxOccurrencesPerFile = 50_000;
/** An all-day event longer than this is a season, not a holiday. */
const maxEventDays = 366;

type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;
type Component = InstanceType<typeof ICAL.Component>;

const dayOf = (t: Time) => Date.UTC(t.year, t.month - 1, t.day) / 86_400_000;

function checkYears(years: HolidayYears): CalendarFieldError[] {
  const { fromYear, toYear } = years ?? ({} as HolidayYears);
  const ok =
    Number.isInteger(fromYear) &&
    Number.isInteger(toYear) &&
    fromYear >= 1900 &&
    toYear <= 9999 &&
    fromYear <= toYear &&
    toYear - fromYear < maxImportYears;
  if (ok) return [];
  return [
    {
      field: 'years',
      code: 'INVALID_YEAR_RANGE',
      message: `expected whole years fromYear ≤ toYear from 1900 to 9999, at most ${maxImportYears} of them; got ${JSON.stringify(years)}`,
    },
  ];
}

function calendarsOf(text: unknown): Component[] {
  if (typeof text !== 'string') throw invalid('ics', 'INVALID_ICALENDAR', 'expected iCalendar text');
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw invalid('ics', 'INVALID_ICALENDAR', `not iCalendar: ${(error as Error).message}`);
  }
  const roots =
    (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])) ?? [];
  const calendars = roots.map((j) => new ICAL.Component(j as any)).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw invalid('ics', 'INVALID_ICALENDAR', 'no BEGIN:VCALENDAR … END:VCALENDAR');
  return calendars;
}

const cancelled = (c: Component) =>
  String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

/**
 * The holiday dates of an iCalendar file within `years` (inclusive). Throws CalendarValidationError:
 * INVALID_ICALENDAR for text that is no VCALENDAR, INVALID_YEAR_RANGE for a bad range.
 */
export function holidaysFromICalendar(text: string, years: HolidayYears): ICalendarHolidays {
  const yearErrors = checkYears(years);
  if (yearErrors.length) throw new CalendarValidationError(yearErrors);
  const first = Date.UTC(years.fromYear, 0, 1) / 86_400_000;
  const last = Date.UTC(years.toYear, 11, 31) / 86_400_000;
  const days = new Set<number>();
  const skipped: SkippedEvent[] = [];
  let occurrences = 0;

  const components = calendarsOf(text).flatMap((c) => c.getAllSubcomponents('vevent'));
  const masters: Event[] = [];
  const exceptions = new Map<string, Event[]>();
  for (const component of components) {
    const event = new ICAL.Event(component);
    if (event.isRecurrenceException()) {
      const list = exceptions.get(event.uid) ?? [];
      list.push(event);
      exceptions.set(event.uid, list);
    } else masters.push(event);
  }
  for (const master of masters) {
    for (const exception of exceptions.get(master.uid) ?? []) master.relateException(exception);
    exceptions.delete(master.uid);
  }
  // Moved occurrences whose recurring event is not in the file stand on their own.
  for (const orphans of exceptions.values()) masters.push(...orphans);

  /** Adds the dates of one occurrence [start, end), or says why it is not a holiday. */
  const add = (start: Time, end: Time): string | null => {
    if (!start.isDate) return 'not an all-day event';
    const from = dayOf(start);
    const to = Math.max(from + 1, dayOf(end));
    if (to - from > maxEventDays) return `longer than ${maxEventDays} days`;
    for (let d = Math.max(from, first); d < to && d <= last; d++) days.add(d);
    return null;
  };

  for (const event of masters) {
    const skip = (reason: string) =>
      skipped.push({ uid: event.uid ?? null, summary: event.summary ?? null, reason });
    try {
      if (!event.component.hasProperty('dtstart')) {
        skip('no DTSTART');
        continue;
      }
      if (cancelled(event.component)) {
        skip('cancelled');
        continue;
      }
      if (!event.isRecurring()) {
        const reason = add(event.startDate, event.endDate);
        if (reason) skip(reason);
        continue;
      }
      if (!event.startDate.isDate) {
        skip('not an all-day event');
        continue;
      }
      const it = event.iterator();
      let n = 0;
      for (let next = it.next(); next; next = it.next()) {
        if (next.year > years.toYear) break;
        if (++n > maxOccurrencesPerEvent || ++occurrences > maxOccurrencesPerFile) {
          skip(`too many occurrences to expand before ${years.toYear + 1}`);
          break;
        }
        const occurrence = event.getOccurrenceDetails(next);
        if (occurrence.item !== event && cancelled(occurrence.item.component)) continue;
        const reason = add(occurrence.startDate, occurrence.endDate);
        if (reason) {
          skip(`${reason} (occurrence ${formatDay(dayOf(next))})`);
        }
      }
    } catch (error) {
      skip(`unreadable: ${(error as Error).message}`);
    }
  }
  return { holidays: [...days].sort((a, b) => a - b).map(formatDay), skipped };
}
