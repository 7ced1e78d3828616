/**
 * Checks of single input values shared by every billing rule; each throws BillingValidationError
 * naming the field, so a route can answer 400 with it.
 */
import { isIsoDate } from '../agreements/dates.js';
import { invalid } from './errors.js';

/** A whole number of minor units; negative only when `signed`. */
export function minorUnits(value: number, field: string, signed = false): number {
  if (!Number.isSafeInteger(value) || (!signed && value < 0)) {
    const what = signed ? 'a whole number' : 'a whole, non-negative number';
    throw invalid(field, 'INVALID_AMOUNT', `expected ${what} of minor units, got ${value}`);
  }
  return value;
}

/** A rate in minor units per hour. */
export function hourlyRate(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(field, 'INVALID_RATE', `expected a whole, non-negative rate in minor units, got ${value}`);
  }
  return value;
}

/** Basis points: 0–10,000 (0 %–100 %). */
export function basisPoints(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) {
    throw invalid(field, 'INVALID_BASIS_POINTS', `expected whole basis points from 0 to 10000, got ${value}`);
  }
  return value;
}

export function wholeMinutes(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(field, 'INVALID_MINUTES', `expected a whole, non-negative number of minutes, got ${value}`);
  }
  return value;
}

export function calendarDate(value: string, field: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw invalid(
      field,
      'INVALID_DATE',
      `expected a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * A quantity in thousandths (2.5 users → 2500): quantities are kept exact, so one finer than a
 * thousandth, negative or not finite is refused rather than silently rounded.
 */
export function quantityMilli(value: number, field: string): number {
  const milli = Math.round(value * 1000);
  if (
    !Number.isFinite(value) ||
    value < 0 ||
    !Number.isSafeInteger(milli) ||
    Math.abs(value * 1000 - milli) > 1e-6
  ) {
    throw invalid(
      field,
      'INVALID_QUANTITY',
      `expected a non-negative quantity to at most 3 decimals, got ${value}`,
    );
  }
  return milli;
}
