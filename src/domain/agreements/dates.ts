/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings. Whole dates carry no time of day and no time
 * zone, so UTC `Date` arithmetic is exact here; ISO dates also compare correctly as strings.
 */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written 'YYYY-MM-DD' (no 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: string): [number, number, number] {
  const m = isoDate.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A UTC instant for a calendar date; `setUTCFullYear` keeps years 0–99 as written. */
function utc(year: number, monthIndex: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, monthIndex, day);
  return t;
}

function daysInMonth(year: number, month: number): number {
  return utc(year, month, 0).getUTCDate();
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month becomes that
 * month's last day (2025-01-31 + 1 month = 2025-02-28), as contracts count terms.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `date` plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = utc(y, m - 1, d + days);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
