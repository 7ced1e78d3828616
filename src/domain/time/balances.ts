/**
 * What is left in each block of hours and retainer when a time entry is saved: the opening balance
 * of the agreement's period (src/domain/entitlement/balances.ts) less what the client's other
 * entries of that period already drew, never below zero.
 *
 * A period is the agreement's billing cycle on the calendar, in the client's dates: a calendar month,
 * quarter (Jan–Mar, Apr–Jun …) or year. Entries draw in the order they are saved; rollover of unused
 * hours into the next period is the billing run's to apply, so an entry sees only its own period.
 */
import type { Agreement } from '../agreements/types.js';
import { openingBalances } from '../entitlement/balances.js';

export type Cycle = Agreement['billing']['cycle'];

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last calendar date ('YYYY-MM-DD') of the cycle's period that holds `date`. */
export function drawPeriod(cycle: Cycle, date: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const months = cycle === 'monthly' ? 1 : cycle === 'quarterly' ? 3 : 12;
  const first = Math.floor((month - 1) / months) * months + 1;
  const last = first + months - 1;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** Minutes drawn from blocks and minor units drawn from retainers, by agreement id. */
export type Drawn = { blockMinutes: Record<string, number>; retainerAmount: Record<string, number> };

export function balancesAfter(agreements: readonly Agreement[], drawn: Drawn) {
  const opening = openingBalances(agreements);
  const left = (open: Record<string, number>, used: Record<string, number>) =>
    Object.fromEntries(Object.entries(open).map(([id, n]) => [id, Math.max(0, n - (used[id] ?? 0))]));
  return {
    blockBalances: left(opening.blockBalances, drawn.blockMinutes),
    retainerBalances: left(opening.retainerBalances, drawn.retainerAmount),
  };
}
