/**
 * What a block of hours or a retainer holds when work of some month is billed, replayed from what
 * the invoices already say — the only record that stays true after a crash or a second run:
 *
 *  - a block: each cycle from the agreement's first opens with its allowance (block-ledger.ts),
 *    draws the minutes the invoiced work lines of that cycle drew (oldest lot first, in the order
 *    they were billed), and closes, carrying what its rollover policy keeps;
 *  - a retainer: each cycle adds what was invoiced as its top-up (retainer-ledger.ts) and the
 *    invoiced work of that cycle takes what it drew; the balance never expires.
 *
 * The balance returned is the one the cycle holding `on` has after the draws recorded so far in it,
 * which is what billWork (work.ts) takes for more work of that cycle. Work billed for a month already
 * closed draws from that month's cycle, as it would have had it been billed on time.
 */
import type { Agreement } from '../agreements/types.js';
import type { BlockBalance } from './block-ledger.js';
import {
  blockAllowance,
  closeBlockCycle,
  drawFromLots,
  openBlockCycle,
  rolloverPolicyOf,
} from './block-ledger.js';
import { calendarDate } from './checks.js';
import { type CycleSpan, cycleOf, cyclesOverlapping } from './cycles.js';
import type { AgreementCharge } from './recurring-types.js';
import { openRetainerCycle, retainerTopUp } from './retainer-ledger.js';
import type { RetainerBalance } from './work-types.js';

/** What one invoiced work line drew: minutes from a block, or minor units from a retainer. */
export type RecordedDraw = { agreementId: string; date: string; minutes: number; amount: number };

type Ledgered = Pick<Agreement, 'id' | 'status' | 'startDate' | 'endDate' | 'blockHours' | 'billing'>;

function cyclesUpTo(agreement: Ledgered, on: string): CycleSpan[] {
  const first = cycleOf(agreement.billing.cycle, agreement.startDate);
  return first.from <= on ? cyclesOverlapping(agreement.billing.cycle, first.from, on) : [];
}

const drawsIn = (draws: readonly RecordedDraw[], id: string, cycle: CycleSpan) =>
  draws.filter((d) => d.agreementId === id && d.date >= cycle.from && d.date <= cycle.to);

/** The block's lots in the cycle holding `on`, after the draws recorded in it and before. */
export function blockBalanceOn(
  agreement: Ledgered,
  on: string,
  draws: readonly RecordedDraw[],
): BlockBalance {
  calendarDate(on, 'on');
  const rollover = agreement.blockHours ? rolloverPolicyOf(agreement.blockHours) : null;
  const cycles = cyclesUpTo(agreement, on);
  let carried: BlockBalance['lots'] = [];
  let balance: BlockBalance = { agreementId: agreement.id, lots: [] };
  for (const [i, cycle] of cycles.entries()) {
    const opened = openBlockCycle({
      agreementId: agreement.id,
      cycle,
      carried,
      allowanceMinutes: blockAllowance(agreement, cycle),
      rollover,
    });
    let lots = opened.balance.lots;
    for (const d of drawsIn(draws, agreement.id, cycle)) lots = drawFromLots(lots, d.minutes).lots;
    balance = { agreementId: agreement.id, lots };
    if (i < cycles.length - 1) carried = closeBlockCycle({ balance, cycle, rollover }).carried;
  }
  return balance;
}

/** The retainer's money in the cycle holding `on`: every top-up invoiced up to it, less every draw. */
export function retainerBalanceOn(
  agreement: Ledgered,
  on: string,
  billed: readonly AgreementCharge[],
  draws: readonly RecordedDraw[],
): RetainerBalance {
  calendarDate(on, 'on');
  let balance = 0;
  for (const cycle of cyclesUpTo(agreement, on)) {
    balance = openRetainerCycle(balance, Math.max(0, retainerTopUp(billed, agreement.id, cycle)));
    for (const d of drawsIn(draws, agreement.id, cycle)) balance = Math.max(0, balance - d.amount);
  }
  return { agreementId: agreement.id, balance };
}
