/**
 * Day-by-day states of an agreement's periodic lines, kept as stretches of days with one state: what
 * was billed (from the charges already on invoices) and what should be (from the agreement and its
 * amendments as known now). Days are day numbers (periods.ts), both ends included.
 */
import type { Amendment } from '../agreements/amendments.js';
import { agreementOn } from '../agreements/amendments.js';
import type { Agreement, AgreementLine } from '../agreements/types.js';
import { quantityMilli } from './checks.js';
import { invalid } from './errors.js';
import { roledLines } from './line-roles.js';
import { dateOfDay, dayNumber } from './periods.js';
import type { AgreementCharge, LineState, PeriodicRole, QuantityCounts } from './recurring-types.js';

export type Stretch = { from: number; to: number; state: LineState };
export type ExpectedRun = Stretch & { line: AgreementLine; role: PeriodicRole };

export const sameState = (a: LineState | null, b: LineState | null): boolean =>
  a === b || (a !== null && b !== null && a.quantity === b.quantity && a.unitPrice === b.unitPrice);

/** The stretches with days from–to set to `state` (null: nothing billed). */
function paint(stretches: readonly Stretch[], from: number, to: number, state: LineState | null): Stretch[] {
  const out: Stretch[] = [];
  for (const s of stretches) {
    if (s.to < from || s.from > to) out.push(s);
    else {
      if (s.from < from) out.push({ ...s, to: from - 1 });
      if (s.to > to) out.push({ ...s, from: to + 1 });
    }
  }
  if (state) out.push({ from, to, state });
  return out.sort((a, b) => a.from - b.from);
}

export function stateAt(stretches: readonly Stretch[] | undefined, day: number): LineState | null {
  for (const s of stretches ?? []) if (s.from <= day && day <= s.to) return s.state;
  return null;
}

/**
 * What was billed for each line, day by day: each recurring charge sets its days, then each
 * adjustment — in its cycle's order, by sequence — sets the days it changed to their new state.
 */
export function billedStates(billed: readonly AgreementCharge[]): Map<string, Stretch[]> {
  const charges = billed.filter((b) => b.kind === 'recurring');
  const adjustments = billed
    .filter((b) => b.kind === 'adjustment')
    .sort((a, b) =>
      a.cycle.from === b.cycle.from ? a.sequence - b.sequence : a.cycle.from < b.cycle.from ? -1 : 1,
    );
  const out = new Map<string, Stretch[]>();
  for (const c of charges) {
    const state = { quantity: c.quantity, unitPrice: c.unitPrice };
    out.set(c.lineId, paint(out.get(c.lineId) ?? [], dayNumber(c.from), dayNumber(c.to), state));
  }
  for (const a of adjustments) {
    for (const change of a.changes) {
      const painted = paint(
        out.get(a.lineId) ?? [],
        dayNumber(change.from),
        dayNumber(change.to),
        change.now,
      );
      out.set(a.lineId, painted);
    }
  }
  return out;
}

export type ExpectationContext = {
  agreement: Agreement;
  amendments: readonly Amendment[];
  counts: QuantityCounts;
  billed: Map<string, Stretch[]>;
};

function counted(counts: QuantityCounts, line: AgreementLine): number {
  const source = line.quantitySource as keyof QuantityCounts;
  const value = counts[source];
  if (value === undefined || value === null) {
    throw invalid(
      `counts.${source}`,
      'MISSING_COUNT',
      `line '${line.description}' is counted by ${source}, and no count was given`,
    );
  }
  quantityMilli(value, `counts.${source}`);
  return value;
}

/**
 * What should be billed in the days from–to, as known now: the agreement is in force from its start
 * to its end date (any status but draft — a suspension pauses service, not the fee); each day's lines
 * are the signed ones with the amendments in force that day. An entered quantity is the line's; a
 * counted one is the quantity billed for that day if any (a count is a snapshot, not history), else
 * today's count. Also returns the first day in force of each one-off line.
 */
export function expectedBetween(ctx: ExpectationContext, from: number, to: number) {
  const { agreement, amendments } = ctx;
  const start = dayNumber(agreement.startDate);
  const end = agreement.endDate === null ? null : dayNumber(agreement.endDate);
  const cuts = new Set<number>([from]);
  const cut = (day: number) => {
    if (day > from && day <= to) cuts.add(day);
  };
  cut(start);
  if (end !== null) cut(end + 1);
  for (const a of amendments) cut(dayNumber(a.effectiveOn));
  for (const stretches of ctx.billed.values()) {
    for (const s of stretches) {
      cut(s.from);
      cut(s.to + 1);
    }
  }
  const starts = [...cuts].sort((a, b) => a - b);

  const runs = new Map<string, ExpectedRun[]>();
  const oneOffs = new Map<string, { day: number; line: AgreementLine }>();
  if (agreement.status === 'draft') return { runs, oneOffs };
  for (const [i, s] of starts.entries()) {
    const e = (starts[i + 1] ?? to + 1) - 1;
    if (s < start || (end !== null && s > end)) continue;
    const lines = roledLines(agreement, agreementOn(agreement, amendments, dateOfDay(s)).lines);
    for (const { line, role } of lines) {
      if (role === 'hourly_rate') continue;
      if (role === 'one_off') {
        if (!oneOffs.has(line.id)) oneOffs.set(line.id, { day: s, line });
        continue;
      }
      const quantity =
        line.quantitySource === 'entered'
          ? line.quantity
          : (stateAt(ctx.billed.get(line.id), s)?.quantity ?? counted(ctx.counts, line));
      const state = { quantity, unitPrice: line.unitPrice };
      const list = runs.get(line.id) ?? [];
      const last = list.at(-1);
      if (last && last.to === s - 1 && sameState(last.state, state)) last.to = e;
      else list.push({ from: s, to: e, state, line, role });
      runs.set(line.id, list);
    }
  }
  return { runs, oneOffs };
}

/** The stretches of from–to where the billed state and the expected one differ, with both states. */
export function differences(
  billed: readonly Stretch[],
  expected: readonly Stretch[],
  from: number,
  to: number,
): { from: number; to: number; was: LineState | null; now: LineState | null }[] {
  const cuts = new Set<number>([from]);
  for (const s of [...billed, ...expected]) {
    if (s.from > from && s.from <= to) cuts.add(s.from);
    if (s.to + 1 > from && s.to + 1 <= to) cuts.add(s.to + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  const out: { from: number; to: number; was: LineState | null; now: LineState | null }[] = [];
  for (const [i, s] of starts.entries()) {
    const e = (starts[i + 1] ?? to + 1) - 1;
    const was = stateAt(billed, s);
    const now = stateAt(expected, s);
    if (sameState(was, now)) continue;
    const last = out.at(-1);
    if (last && last.to === s - 1 && sameState(last.was, was) && sameState(last.now, now)) last.to = e;
    else out.push({ from: s, to: e, was, now });
  }
  return out;
}
