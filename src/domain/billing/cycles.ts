/**
 * Billing cycles from an agreement's billing terms. A cycle lies on the calendar — a month, a quarter
 * (Jan–Mar, Apr–Jun …) or a year — the same periods blocks and retainers draw from
 * (src/domain/time/balances.ts), so an agreement starting mid-cycle is prorated from its start date.
 *
 * A billing run is for one month, `period`. It bills the cycle due in that month: in advance, the
 * cycle that begins in it (a quarterly agreement is billed in the runs for January, April, July and
 * October); in arrears, the cycle that ends in it.
 */
import { addDays } from '../agreements/dates.js';
import type { Agreement } from '../agreements/types.js';
import { drawPeriod } from '../time/index.js';
import { calendarDate } from './checks.js';
import { type Period, parsePeriod, periodEnd, periodStart } from './periods.js';

export type BillingCycle = Agreement['billing']['cycle'];
export type BillingTerms = Pick<Agreement['billing'], 'cycle' | 'timing'>;
/** First and last day of one cycle, both included. */
export type CycleSpan = { from: string; to: string };

export const cycleMonths: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** The cycle that holds `date`. */
export const cycleOf = (cycle: BillingCycle, date: string): CycleSpan =>
  drawPeriod(cycle, calendarDate(date, 'date'));

/** The cycle that begins in `period`, or null when the period is inside a longer cycle. */
export function cycleStartingIn(cycle: BillingCycle, period: Period): CycleSpan | null {
  const span = cycleOf(cycle, periodStart(period));
  return span.from === periodStart(period) ? span : null;
}

/** The cycle that ends in `period`, or null. */
export function cycleEndingIn(cycle: BillingCycle, period: Period): CycleSpan | null {
  const span = cycleOf(cycle, periodStart(period));
  return span.to === periodEnd(period) ? span : null;
}

/** The cycle a run for `period` bills recurring charges for, per the billing terms; null when none is due. */
export function dueCycle(terms: BillingTerms, period: Period): CycleSpan | null {
  parsePeriod(period);
  return terms.timing === 'advance'
    ? cycleStartingIn(terms.cycle, period)
    : cycleEndingIn(terms.cycle, period);
}

/** Every cycle that overlaps the dates `from`–`to`, in order. */
export function cyclesOverlapping(cycle: BillingCycle, from: string, to: string): CycleSpan[] {
  const out: CycleSpan[] = [];
  for (let span = cycleOf(cycle, from); span.from <= calendarDate(to, 'to'); ) {
    out.push(span);
    span = cycleOf(cycle, addDays(span.to, 1));
  }
  return out;
}
