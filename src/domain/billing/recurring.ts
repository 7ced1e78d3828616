/**
 * Recurring billing: what an agreement's run for one month adds to the client's invoice.
 *
 *  1. The cycle due this month (cycles.ts: in advance, the cycle beginning in it; in arrears, the one
 *     ending in it) is billed line by line: each stretch of days with one quantity and price is a
 *     charge with its dates, the quantity snapshotted (entered, or counted at bill time), prorated
 *     by days (proration.ts) when it is not the whole cycle.
 *  2. Every cycle from `reviewFrom` up to the run's (including the one in progress, billed in
 *     advance) is compared with what was billed for it. Where a start, a stop, an amendment or a
 *     termination recorded since has changed what it should have been, one adjustment line per
 *     agreement line and cycle charges or credits the difference — what should have been billed,
 *     given what is known now, less what was — and carries the days that changed.
 *  3. One-off lines in force by then and never billed are billed once.
 *
 * Because every line is computed against what was billed, running the same month again (or after a
 * crash, or a later month) adds only what is still missing: nothing is billed twice or lost. A
 * counted quantity, once billed for a day, stays as billed for that day (a count has no history);
 * one-off lines are never adjusted (a credit note corrects them).
 */
import { addDays } from '../agreements/dates.js';
import type { AgreementLine } from '../agreements/types.js';
import { formatMinor } from '../classification/money.js';
import { minorUnits, quantityMilli } from './checks.js';
import { type CycleSpan, cycleOf, cyclesOverlapping, dueCycle } from './cycles.js';
import { invalid } from './errors.js';
import { divideRounded } from './money.js';
import { dateOfDay, dayNumber, parsePeriod, periodStart } from './periods.js';
import { cycleCharge, monthlyCharge } from './proration.js';
import {
  billedStates,
  differences,
  type ExpectationContext,
  type ExpectedRun,
  expectedBetween,
} from './recurring-state.js';
import type {
  AgreementCharge,
  LineState,
  OneOffCharge,
  PeriodicRole,
  RecurringAdjustment,
  RecurringCharge,
  RecurringInput,
  StateChange,
} from './recurring-types.js';

/** The cycles a run for the period looks at, oldest first; the due one (if any) is among them. */
function cyclesToReview(input: RecurringInput): { cycles: CycleSpan[]; due: CycleSpan | null } {
  const period = parsePeriod(input.period);
  const reviewFrom = parsePeriod(input.reviewFrom, 'reviewFrom');
  if (reviewFrom > period) {
    throw invalid('reviewFrom', 'INVALID_PERIOD', `${reviewFrom} is after the period billed, ${period}`);
  }
  const { cycle, timing } = input.agreement.billing;
  const due = dueCycle(input.agreement.billing, period);
  const holding = cycleOf(cycle, periodStart(period));
  // In advance, the cycle holding the period was billed when it began; in arrears, only ended ones were.
  const last = timing === 'advance' ? holding.to : (due?.to ?? addDays(holding.from, -1));
  const first = cycleOf(cycle, periodStart(reviewFrom)).from;
  return { cycles: last >= first ? cyclesOverlapping(cycle, first, last) : [], due };
}

function amountOf(run: Pick<ExpectedRun, 'from' | 'to' | 'state' | 'role'>, cycle: CycleSpan): number {
  const span = { from: dateOfDay(run.from), to: dateOfDay(run.to) };
  return run.role === 'recurring'
    ? monthlyCharge(run.state.quantity, run.state.unitPrice, span)
    : cycleCharge(run.state.quantity, run.state.unitPrice, span, cycle);
}

const stateText = (s: LineState) => `${s.quantity} × ${formatMinor(s.unitPrice)}`;

function changeText(c: StateChange): string {
  const days = c.from === c.to ? c.from : `${c.from} – ${c.to}`;
  if (c.was === null) return `added ${stateText(c.now!)}, ${days}`;
  if (c.now === null) return `removed ${stateText(c.was)}, ${days}`;
  if (c.was.unitPrice === c.now.unitPrice) return `quantity ${c.was.quantity} → ${c.now.quantity}, ${days}`;
  if (c.was.quantity === c.now.quantity) {
    return `unit price ${formatMinor(c.was.unitPrice)} → ${formatMinor(c.now.unitPrice)}, ${days}`;
  }
  return `${stateText(c.was)} → ${stateText(c.now)}, ${days}`;
}

/** An adjustment reads as a change in quantity at one price when it is one, else as 1 × its amount. */
function adjustmentUnits(changes: readonly StateChange[], amount: number): LineState {
  const [only] = changes;
  if (changes.length === 1 && only) {
    const { was, now } = only;
    if (was === null && now) return now;
    if (now === null && was) return { quantity: -was.quantity, unitPrice: was.unitPrice };
    if (was && now && was.unitPrice === now.unitPrice) {
      return {
        quantity: (quantityMilli(now.quantity, 'quantity') - quantityMilli(was.quantity, 'quantity')) / 1000,
        unitPrice: now.unitPrice,
      };
    }
  }
  return { quantity: 1, unitPrice: amount };
}

