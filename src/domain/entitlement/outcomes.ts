/**
 * Builders of each outcome from the facts of one unit of work: the arithmetic of drawing a block or
 * a retainer, pricing out-of-scope and time & materials work, and the sentence that explains it.
 */
import { afterHoursMinutes, type Calendar } from './business-hours.js';
import { invalid } from './errors.js';
import { agreementHourlyRate, amountFor, checkedRate, defaultRate, multiplierMilli } from './rates.js';
import type { Scoped } from './scope.js';
import type {
  BlockOutcome,
  CoveredOutcome,
  EntitlementContext,
  InternalOutcome,
  OutOfScopeOutcome,
  RetainerOutcome,
  RuleCode,
  TimeMaterialsOutcome,
  WorkTypeRate,
  WorkUnit,
} from './types.js';

export type Facts = {
  work: WorkUnit;
  context: EntitlementContext;
  workType: WorkTypeRate;
  calendar: Calendar;
  /** Epoch minutes. */
  from: number;
  to: number;
  minutes: number;
  afterHoursMinutes: number;
  startDate: string;
  /** This client's deciding agreements in force on startDate, earliest start (then id) first. */
  agreements: Scoped[];
  /** Said about the hint or skipped agreements; appended to the deciding rule's explanation. */
  notes: string[];
};

export const label = (s: Scoped) => `${kindName[s.kind]} '${s.agreement.name}' (${s.agreement.id})`;
const kindName = {
  managed: 'managed agreement',
  block_hours: 'block',
  retainer: 'retainer',
  time_materials: 'time & materials agreement',
};
export const workName = (f: Facts) => `${f.work.category ?? 'uncategorised'} / ${f.work.workType}`;

const hinted = (code: RuleCode) => (code === 'HINTED_AGREEMENT' ? 'Hinted and in force: ' : '');

function base(f: Facts, billableAmount: number, code: RuleCode, explanation: string) {
  return {
    minutes: f.minutes,
    afterHours: f.afterHoursMinutes > 0,
    afterHoursMinutes: f.afterHoursMinutes,
    billableAmount,
    rule: { code, explanation: explanation.charAt(0).toUpperCase() + explanation.slice(1) },
  };
}

function priced(rate: number, minutes: number, afterHours: number, multiplier: number): string {
  const extra =
    afterHours > 0 && multiplier !== 1 ? `, ${afterHours} of them after hours ×${multiplier}` : '';
  return `${minutes} min at ${rate}/h${extra}`;
}

function multiplierOf(s: Scoped): [number, number] {
  const milli = multiplierMilli(
    s.agreement.afterHoursMultiplier,
    `agreements.${s.agreement.id}.afterHoursMultiplier`,
  );
  return [milli / 1000, milli];
}

/** A balance as given, floored and never below zero; a missing one is 0. */
function balanceOf(
  balances: Readonly<Record<string, number>> | undefined,
  id: string,
  field: string,
): number {
  const raw = balances?.[id];
  if (raw === undefined) return 0;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    throw invalid(`${field}.${id}`, 'INVALID_BALANCE', `expected a finite number, got ${raw}`);
  }
  return Math.max(0, Math.floor(raw));
}

export function internal(f: Facts, code: RuleCode, explanation: string): InternalOutcome {
  return { kind: 'internal', ...base(f, 0, code, explanation) };
}

export function covered(f: Facts, s: Scoped, code: RuleCode): CoveredOutcome {
  return {
    kind: 'covered',
    agreementId: s.agreement.id,
    ...base(f, 0, code, `${hinted(code)}${label(s)} covers ${workName(f)}; nothing to bill.`),
  };
}

