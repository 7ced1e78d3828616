/**
 * What a billing run adds to one client's invoice for a period, from what is known now and what the
 * client's standing invoices already hold:
 *
 *  1. Each agreement's recurring lines (recurring.ts) — the cycle due this period in advance or in
 *     arrears, and adjustments for changes to cycles billed before. How far back cycles are corrected
 *     (`reviewFrom`) is stated here: from the first period the agreement was billed in, but never more
 *     than `reviewMonths` back. An agreement never billed that started in the previous period (after
 *     that period's run) is billed from its start; one that started earlier is billed from this
 *     period only, so an agreement billed for the first time by a new installation of Keel is not
 *     billed months of back charges (the leak report lists agreements left unbilled).
 *  2. Approved work in arrears (work.ts), month by month, oldest first: the blocks and retainers it
 *     draws from hold what the invoices say (work-ledgers.ts) plus what earlier months of this run
 *     drew.
 *  3. Charges outside agreements (charges.ts).
 *
 * Pure: the caller reads the agreements, counts, entries and charges, and writes the lines it gets.
 */
import type { Amendment } from '../agreements/amendments.js';
import type { Agreement } from '../agreements/types.js';
import { billCharges, type ChargeInput } from './charges.js';
import { invalid } from './errors.js';
import type { BillingLine } from './invoice-lines.js';
import { addPeriods, type Period, parsePeriod, periodOf, periodStart, previousPeriod } from './periods.js';
import { billRecurring } from './recurring.js';
import type { AgreementCharge, QuantityCounts } from './recurring-types.js';
import { billWork } from './work.js';
import { blockBalanceOn, type RecordedDraw, retainerBalanceOn } from './work-ledgers.js';
import type { BillableEntry, WorkResult, WorkTypeBilling } from './work-types.js';

export type ClientAgreement = { agreement: Agreement; amendments: readonly Amendment[] };

export type ClientInvoiceInput = {
  period: Period;
  /** How many months back a run may correct billed cycles (the billing settings' look-back). */
  reviewMonths: number;
  agreements: readonly ClientAgreement[];
  /** Counted at bill time, for the lines whose quantity is counted. */
  counts: QuantityCounts;
  /** The client's agreement charges on standing invoices (drafts and issued, not void). */
  billed: readonly AgreementCharge[];
  /** What invoiced work already drew from the client's blocks and retainers. */
  draws: readonly RecordedDraw[];
  /** Approved work on no invoice yet, started before the period (in the client's dates). */
  entries: readonly BillableEntry[];
  workTypes: readonly WorkTypeBilling[];
  /** Charges on no invoice yet. */
  charges: readonly ChargeInput[];
};

export type ClientInvoicePlan = {
  lines: BillingLine[];
  skipped: WorkResult['skipped'];
  /** The first period each agreement's cycles were reviewed from. */
  reviewFrom: Record<string, Period>;
};

const later = (a: Period, b: Period) => (a > b ? a : b);
const earlier = (a: Period, b: Period) => (a < b ? a : b);

/** Where an agreement's review starts (see the file comment). */
export function reviewFromOf(
  agreement: Pick<Agreement, 'id' | 'startDate'>,
  period: Period,
  reviewMonths: number,
  billed: readonly AgreementCharge[],
): Period {
  parsePeriod(period);
  if (!Number.isSafeInteger(reviewMonths) || reviewMonths < 0) {
    throw invalid('reviewMonths', 'INVALID_POLICY', `expected whole months ≥ 0, got ${reviewMonths}`);
  }
  const floor = addPeriods(period, -reviewMonths);
  let first: string | null = null;
  for (const b of billed) {
    if (b.agreementId !== agreement.id || b.kind === 'one_off') continue;
    if (first === null || b.cycle.from < first) first = b.cycle.from;
  }
  if (first !== null) return earlier(period, later(periodOf(first), floor));
  const started = periodOf(agreement.startDate);
  return started === previousPeriod(period) ? later(floor, started) : period;
}

function workInMonths(input: ClientInvoiceInput): Pick<ClientInvoicePlan, 'lines' | 'skipped'> {
  const byMonth = new Map<Period, BillableEntry[]>();
  for (const e of input.entries) {
    const month = periodOf(e.date);
    const list = byMonth.get(month);
    if (list) list.push(e);
    else byMonth.set(month, [e]);
  }
  const known = new Map(input.agreements.map(({ agreement }) => [agreement.id, agreement]));
  const drawn: RecordedDraw[] = [...input.draws];
  const lines: BillingLine[] = [];
  const skipped: WorkResult['skipped'] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const entries = byMonth.get(month)!;
    const on = periodStart(month);
    const blockIds = new Set<string>();
    const retainerIds = new Set<string>();
    for (const e of entries) {
      if (e.outcome.kind === 'block') blockIds.add(e.outcome.agreementId);
      if (e.outcome.kind === 'retainer') retainerIds.add(e.outcome.agreementId);
    }
    // An agreement the client no longer has holds nothing: its work is billed as overage.
    const blocks = [...blockIds].map((id) => {
      const a = known.get(id);
      return a ? blockBalanceOn(a, on, drawn) : { agreementId: id, lots: [] };
    });
    const retainers = [...retainerIds].map((id) => {
      const a = known.get(id);
      return a ? retainerBalanceOn(a, on, input.billed, drawn) : { agreementId: id, balance: 0 };
    });
    const result = billWork({ entries, workTypes: input.workTypes, blocks, retainers });
    for (const line of result.lines) {
      lines.push(line);
      if (line.agreementId && (line.drawnMinutes > 0 || line.drawnAmount > 0)) {
        drawn.push({
          agreementId: line.agreementId,
          date: line.from ?? on,
          minutes: line.drawnMinutes,
          amount: line.drawnAmount,
        });
      }
    }
    skipped.push(...result.skipped);
  }
  return { lines, skipped };
}

/** The lines a run for `input.period` adds to the client's invoice (see the file comment). */
export function planClientInvoice(input: ClientInvoiceInput): ClientInvoicePlan {
  const period = parsePeriod(input.period);
  const reviewFrom: Record<string, Period> = {};
  const lines: BillingLine[] = [];
  for (const { agreement, amendments } of input.agreements) {
    const from = reviewFromOf(agreement, period, input.reviewMonths, input.billed);
    reviewFrom[agreement.id] = from;
    lines.push(
      ...billRecurring({
        agreement,
        amendments,
        period,
        reviewFrom: from,
        counts: input.counts,
        billed: input.billed,
      }),
    );
  }
  const work = workInMonths(input);
  lines.push(...work.lines, ...billCharges(input.charges));
  return { lines, skipped: work.skipped, reviewFrom };
}