/** The charges and credits a run for `input.period` adds for one agreement (see the file comment). */
export function billRecurring(input: RecurringInput): AgreementCharge[] {
  const { agreement } = input;
  const { cycles, due } = cyclesToReview(input);
  const own = input.billed.filter((b) => b.agreementId === agreement.id);
  const ctx: ExpectationContext = {
    agreement,
    amendments: input.amendments,
    counts: input.counts,
    billed: billedStates(own),
  };
  const taxable = (lineId: string) => input.taxable?.[lineId] ?? true;
  const descriptions = new Map<string, string>();
  for (const b of own) if (b.kind === 'recurring') descriptions.set(b.lineId, b.description);

  const out: AgreementCharge[] = [];
  const oneOffs = new Map<string, { day: number; line: AgreementLine }>();
  for (const cycle of cycles) {
    const from = dayNumber(cycle.from);
    const to = dayNumber(cycle.to);
    const expected = expectedBetween(ctx, from, to);
    for (const [id, first] of expected.oneOffs) if (!oneOffs.has(id)) oneOffs.set(id, first);
    // A cycle holds what was billed for any cycle that began in it: months nest in quarters and
    // years, so after a change of billing cycle nothing already billed is billed again.
    const inCycle = own.filter(
      (b): b is RecurringCharge | RecurringAdjustment =>
        b.kind !== 'one_off' && b.cycle.from >= cycle.from && b.cycle.from <= cycle.to,
    );
    const lineIds = new Set([...expected.runs.keys(), ...inCycle.map((b) => b.lineId)]);
    for (const lineId of lineIds) {
      const runs = expected.runs.get(lineId) ?? [];
      const previous = inCycle.filter((b) => b.lineId === lineId);
      for (const r of runs) descriptions.set(lineId, r.line.description);
      if (due !== null && cycle.from === due.from && previous.length === 0) {
        for (const run of runs) out.push(charge(agreement.id, run, cycle, taxable(lineId)));
        continue;
      }
      const shouldBe = runs.reduce((sum, run) => sum + amountOf(run, cycle), 0);
      const was = previous.reduce((sum, b) => sum + b.amount, 0);
      const changes: StateChange[] = differences(ctx.billed.get(lineId) ?? [], runs, from, to).map((d) => ({
        from: dateOfDay(d.from),
        to: dateOfDay(d.to),
        was: d.was,
        now: d.now,
      }));
      if (changes.length === 0 && shouldBe === was) continue;
      const amount = shouldBe - was;
      const role: PeriodicRole = runs[0]?.role ?? previous[0]!.role;
      const sequence = previous.filter((b) => b.kind === 'adjustment').length + 1;
      const what = changes.length ? changes.map(changeText).join('; ') : 'correction';
      out.push({
        kind: 'adjustment',
        key: `adjustment:${agreement.id}:${lineId}:${cycle.from}:${sequence}`,
        agreementId: agreement.id,
        lineId,
        role,
        description: `${descriptions.get(lineId) ?? lineId} — adjustment for ${cycle.from} – ${cycle.to}: ${what}`,
        ...adjustmentUnits(changes, amount),
        amount,
        cycle,
        sequence,
        from: changes[0]?.from ?? cycle.from,
        to: changes.at(-1)?.to ?? cycle.to,
        changes,
        taxable: taxable(lineId),
      });
    }
  }
  for (const [lineId, { day, line }] of oneOffs) {
    if (own.some((b) => b.kind === 'one_off' && b.lineId === lineId)) continue;
    out.push(oneOff(agreement.id, line, dateOfDay(day), ctx, taxable(lineId)));
  }
  return out;
}

function charge(agreementId: string, run: ExpectedRun, cycle: CycleSpan, taxable: boolean): RecurringCharge {
  const from = dateOfDay(run.from);
  const to = dateOfDay(run.to);
  return {
    kind: 'recurring',
    key: `recurring:${agreementId}:${run.line.id}:${from}`,
    agreementId,
    lineId: run.line.id,
    role: run.role,
    description: run.line.description,
    quantity: run.state.quantity,
    quantitySource: run.line.quantitySource,
    unitPrice: run.state.unitPrice,
    amount: amountOf(run, cycle),
    cycle,
    from,
    to,
    prorated: from !== cycle.from || to !== cycle.to,
    taxable,
  };
}

function oneOff(
  agreementId: string,
  line: AgreementLine,
  on: string,
  ctx: ExpectationContext,
  taxable: boolean,
): OneOffCharge {
  const quantity =
    line.quantitySource === 'entered' ? line.quantity : (ctx.counts[line.quantitySource] ?? line.quantity);
  const milli = quantityMilli(quantity, `lines.${line.id}.quantity`);
  const price = minorUnits(line.unitPrice, `lines.${line.id}.unitPrice`, true);
  const amount = divideRounded(BigInt(milli) * BigInt(price), 1000n);
  return {
    kind: 'one_off',
    key: `one_off:${agreementId}:${line.id}`,
    agreementId,
    lineId: line.id,
    description: line.description,
    quantity,
    unitPrice: line.unitPrice,
    amount,
    from: on,
    to: on,
    taxable,
  };
}
