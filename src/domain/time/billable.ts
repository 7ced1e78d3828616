/**
 * Whether a time entry adds to an invoice, at what rate and for how much, from its entitlement
 * outcome and an optional override by a person (who must give a reason; the service checks that).
 *
 * Entitlement decides "billable" when the work is billed as it is done (time & materials, out of
 * scope) or when part of it overflows a prepaid agreement (block overage, retainer shortfall): a
 * minute that bills anything must reach an invoice, so the overflow makes the entry billable.
 *
 * Overriding to billable bills every minute of the entry: at the rate the outcome already priced
 * (an overage rate for a block), else at the work type's default rate; after-hours minutes take the
 * outcome's multiplier when it has one, else none. Overriding to non-billable bills nothing. Money is
 * entitlement's (src/domain/entitlement/rates.ts): rate × minutes / 60, rounded half-up once.
 */
import { amountFor, multiplierMilli } from '../entitlement/rates.js';
import { billedAsDone, type EntitlementOutcome } from '../entitlement/types.js';

export type EntryBilling = {
  /** What entitlement decided. */
  decided: boolean;
  /** What stands: the override when there is one, else the decision. */
  billable: boolean;
  /** Minor units per hour; null when the outcome prices no time and nothing is billed. */
  rate: number | null;
  /** Applied to after-hours minutes, e.g. 1.5. */
  afterHoursMultiplier: number;
  /** Minor units to invoice; 0 when not billable. */
  amount: number;
};

export const decidedBillable = (outcome: EntitlementOutcome): boolean =>
  billedAsDone(outcome.kind) || outcome.billableAmount > 0;

/** The rate an outcome priced time at, if any. */
export function pricedRate(outcome: EntitlementOutcome): number | null {
  if (outcome.kind === 'block') return outcome.overageRate;
  if ('rate' in outcome) return outcome.rate;
  return null;
}

function multiplierOf(outcome: EntitlementOutcome): number {
  return 'afterHoursMultiplier' in outcome ? outcome.afterHoursMultiplier : 1;
}

/**
 * @param override true/false when a person overrode the decision; null when not.
 * @param workTypeRate the work type's default rate, minor units per hour.
 */
export function entryBilling(
  outcome: EntitlementOutcome,
  override: boolean | null,
  workTypeRate: number,
): EntryBilling {
  const decided = decidedBillable(outcome);
  const priced = pricedRate(outcome);
  const multiplier = multiplierOf(outcome);
  if (override === null || override === decided) {
    return {
      decided,
      billable: decided,
      rate: priced,
      afterHoursMultiplier: multiplier,
      amount: decided ? outcome.billableAmount : 0,
    };
  }
  if (!override)
    return { decided, billable: false, rate: priced, afterHoursMultiplier: multiplier, amount: 0 };
  const rate = priced ?? workTypeRate;
  const milli = multiplierMilli(multiplier, 'afterHoursMultiplier');
  return {
    decided,
    billable: true,
    rate,
    afterHoursMultiplier: milli / 1000,
    amount: amountFor(rate, outcome.minutes, outcome.afterHoursMinutes, milli),
  };
}
