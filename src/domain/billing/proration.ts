/**
 * Proration by days. A charge for part of a period is price × days / days in the period, computed
 * exactly and rounded once, half away from zero, to the minor unit (money.ts). Monthly prices over a
 * span that crosses months are summed month by month as exact fractions (17 days of March are
 * 17/31 of a month, 10 days of April 10/30) before that one rounding. Rounding each part on its own
 * can leave the parts of a whole a cent apart from it (two halves of an odd cent both round up);
 * `splitByDays` shares a whole across sub-periods so the parts add up to it exactly.
 */
import { calendarDate, minorUnits, quantityMilli } from './checks.js';
import { invalid } from './errors.js';
import { allocate, divideRounded } from './money.js';
import {
  dayNumber,
  daysInclusive,
  daysInPeriod,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
} from './periods.js';

/** A span of whole days, both ends included. */
export type DateSpan = { from: string; to: string };

function checkSpan(span: DateSpan, field: string): void {
  calendarDate(span.from, `${field}.from`);
  calendarDate(span.to, `${field}.to`);
  if (span.to < span.from) throw invalid(`${field}.to`, 'INVALID_DATE', `${span.to} is before ${span.from}`);
}

/** lcm(28, 29, 30, 31): a common denominator for days-of-a-month fractions. */
const monthDenominator = 377_580n;

/**
 * What `quantity` × `unitPrice` per month comes to over `span`, each month counting its days in the
 * span over its own length: a whole month is exactly one unit price whatever its length.
 */
export function monthlyCharge(quantity: number, unitPrice: number, span: DateSpan): number {
  checkSpan(span, 'span');
  const q = BigInt(quantityMilli(quantity, 'quantity'));
  const price = BigInt(minorUnits(unitPrice, 'unitPrice', true));
  let months = 0n; // in 1/monthDenominator of a month
  for (let p = periodOf(span.from); periodStart(p) <= span.to; p = nextPeriod(p)) {
    const from = span.from > periodStart(p) ? span.from : periodStart(p);
    const to = span.to < periodEnd(p) ? span.to : periodEnd(p);
    months += (BigInt(daysInclusive(from, to)) * monthDenominator) / BigInt(daysInPeriod(p));
  }
  return divideRounded(q * price * months, 1000n * monthDenominator);
}

/** What `quantity` × `unitPrice` per cycle comes to over the days of `span` inside `cycle`. */
export function cycleCharge(quantity: number, unitPrice: number, span: DateSpan, cycle: DateSpan): number {
  checkSpan(span, 'span');
  checkSpan(cycle, 'cycle');
  if (span.from < cycle.from || span.to > cycle.to) {
    throw invalid(
      'span',
      'INVALID_DATE',
      `${span.from} – ${span.to} is not inside ${cycle.from} – ${cycle.to}`,
    );
  }
  const q = BigInt(quantityMilli(quantity, 'quantity'));
  const price = BigInt(minorUnits(unitPrice, 'unitPrice', true));
  const days = BigInt(daysInclusive(span.from, span.to));
  return divideRounded(q * price * days, 1000n * BigInt(daysInclusive(cycle.from, cycle.to)));
}

/**
 * `amount` shared across consecutive sub-spans by their days, largest remainder, so the parts add
 * up to `amount` exactly (e.g. a month's price split at each change of a line).
 */
export function splitByDays(amount: number, spans: readonly DateSpan[]): number[] {
  for (const [i, s] of spans.entries()) checkSpan(s, `spans[${i}]`);
  return allocate(
    amount,
    spans.map((s) => dayNumber(s.to) - dayNumber(s.from) + 1),
  );
}
