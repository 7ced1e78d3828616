/**
 * Calendar months on the wall clock of an IANA zone, as real-time intervals: a client in Auckland
 * is measured from its own midnight on the 1st. Offsets are the shared calendar's (zone.ts).
 */
import { nextTransition, offsetAt } from '../calendar/zone.js';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** { year, month (1–12) } of 'YYYY-MM', or null. */
export function parseMonth(value: unknown): { year: number; month: number } | null {
  const m = typeof value === 'string' ? monthPattern.exec(value) : null;
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1900 && year <= 9998 ? { year, month: Number(m[2]) } : null;
}

const formatMonth = (year: number, month: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/**
 * The first instant (epoch ms) at which `zone`'s wall clock shows local date `year-month-day` or a
 * later one (day may overflow, as in Date.UTC). Where clocks go back over midnight, the first pass;
 * where they skip midnight, the transition itself (the day starts at 01:00 then). Assumes, as
 * zone.ts does, no zone changes its offset twice within a day.
 */
export function localDayStart(zone: string, year: number, month: number, day: number): number {
  const local = Date.UTC(year, month - 1, day) / 1000;
  const offsets = [offsetAt(zone, local - 86_400), offsetAt(zone, local), offsetAt(zone, local + 86_400)];
  let first = Number.POSITIVE_INFINITY;
  for (const o of offsets) {
    const t = local - o;
    if (offsetAt(zone, t) === o) first = Math.min(first, t);
  }
  if (Number.isFinite(first)) return first * 1000;
  // Midnight was skipped: the local day begins where the offset changes.
  const before = local - Math.max(...offsets);
  return nextTransition(zone, before, local - Math.min(...offsets) + 1) * 1000;
}

/** The month 'YYYY-MM' on `zone`'s wall clock as [from, to) in epoch ms. */
export function monthInterval(zone: string, month: string): { from: number; to: number } {
  const m = parseMonth(month);
  if (!m) throw new RangeError(`not a month YYYY-MM: ${month}`);
  return { from: localDayStart(zone, m.year, m.month, 1), to: localDayStart(zone, m.year, m.month + 1, 1) };
}

/** Every month from `first` to `last`, both included ('YYYY-MM'); empty when last is before first. */
export function monthsFrom(first: string, last: string): string[] {
  const a = parseMonth(first);
  const b = parseMonth(last);
  if (!a || !b) throw new RangeError(`not months YYYY-MM: ${first}, ${last}`);
  const out: string[] = [];
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++) {
    out.push(formatMonth(Math.floor(i / 12), (i % 12) + 1));
  }
  return out;
}
