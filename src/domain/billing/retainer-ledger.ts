/**
 * Retainers as money paid in per cycle and drawn down by work (work.ts). The rule, stated: the
 * balance carries from cycle to cycle and never expires — it is the client's money — and each cycle
 * adds what was invoiced as its top-up (the '@retainer' line, prorated like any charge when the
 * retainer starts or ends mid-cycle, adjustments included). Work beyond the balance is billed.
 */
import { minorUnits } from './checks.js';
import type { CycleSpan } from './cycles.js';
import { retainerLineId } from './line-roles.js';
import type { AgreementCharge } from './recurring-types.js';

/** What was invoiced for a retainer's cycle: its top-up charges and their adjustments. */
export function retainerTopUp(
  billed: readonly AgreementCharge[],
  agreementId: string,
  cycle: CycleSpan,
): number {
  let sum = 0;
  for (const b of billed) {
    if (b.kind === 'one_off' || b.agreementId !== agreementId || b.lineId !== retainerLineId) continue;
    if (b.cycle.from === cycle.from) sum += b.amount;
  }
  return sum;
}

/** The balance a cycle opens with: what was carried in plus the cycle's top-up. */
export function openRetainerCycle(carried: number, topUp: number): number {
  return minorUnits(carried, 'carried') + minorUnits(topUp, 'topUp');
}
