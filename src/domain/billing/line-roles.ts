/**
 * How each line of an agreement bills, in one place:
 *  - a recurring line: its unit price per month, for the days it is in force;
 *  - block hours: the non-recurring lines are the block's price (as the demo data and the agreement
 *    form record it), billed per cycle with the hours they buy;
 *  - retainer: its `retainerAmount` is the money paid in for each cycle — a top-up charge per cycle
 *    (a line of its own, id '@retainer', quantity 1), whatever lines it has;
 *  - time & materials and retainer: the first non-recurring line is the hourly rate entitlement
 *    prices their work at (src/domain/entitlement/rates.ts), not a charge;
 *  - any other non-recurring line (a setup fee): one-off, billed once.
 */
import type { Agreement, AgreementLine } from '../agreements/types.js';
import type { LineRole } from './recurring-types.js';

export const retainerLineId = '@retainer';

export type RoledLine = { line: AgreementLine; role: LineRole };

function retainerLine(amount: number): AgreementLine {
  return {
    id: retainerLineId,
    description: 'Retainer top-up',
    serviceId: null,
    planId: null,
    productId: null,
    categories: [],
    quantity: 1,
    unitPrice: amount,
    unit: 'flat',
    quantitySource: 'entered',
    recurring: true,
  };
}

/** The lines of an agreement as they stand (after amendments), each with how it bills. */
export function roledLines(
  agreement: Pick<Agreement, 'kind' | 'retainerAmount'>,
  lines: readonly AgreementLine[],
): RoledLine[] {
  let rateLineSeen = agreement.kind !== 'time_materials' && agreement.kind !== 'retainer';
  const out: RoledLine[] = lines.map((line) => {
    if (line.recurring) return { line, role: 'recurring' };
    if (agreement.kind === 'block_hours') return { line, role: 'block_price' };
    if (!rateLineSeen) {
      rateLineSeen = true;
      return { line, role: 'hourly_rate' };
    }
    return { line, role: 'one_off' };
  });
  if (agreement.kind === 'retainer' && agreement.retainerAmount !== null && agreement.retainerAmount > 0) {
    out.push({ line: retainerLine(agreement.retainerAmount), role: 'retainer_top_up' });
  }
  return out;
}