/** Draws the first minutes of the work from the balance; the rest is overage at the overage rate. */
export function block(f: Facts, s: Scoped, code: RuleCode): BlockOutcome {
  const id = s.agreement.id;
  const balance = balanceOf(f.context.blockBalances, id, 'blockBalances');
  const drawn = Math.min(balance, f.minutes);
  const overage = f.minutes - drawn;
  const overageAfterHours = overage > 0 ? afterHoursMinutes(f.calendar, f.from + drawn, f.to) : 0;
  const rate = s.agreement.blockHours
    ? checkedRate(s.agreement.blockHours.overageRate, `agreements.${id}.blockHours.overageRate`)
    : defaultRate(f.workType);
  const [multiplier, milli] = multiplierOf(s);
  const over = overage > 0 ? `; overage ${priced(rate, overage, overageAfterHours, multiplier)}` : '';
  return {
    kind: 'block',
    agreementId: id,
    minutesDrawn: drawn,
    overageMinutes: overage,
    overageRate: rate,
    afterHoursMultiplier: multiplier,
    balanceAfter: balance - drawn,
    ...base(
      f,
      amountFor(rate, overage, overageAfterHours, milli),
      code,
      `${hinted(code)}drew ${drawn} of ${f.minutes} min from ${label(s)} (balance ${balance} → ${balance - drawn} min)${over}.`,
    ),
  };
}

/** Draws the work's value from the retainer; null when the retainer has no money left. */
export function retainer(f: Facts, s: Scoped, code: RuleCode): RetainerOutcome | null {
  const id = s.agreement.id;
  const balance = balanceOf(f.context.retainerBalances, id, 'retainerBalances');
  if (balance <= 0) return null;
  const rate = agreementHourlyRate(s.agreement, f.workType);
  const [multiplier, milli] = multiplierOf(s);
  const value = amountFor(rate, f.minutes, f.afterHoursMinutes, milli);
  const drawn = Math.min(balance, value);
  const shortfall = value - drawn;
  const short = shortfall > 0 ? `; shortfall ${shortfall} billed` : '';
  return {
    kind: 'retainer',
    agreementId: id,
    rate,
    afterHoursMultiplier: multiplier,
    amountDrawn: drawn,
    shortfall,
    balanceAfter: balance - drawn,
    ...base(
      f,
      shortfall,
      code,
      `${hinted(code)}drew ${drawn} of ${value} (${priced(rate, f.minutes, f.afterHoursMinutes, multiplier)}) from ${label(s)} (balance ${balance} → ${balance - drawn})${short}.`,
    ),
  };
}

export function outOfScope(
  f: Facts,
  s: Scoped,
  rate: number,
  reason: OutOfScopeOutcome['reason'],
  code: RuleCode,
  why: string,
): OutOfScopeOutcome {
  const [multiplier, milli] = multiplierOf(s);
  return {
    kind: 'out_of_scope',
    agreementId: s.agreement.id,
    rate,
    afterHoursMultiplier: multiplier,
    reason,
    ...base(
      f,
      amountFor(rate, f.minutes, f.afterHoursMinutes, milli),
      code,
      `${why}; billable ${priced(rate, f.minutes, f.afterHoursMinutes, multiplier)}.`,
    ),
  };
}

export function timeMaterials(f: Facts, s: Scoped, code: RuleCode): TimeMaterialsOutcome {
  const rate = agreementHourlyRate(s.agreement, f.workType);
  const [multiplier, milli] = multiplierOf(s);
  return {
    kind: 'time_materials',
    agreementId: s.agreement.id,
    rate,
    afterHoursMultiplier: multiplier,
    ...base(
      f,
      amountFor(rate, f.minutes, f.afterHoursMinutes, milli),
      code,
      `${hinted(code)}${label(s)} bills ${workName(f)}: ${priced(rate, f.minutes, f.afterHoursMinutes, multiplier)}.`,
    ),
  };
}

export function breakFix(f: Facts, code: RuleCode): TimeMaterialsOutcome {
  const rate = defaultRate(f.workType);
  const milli = multiplierMilli(f.context.breakFixAfterHoursMultiplier ?? 1, 'breakFixAfterHoursMultiplier');
  const multiplier = milli / 1000;
  const none = f.agreements.length === 0 ? 'No agreement in force' : 'No agreement in force covers this work';
  return {
    kind: 'time_materials',
    agreementId: null,
    rate,
    afterHoursMultiplier: multiplier,
    ...base(
      f,
      amountFor(rate, f.minutes, f.afterHoursMinutes, milli),
      code,
      `${none} on ${f.startDate}: break-fix ${workName(f)} at the work type's rate, ${priced(rate, f.minutes, f.afterHoursMinutes, multiplier)}.`,
    ),
  };
}
