/**
 * Work billed in arrears: approved time entries, each with the entitlement outcome decided for it,
 * become invoice lines. For each entry, in this order:
 *  1. Rounding: the worked minutes are rounded up to the work type's increment (7 min → 15).
 *  2. Minimum charge: then raised to the work type's minimum (on site 20 min → 30 → 60). An entry of
 *     0 minutes stays 0: a minimum charges for a visit, not for nothing.
 *  3. After hours: the billed minutes keep the worked after-hours minutes; the minutes added by 1–2
 *     are after hours only when all the work was (they extend the work, which was out of hours).
 *  4. Drawing, in start order (then entry id) across all entries given: a block gives up billed
 *     minutes from its oldest lot (block-ledger.ts), the rest is overage; a retainer gives up the
 *     work's value in money, the rest is billed. Of an overage, the after-hours share is the entry's
 *     (overage × after-hours / billed minutes, rounded half up).
 *  5. Money: rate × minutes / 60 with after-hours minutes × the multiplier, rounded half up once per
 *     entry (entitlement's amountFor). The rate and multiplier are entitlement's: the overage rate of
 *     a block, the retainer's or agreement's rate, the out-of-scope rate, the work type's for
 *     break-fix. Balances are recomputed here, as the run sees every entry of the period in order and
 *     the rolled-over hours, rather than taken from the balance the outcome saw when it was decided.
 *
 * Covered work is priced at zero, a line per entry like all work (work-groups.ts then adds them up per
 * ticket or task for the invoice): the invoice accounts for every approved entry of the client exactly
 * once (the billing module claims each entry once), the client sees
 * what the agreement delivered, and work wrongly taken as covered shows on the draft instead of
 * vanishing. Internal work is not a client's and is left off (`skipped`).
 *
 * A person's override (src/domain/time/billable.ts) that differs from the decision wins: overridden
 * to non-billable, the entry bills nothing and draws nothing; overridden to billable, every billed
 * minute bills at the rate the outcome priced (else the work type's default), drawing nothing.
 */
import { amountFor, multiplierMilli } from '../entitlement/rates.js';
import type { EntitlementOutcome } from '../entitlement/types.js';
import { decidedBillable, pricedRate } from '../time/index.js';
import { drawFromLots } from './block-ledger.js';
import { calendarDate, hourlyRate, minorUnits, wholeMinutes } from './checks.js';
import { invalid } from './errors.js';
import { divideRounded } from './money.js';
import type { BillableEntry, WorkInput, WorkLine, WorkResult, WorkTypeBilling } from './work-types.js';

/** Steps 1–2: worked minutes rounded up to the increment, then raised to the minimum. */
export function roundedMinutes(
  worked: number,
  rule: Pick<WorkTypeBilling, 'incrementMinutes' | 'minimumMinutes'>,
): number {
  if (worked === 0) return 0;
  const step = Math.max(1, rule.incrementMinutes);
  return Math.max(Math.ceil(worked / step) * step, rule.minimumMinutes);
}

/** Step 3: the after-hours part of the billed minutes. */
export const billedAfterHours = (worked: number, afterHours: number, billed: number): number =>
  worked > 0 && afterHours === worked ? billed : afterHours;

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function checkRules(workTypes: readonly WorkTypeBilling[]): Map<string, WorkTypeBilling> {
  const byCode = new Map<string, WorkTypeBilling>();
  for (const [i, t] of workTypes.entries()) {
    hourlyRate(t.defaultRate, `workTypes[${i}].defaultRate`);
    wholeMinutes(t.incrementMinutes, `workTypes[${i}].incrementMinutes`);
    wholeMinutes(t.minimumMinutes, `workTypes[${i}].minimumMinutes`);
    byCode.set(t.code, t);
  }
  return byCode;
}

function checkEntry(e: BillableEntry, i: number): void {
  calendarDate(e.date, `entries[${i}].date`);
  wholeMinutes(e.outcome.minutes, `entries[${i}].outcome.minutes`);
  wholeMinutes(e.outcome.afterHoursMinutes, `entries[${i}].outcome.afterHoursMinutes`);
  if (e.outcome.afterHoursMinutes > e.outcome.minutes) {
    throw invalid(
      `entries[${i}].outcome.afterHoursMinutes`,
      'INVALID_MINUTES',
      'more after-hours minutes than minutes',
    );
  }
}

const agreementOf = (o: EntitlementOutcome): string | null => ('agreementId' in o ? o.agreementId : null);
const multiplierOf = (o: EntitlementOutcome): number =>
  'afterHoursMultiplier' in o ? o.afterHoursMultiplier : 1;

