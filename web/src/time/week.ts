/**
 * The time sheet's week, in the browser's own zone (a technician's week is their local week): it
 * starts on Monday at midnight. Dates are 'YYYY-MM-DD' strings, as <input type="date"> gives them.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of a local date. */
export const dateKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Local midnight of a 'YYYY-MM-DD' date. */
export function parseDateKey(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** Monday of the week that holds the date. */
export function weekStart(key: string): string {
  const d = parseDateKey(key);
  const back = (d.getDay() + 6) % 7; // Monday → 0 … Sunday → 6
  return dateKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - back));
}

export function addDays(key: string, days: number): string {
  const d = parseDateKey(key);
  return dateKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days));
}

/** The seven dates of the week that starts on `monday`. */
export const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** A local date and a local "HH:MM" as an instant. */
export const localInstant = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  const d = parseDateKey(date);
  d.setHours(h ?? 0, m ?? 0, 0, 0);
  return d.toISOString();
};

/** "HH:MM" of an instant in the browser's zone. */
export function clockOf(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const dayLabel = (key: string) =>
  parseDateKey(key).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'short' });
