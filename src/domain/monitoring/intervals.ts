/**
 * Sets of half-open real-time intervals [from, to) in epoch milliseconds, kept as normalized lists:
 * ascending, non-empty, neither overlapping nor touching. Outages and maintenance are both such sets.
 */
import type { Interval } from '../calendar/types.js';

export type { Interval };

/** The union of any intervals, normalized; empty and backwards ones are dropped. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/** What of normalized `a` lies outside normalized `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of a) {
    let from = i.from;
    while (j < b.length && b[j]!.to <= from) j++;
    let k = j;
    while (k < b.length && b[k]!.from < i.to) {
      if (b[k]!.from > from) out.push({ from, to: b[k]!.from });
      from = Math.max(from, b[k]!.to);
      k++;
    }
    if (from < i.to) out.push({ from, to: i.to });
  }
  return out;
}

/** Normalized `a` cut to [from, to). */
export function clipIntervals(a: readonly Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const i of a) {
    const f = Math.max(i.from, from);
    const t = Math.min(i.to, to);
    if (t > f) out.push({ from: f, to: t });
  }
  return out;
}

export const totalLength = (a: readonly Interval[]): number => a.reduce((sum, i) => sum + (i.to - i.from), 0);
