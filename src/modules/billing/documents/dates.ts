/**
 * Calendar dates ('YYYY-MM-DD') as the PDF and the accounting importers want them, through Intl.
 * A calendar date has no time zone, so it is read as midnight UTC and formatted in UTC.
 */
import { isIsoDate } from '../../../domain/agreements/dates.js';

/** The date layouts the QuickBooks Online and Xero importers let a user choose from. */
export type CsvDateFormat = 'MM/dd/yyyy' | 'dd/MM/yyyy' | 'yyyy-MM-dd';

function utcMidnight(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

const numericParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** '2026-03-09' → '03/09/2026' (MM/dd/yyyy), '09/03/2026' (dd/MM/yyyy) or '2026-03-09'. */
export function formatCsvDate(date: string, format: CsvDateFormat): string {
  const parts = numericParts.formatToParts(utcMidnight(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const [year, month, day] = [part('year'), part('month'), part('day')];
  switch (format) {
    case 'MM/dd/yyyy':
      return `${month}/${day}/${year}`;
    case 'dd/MM/yyyy':
      return `${day}/${month}/${year}`;
    case 'yyyy-MM-dd':
      return `${year}-${month}-${day}`;
  }
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

function displayFormat(locale: string): Intl.DateTimeFormat {
  let format = displayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    displayFormats.set(locale, format);
  }
  return format;
}

/** A date as a person reads it in `locale`: ('2026-03-09', 'en-US') → 'Mar 9, 2026'. */
export function formatDisplayDate(date: string, locale: string): string {
  return displayFormat(locale).format(utcMidnight(date));
}

/** A span of dates as a person reads it: ('2026-03-10', '2026-03-31', 'en-US') → 'Mar 10 – 31, 2026'. */
export function formatDisplaySpan(from: string, to: string, locale: string): string {
  return displayFormat(locale).formatRange(utcMidnight(from), utcMidnight(to));
}

export { isIsoDate };
