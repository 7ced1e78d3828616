/**
 * Public holidays of Ireland, where the demo MSP works: the days its business-hours and extended SLA
 * calendars are closed. Pure and computed, so the demo's calendars hold the holidays of the years it
 * is seeded in without a table to keep up to date.
 *
 * Convention: a fixed-date holiday that falls on a Saturday or Sunday is observed on the next
 * weekday that is no holiday itself (Christmas on a Saturday → Monday 27th, St Stephen's Day on the
 * Sunday → Tuesday 28th), as Irish employers give the day.
 */

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const weekday = (t: number) => new Date(t).getUTCDay(); // 0 Sunday … 6 Saturday

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm: Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utc(year, month, day));
}

/** The first Monday on or after a date. */
const mondayFrom = (t: number) => t + ((8 - weekday(t)) % 7) * DAY;
/** The last Monday of a month. */
const lastMonday = (year: number, month: number) => {
  const last = utc(year, month + 1, 0);
  return last - ((weekday(last) + 6) % 7) * DAY;
};

/** Ireland's ten public holidays of a year, as observed, sorted, 'YYYY-MM-DD'. */
export function irishPublicHolidays(year: number): string[] {
  // St Brigid's Day: 1 February when it is a Friday, else the first Monday of February.
  const feb1 = utc(year, 2, 1);
  const moving = [
    weekday(feb1) === 5 ? feb1 : mondayFrom(feb1),
    Date.parse(`${easterSunday(year)}T00:00:00Z`) + DAY, // Easter Monday
    mondayFrom(utc(year, 5, 1)),
    mondayFrom(utc(year, 6, 1)),
    mondayFrom(utc(year, 8, 1)),
    lastMonday(year, 10),
  ];
  const taken = new Set(moving);
  const fixed = [utc(year, 1, 1), utc(year, 3, 17), utc(year, 12, 25), utc(year, 12, 26)];
  for (const day of fixed) {
    let observed = day;
    while (weekday(observed) === 0 || weekday(observed) === 6 || taken.has(observed)) observed += DAY;
    taken.add(observed);
  }
  return [...taken].sort((a, b) => a - b).map(iso);
}

/** The holidays of this year and the next: the demo's recent history and the coming year. */
export function demoHolidays(today: Date): string[] {
  const year = today.getUTCFullYear();
  return [...irishPublicHolidays(year), ...irishPublicHolidays(year + 1)];
}
