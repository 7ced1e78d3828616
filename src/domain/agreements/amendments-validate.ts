/**
 * What is wrong with a set of amendments against their agreement, each error tied to the amendment
 * that causes it, so an API answers 4xx with field errors and records nothing.
 *
 * Line checks replay the amendments as they stand on every date one of them takes effect (the
 * only dates the agreement changes), so an amendment is judged for every period it applies in: a
 * quantity set on a line that a reversal has since taken away is an unknown line.
 */

import {
  type Amendment,
  amendmentsInForce,
  applyAmendment,
  byEffectiveOrder,
  isReversal,
  lineIdOf,
} from './amendments.js';
import { isIsoDate } from './dates.js';
import type { Agreement } from './types.js';

export const amendmentErrorCodes = [
  'DUPLICATE_ID',
  'INVALID_DATE',
  'BEFORE_START',
  'INVALID_NUMBER',
  'NEGATIVE_QUANTITY',
  'NEGATIVE_PRICE',
  'UNKNOWN_LINE',
  'DUPLICATE_LINE',
  'OVERLAPPING',
  'UNKNOWN_REVERSAL',
  'REVERSES_REVERSAL',
  'ALREADY_REVERSED',
  'REVERSAL_BEFORE_AMENDMENT',
] as const;
export type AmendmentErrorCode = (typeof amendmentErrorCodes)[number];
export type AmendmentError = { amendmentId: string; code: AmendmentErrorCode; message: string };

type Report = (a: Amendment, code: AmendmentErrorCode, message: string) => void;

function checkValues(a: Amendment, report: Report) {
  const quantity = a.kind === 'set_quantity' ? a.quantity : a.kind === 'add_line' ? a.line.quantity : null;
  const price =
    a.kind === 'set_price' || a.kind === 'change_plan'
      ? a.unitPrice
      : a.kind === 'add_line'
        ? a.line.unitPrice
        : null;
  if (quantity !== null && !Number.isFinite(quantity))
    report(a, 'INVALID_NUMBER', 'quantity is not a number');
  else if (quantity !== null && quantity < 0) report(a, 'NEGATIVE_QUANTITY', `quantity ${quantity} < 0`);
  if (price !== null && !Number.isSafeInteger(price)) {
    report(a, 'INVALID_NUMBER', 'unit price is not a whole number of minor units');
  } else if (price !== null && price < 0) report(a, 'NEGATIVE_PRICE', `unit price ${price} < 0`);
}

function checkReversals(amendments: readonly Amendment[], report: Report) {
  const byId = new Map(amendments.map((a) => [a.id, a]));
  const reversedBy = new Map<string, string>();
  for (const r of [...amendments].filter(isReversal).sort(byEffectiveOrder)) {
    const target = byId.get(r.reverses!);
    if (!target) report(r, 'UNKNOWN_REVERSAL', `reverses ${r.reverses}, which does not exist`);
    else if (isReversal(target)) {
      report(r, 'REVERSES_REVERSAL', `${target.id} is itself a reversal; record the change again instead`);
    } else if (reversedBy.has(target.id)) {
      report(r, 'ALREADY_REVERSED', `${target.id} is already reversed by ${reversedBy.get(target.id)}`);
    } else {
      reversedBy.set(target.id, r.id);
      if (r.effectiveOn < target.effectiveOn) {
        report(
          r,
          'REVERSAL_BEFORE_AMENDMENT',
          `effective ${r.effectiveOn}, before ${target.id} it reverses (${target.effectiveOn})`,
        );
      }
    }
  }
}

/** Replays the amendments in force on each date one takes effect; reports lines that are not there. */
function checkLines(base: Pick<Agreement, 'lines'>, amendments: readonly Amendment[], report: Report) {
  const dates = [...new Set(amendments.map((a) => a.effectiveOn))].sort();
  for (const date of dates) {
    let lines = base.lines;
    const sameDay = new Map<string, Amendment>();
    for (const a of amendmentsInForce(amendments, date)) {
      const lineId = lineIdOf(a);
      const exists = lines.some((l) => l.id === lineId);
      if (a.kind === 'add_line' && exists) {
        report(a, 'DUPLICATE_LINE', `line ${lineId} already exists on ${a.effectiveOn}`);
      } else if (a.kind !== 'add_line' && !exists) {
        report(a, 'UNKNOWN_LINE', `line ${lineId} does not exist on ${a.effectiveOn}`);
      }
      if (a.effectiveOn === date) {
        const key = `${a.kind}\u0000${lineId}`;
        const first = sameDay.get(key);
        if (first) {
          report(a, 'OVERLAPPING', `overlaps ${first.id}: both ${a.kind} on line ${lineId} on ${date}`);
        } else sameDay.set(key, a);
      }
      lines = applyAmendment(lines, a);
    }
  }
}

/** Every error in `amendments` against `base`, each once, in amendment effective order. */
export function validateAmendments(
  base: Pick<Agreement, 'lines' | 'startDate'>,
  amendments: readonly Amendment[],
): AmendmentError[] {
  const errors: AmendmentError[] = [];
  const seen = new Set<string>();
  const report: Report = (a, code, message) => {
    const key = `${a.id}\u0000${code}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push({ amendmentId: a.id, code, message });
  };
  const ids = new Set<string>();
  for (const a of amendments) {
    if (ids.has(a.id)) report(a, 'DUPLICATE_ID', `id ${a.id} is used twice`);
    ids.add(a.id);
    if (!isIsoDate(a.effectiveOn)) report(a, 'INVALID_DATE', `effective date ${a.effectiveOn} is not a date`);
    else if (a.effectiveOn < base.startDate) {
      report(
        a,
        'BEFORE_START',
        `effective ${a.effectiveOn}, before the agreement starts (${base.startDate})`,
      );
    }
    if (!isReversal(a)) checkValues(a, report);
  }
  checkReversals(amendments, report);
  // A replay needs unique ids and real dates; report those first.
  if (!errors.some((e) => e.code === 'DUPLICATE_ID' || e.code === 'INVALID_DATE')) {
    checkLines(base, amendments, report);
  }
  const order = new Map([...amendments].sort(byEffectiveOrder).map((a, i) => [a.id, i]));
  return errors.sort((x, y) => order.get(x.amendmentId)! - order.get(y.amendmentId)!);
}