/** Bills approved entries (see the file comment); throws BillingValidationError for malformed input. */
export function billWork(input: WorkInput): WorkResult {
  const rules = checkRules(input.workTypes);
  const taxable = input.taxable ?? true;
  const blocks = new Map(input.blocks.map((b) => [b.agreementId, { ...b, lots: [...b.lots] }]));
  const retainers = new Map(
    input.retainers.map((r, i) => [
      r.agreementId,
      { ...r, balance: minorUnits(r.balance, `retainers[${i}].balance`) },
    ]),
  );
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    checkEntry(e, i);
    if (seen.has(e.id)) throw invalid(`entries[${i}].id`, 'DUPLICATE', `entry ${e.id} is given twice`);
    seen.add(e.id);
  });
  const ordered = [...input.entries].sort((a, b) =>
    a.start === b.start ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.start < b.start ? -1 : 1,
  );

  const lines: WorkLine[] = [];
  const skipped: WorkResult['skipped'] = [];
  for (const entry of ordered) {
    const { outcome } = entry;
    const rule = rules.get(entry.workType);
    if (!rule)
      throw invalid(
        `entries.${entry.id}.workType`,
        'UNKNOWN_WORK_TYPE',
        `no billing rule for work type '${entry.workType}'`,
      );
    const worked = outcome.minutes;
    const billed = roundedMinutes(worked, rule);
    const afterHours = billedAfterHours(worked, outcome.afterHoursMinutes, billed);
    const decided = decidedBillable(outcome);
    const override = entry.billableOverride;
    const line = (fields: Partial<WorkLine> & Pick<WorkLine, 'amount' | 'note'>): WorkLine => ({
      kind: 'work',
      key: `work:${entry.id}`,
      description: `${entry.workType}: ${entry.description}`,
      quantity: hours(fields.billedMinutes ?? billed),
      unitPrice: fields.rate ?? 0,
      from: entry.date,
      to: entry.date,
      taxable,
      entryId: entry.id,
      agreementId: agreementOf(outcome),
      outcomeKind: outcome.kind,
      ruleCode: outcome.rule.code,
      workType: entry.workType,
      workedMinutes: worked,
      billedMinutes: billed,
      afterHoursMinutes: afterHours,
      afterHoursMultiplier: multiplierOf(outcome),
      rate: null,
      drawnMinutes: 0,
      drawnAmount: 0,
      overageMinutes: 0,
      ...fields,
    });
    const priced = (rate: number, minutes: number, after: number) =>
      amountFor(
        rate,
        minutes,
        after,
        multiplierMilli(multiplierOf(outcome), `entries.${entry.id}.afterHoursMultiplier`),
      );

    if (outcome.kind === 'internal' && override !== true) {
      skipped.push({ entryId: entry.id, reason: `internal work: ${outcome.rule.explanation}` });
      continue;
    }
    if (override !== null && override !== decided) {
      if (!override) {
        lines.push(
          line({
            amount: 0,
            billedMinutes: 0,
            afterHoursMinutes: 0,
            quantity: hours(worked),
            note: 'Not billed: overridden to non-billable.',
          }),
        );
        continue;
      }
      const rate = hourlyRate(pricedRate(outcome) ?? rule.defaultRate, `entries.${entry.id}.rate`);
      const amount = priced(rate, billed, afterHours);
      lines.push(line({ amount, rate, note: `Billed by override: ${billed} min at ${rate}/h.` }));
      continue;
    }
    switch (outcome.kind) {
      case 'covered':
        lines.push(
          line({
            amount: 0,
            billedMinutes: worked,
            afterHoursMinutes: outcome.afterHoursMinutes,
            quantity: hours(worked),
            note: outcome.rule.explanation,
          }),
        );
        break;
      case 'block': {
        const block = blocks.get(outcome.agreementId);
        if (!block)
          throw invalid(
            `blocks.${outcome.agreementId}`,
            'MISSING_LEDGER',
            `entry ${entry.id} draws from block ${outcome.agreementId}, whose balance was not given`,
          );
        const left = block.lots.reduce((s, l) => s + l.minutes, 0);
        const draw = drawFromLots(block.lots, billed);
        block.lots = draw.lots;
        const overage = billed - draw.drawn;
        const overageAfterHours = billed === 0 ? 0 : divideRounded(overage * afterHours, billed);
        const rate = hourlyRate(outcome.overageRate, `entries.${entry.id}.overageRate`);
        const amount = priced(rate, overage, overageAfterHours);
        const over = overage > 0 ? `; overage ${overage} min at ${rate}/h` : '';
        lines.push(
          line({
            amount,
            rate,
            drawnMinutes: draw.drawn,
            overageMinutes: overage,
            note: `Drew ${draw.drawn} of ${billed} min from the block (${left} → ${left - draw.drawn} min left)${over}.`,
          }),
        );
        break;
      }
      case 'retainer': {
        const retainer = retainers.get(outcome.agreementId);
        if (!retainer)
          throw invalid(
            `retainers.${outcome.agreementId}`,
            'MISSING_LEDGER',
            `entry ${entry.id} draws from retainer ${outcome.agreementId}, whose balance was not given`,
          );
        const rate = hourlyRate(outcome.rate, `entries.${entry.id}.rate`);
        const value = priced(rate, billed, afterHours);
        const drawn = Math.min(retainer.balance, value);
        retainer.balance -= drawn;
        const shortfall = value - drawn;
        const short = shortfall > 0 ? `; ${shortfall} beyond the balance billed` : '';
        lines.push(
          line({
            amount: shortfall,
            rate,
            drawnAmount: drawn,
            note: `Drew ${drawn} of ${value} from the retainer (${retainer.balance} left)${short}.`,
          }),
        );
        break;
      }
      case 'out_of_scope':
      case 'time_materials': {
        const rate = hourlyRate(outcome.rate, `entries.${entry.id}.rate`);
        lines.push(line({ amount: priced(rate, billed, afterHours), rate, note: outcome.rule.explanation }));
        break;
      }
      case 'internal':
        // Reached only when overridden to billable while entitlement also said billable: cannot happen.
        break;
    }
  }
  return { lines, blocks: [...blocks.values()], retainers: [...retainers.values()], skipped };
}
