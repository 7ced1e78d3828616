/**
 * Time-zone arithmetic on Intl alone (Node 20 has no Temporal), shared by every rule that reads a
 * wall clock (business calendars, entitlement). Instants are integer seconds (or minutes, where a
 * name says so) since the epoch; a zone's offset is its wall clock minus UTC.
 * Offsets are read with Intl.DateTimeFormat#formatToParts and cached per UTC hour: an hour whose two
 * ends show the same offset is taken to hold no transition (true of every zone in the tz database:
 * none changes its offset twice within an hour); an hour that holds a transition is never cached,
 * each instant in it is read exactly.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const hourCaches = new Map<string, Map<number, number>>();
const maxCachedHours = 200_000;
const transitionCaches = new Map<string, Map<number, readonly number[]>>();
const maxCachedYears = 2_000;

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for a zone the runtime does not know; only valid zones are cached.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The offset (seconds, local − UTC) of `zone` at instant `t`, read from Intl without caching. */
export function readOffset(zone: string, t: number): number {
  const f = [0, 0, 0, 0, 0, 0];
  for (const p of formatterOf(zone).formatToParts(t * 1000)) {
    const i = partIndex[p.type];
    if (i !== undefined) f[i] = Number(p.value);
  }
  return Date.UTC(f[0]!, f[1]! - 1, f[2]!, f[3]!, f[4]!, f[5]!) / 1000 - t;
}
const partIndex: Partial<Record<string, number>> = {
  year: 0,
  month: 1,
  day: 2,
  hour: 3,
  minute: 4,
  second: 5,
};

/** The offset (seconds) of `zone` at instant `t` (seconds). */
export function offsetAt(zone: string, t: number): number {
  let cache = hourCaches.get(zone);
  if (!cache) {
    cache = new Map();
    hourCaches.set(zone, cache);
  }
  const hour = Math.floor(t / 3600);
  let offset = cache.get(hour);
  if (offset === undefined) {
    const first = readOffset(zone, hour * 3600);
    offset = first === readOffset(zone, hour * 3600 + 3599) ? first : Number.NaN;
    if (cache.size >= maxCachedHours) cache.clear();
    cache.set(hour, offset);
  }
  return Number.isNaN(offset) ? readOffset(zone, t) : offset;
}

/**
 * The offset of `zone` at epoch minute `minute`, in whole minutes (floored: every zone has used
 * whole-minute offsets since 1972; older local mean times lose their seconds).
 */
export function offsetMinutes(zone: string, minute: number): number {
  return Math.floor(offsetAt(zone, minute * 60) / 60);
}

/**
 * The instants (seconds) in UTC year `year`, after its first second and up to the next year's first
 * one, at which `zone` changes its offset, ascending. Read once per zone and year: the offset is
 * sampled every 24 hours and each change is bisected to the second. Like the day-by-day walk it
 * replaces, this assumes no zone changes its offset and back again within 24 hours (true of the tz
 * database since 1900).
 */
export function transitionsInYear(zone: string, year: number): readonly number[] {
  let cache = transitionCaches.get(zone);
  if (!cache) {
    cache = new Map();
    transitionCaches.set(zone, cache);
  }
  let found = cache.get(year);
  if (found === undefined) {
    const list: number[] = [];
    const end = Date.UTC(year + 1, 0, 1) / 1000;
    let at = Date.UTC(year, 0, 1) / 1000;
    let offset = readOffset(zone, at);
    while (at < end) {
      const next = Math.min(at + 86_400, end);
      const nextOffset = readOffset(zone, next);
      if (nextOffset !== offset) {
        // Bisect (at, next] for the first second on a new offset.
        let lo = at;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (readOffset(zone, mid) === offset) lo = mid;
          else hi = mid;
        }
        list.push(hi);
        offset = nextOffset;
      }
      at = next;
    }
    found = list;
    if (cache.size >= maxCachedYears) cache.clear();
    cache.set(year, found);
  }
  return found;
}

/**
 * The first instant (seconds) after `t` at which `zone` changes its offset, or `limit` when there is
 * none before it. Until then the offset is the one at `t`.
 */
export function nextTransition(zone: string, t: number, limit: number): number {
  for (let year = yearOf(t); ; year++) {
    if (yearStart(year) >= limit) return limit;
    for (const at of transitionsInYear(zone, year)) {
      if (at > t) return Math.min(at, limit);
    }
  }
}

const firstYear = 1800;
const yearStarts = Float64Array.from({ length: 8300 }, (_, i) => Date.UTC(firstYear + i, 0, 1) / 1000);

/** The instant (seconds) at which UTC year `year` begins. */
function yearStart(year: number): number {
  return yearStarts[year - firstYear] ?? Date.UTC(year, 0, 1) / 1000;
}

/** The UTC year of instant `t` (seconds), without allocating a Date. */
function yearOf(t: number): number {
  let year = Math.floor(t / 31_556_952) + 1970;
  while (yearStart(year) > t) year--;
  while (yearStart(year + 1) <= t) year++;
  return year;
}

/** Days since 1970-01-01 of the local calendar date of epoch minute `minute` in `zone`. */
export function localDayOf(zone: string, minute: number): number {
  return Math.floor((minute + offsetMinutes(zone, minute)) / 1440);
}

const dayNames = new Map<number, string>();

/** 'YYYY-MM-DD' of an epoch day. */
export function formatDay(day: number): string {
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dayNames.size >= 100_000) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

/** Epoch day of a 'YYYY-MM-DD' calendar date, or null when it is not one. */
export function parseDay(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (y < 1000 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/** 0 = Sunday … 6 = Saturday, for an epoch day (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
