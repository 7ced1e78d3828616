/** ISO 8601 instants as the API writes them, to and from epoch milliseconds. */

const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

const daysIn = (y: number, m: number) =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;

/**
 * Milliseconds since the epoch of a strict ISO 8601 instant with a zone designator, or null. Seconds
 * and milliseconds are kept; digits past the millisecond are dropped.
 */
export function parseInstant(value: unknown): number | null {
  const m = typeof value === 'string' ? instantPattern.exec(value) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offH = m[10] === undefined ? 0 : Number(m[10]);
  const offM = m[11] === undefined ? 0 : Number(m[11]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59 || offH > 23 || offM > 59) return null;
  const sign = m[9] === '-' ? -1 : 1;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - sign * (offH * 60 + offM) * 60_000;
}
