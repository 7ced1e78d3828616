/**
 * Rates and money. A billable amount is rate × minutes / 60, with after-hours minutes weighted by the
 * agreement's after-hours multiplier, computed exactly in integers and rounded once, half-up (away
 * from zero; amounts are never negative) to the minor unit: 0.5 cent → 1 cent. Multipliers count to
 * three decimals (1.5, 1.25, 1.333). Rates must be non-negative integers (minor units per hour).
 */
import { invalid } from './errors.js';
import type { EntitlementAgreement, WorkTypeRate } from './types.js';

/** A rate checked as a non-negative safe integer; `field` names it in the validation error. */
export function checkedRate(rate: number, field: string): number {
  if (!Number.isSafeInteger(rate) || rate < 0) {
    throw invalid(field, 'INVALID_RATE', `expected a whole, non-negative rate in minor units, got ${rate}`);
  }
  return rate;
}

/** A multiplier in thousandths (1.5 → 1500). */
export function multiplierMilli(multiplier: number, field: string): number {
  if (!Number.isFinite(multiplier) || multiplier < 0 || multiplier > 100) {
    throw invalid(field, 'INVALID_MULTIPLIER', `expected a multiplier between 0 and 100, got ${multiplier}`);
  }
  return Math.round(multiplier * 1000);
}

/** n / d rounded half-up, for integers n ≥ 0 and d > 0. */
export function divideHalfUp(n: number, d: number): number {
  if (Number.isSafeInteger(n) && Number.isSafeInteger(2 * n + d)) {
    const r = n % d;
    return (n - r) / d + (2 * r >= d ? 1 : 0);
  }
  const big = BigInt(n);
  const bd = BigInt(d);
  return Number((2n * big + bd) / (2n * bd));
}

/**
 * Amount in minor units for `minutes` of work at `rate` per hour, of which `afterHours` minutes are
 * weighted by the multiplier given in thousandths.
 */
export function amountFor(rate: number, minutes: number, afterHours: number, milli: number): number {
  const weight = (minutes - afterHours) * 1000 + afterHours * milli; // thousandths of minutes
  const n = rate * weight;
  if (Number.isSafeInteger(n)) return divideHalfUp(n, 60_000);
  const big = BigInt(rate) * BigInt(weight);
  return Number((2n * big + 60_000n) / 120_000n);
}

/**
 * Hourly rate of time & materials and retainer work: the agreement's `hourlyRate` when given, else
 * the unit price of its first non-recurring line, else the work type's default rate.
 */
export function agreementHourlyRate(agreement: EntitlementAgreement, workType: WorkTypeRate): number {
  if (agreement.hourlyRate !== undefined && agreement.hourlyRate !== null) {
    return checkedRate(agreement.hourlyRate, `agreements.${agreement.id}.hourlyRate`);
  }
  const index = agreement.lines.findIndex((l) => !l.recurring);
  if (index >= 0) {
    return checkedRate(
      agreement.lines[index]!.unitPrice,
      `agreements.${agreement.id}.lines[${index}].unitPrice`,
    );
  }
  return defaultRate(workType);
}

export function defaultRate(workType: WorkTypeRate): number {
  return checkedRate(workType.defaultRate, `workTypes.${workType.code}.defaultRate`);
}
