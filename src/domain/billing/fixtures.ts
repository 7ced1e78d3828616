/**
 * Small factories for billing tests: a managed agreement billed monthly in advance with one line of
 * 10 users at 50.00, and a helper that runs recurring billing month after month the way a billing
 * module would, feeding each run what the earlier ones billed.
 */
import type { Amendment } from '../agreements/amendments.js';
import { buildAgreement, buildLine } from '../agreements/fixtures.js';
import type { Agreement, AgreementLine } from '../agreements/types.js';
import { nextPeriod, type Period } from './periods.js';
import { billRecurring } from './recurring.js';
import type { AgreementCharge, QuantityCounts } from './recurring-types.js';

export const usersLine = (overrides: Partial<AgreementLine> = {}): AgreementLine =>
  buildLine({
    id: 'users',
    description: 'Managed users',
    quantity: 10,
    unitPrice: 5_000,
    unit: 'per_user',
    ...overrides,
  });

export const managed = (overrides: Partial<Agreement> = {}): Agreement =>
  buildAgreement({ id: 'agr-1', startDate: '2025-01-01', lines: [usersLine()], ...overrides });

export type RunOptions = {
  amendments?: readonly Amendment[];
  reviewFrom?: Period;
  counts?: QuantityCounts;
  billed?: readonly AgreementCharge[];
};

export const bill = (agreement: Agreement, period: Period, o: RunOptions = {}) =>
  billRecurring({
    agreement,
    amendments: o.amendments ?? [],
    period,
    reviewFrom: o.reviewFrom ?? period,
    counts: o.counts ?? {},
    billed: o.billed ?? [],
  });

/**
 * Runs every month from `from` to `to`, each seeing what the earlier runs billed; `known(period)`
 * gives the agreement and amendments as known at that run. Returns every line billed, in order.
 */
export function runMonths(
  from: Period,
  to: Period,
  known: (period: Period) => { agreement: Agreement; amendments: readonly Amendment[] },
  reviewFrom: Period = from,
): AgreementCharge[] {
  const billed: AgreementCharge[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) {
    const { agreement, amendments } = known(p);
    billed.push(...bill(agreement, p, { amendments, reviewFrom, billed }));
  }
  return billed;
}

/** Amount billed per line and cycle: 'line@cycle-start' → minor units. */
export function totalsByLineAndCycle(lines: readonly AgreementCharge[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) {
    const key = `${l.lineId}@${l.kind === 'one_off' ? 'once' : l.cycle.from}`;
    out[key] = (out[key] ?? 0) + l.amount;
  }
  for (const [k, v] of Object.entries(out)) if (v === 0) delete out[k];
  return out;
}
