/**
 * Wall-clock times in a calendar's zone, for the previews: an SLA administrator types a start as
 * people at the client would read it, and reads the due time the same way. Uses the browser's
 * own zone data (Intl); the server does the business-time arithmetic.
 */

export function isValidZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string) {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
function wallOf(zone: string, t: number) {
  const parts = Object.fromEntries(
    partsFormat(zone)
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(zone: string, t: number): number {
  const w = wallOf(zone, t);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-02T09:30" (a datetime-local value) for an instant, as read in the zone. */
export function wallTime(zone: string, t: number): string {
  const w = wallOf(zone, t);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a wall-clock time in a zone stands for, as ISO 8601 UTC; null if it is not one. In
 * the hour skipped when clocks go forward, the time after the change is taken.
 */
export function instantOf(zone: string, wall: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m || !isValidZone(zone)) return null;
  const [, y, mo, d, h, mi, s] = m;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(guess)) return null;
  const first = guess - offsetAt(zone, guess);
  const t = guess - offsetAt(zone, first);
  return new Date(t).toISOString();
}

/** An instant as read in the zone: "Mon 2 Mar 2026, 09:30". */
export function formatInZone(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: isValidZone(zone) ? zone : 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
