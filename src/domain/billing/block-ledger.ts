/**
 * Block hours as a ledger of lots: each cycle (the agreement's billing cycle, the period blocks draw
 * from — src/domain/time/balances.ts) grants its allowance as a lot. Work draws minutes from the
 * oldest lot first, so hours carried over are used before they expire.
 *
 * Rollover (the agreement's `blockHours.rollover`): the agreement model says only whether unused
 * hours roll over, so the rule is stated here. Without rollover, whatever is left at a cycle's end
 * expires. With it, unused minutes carry into the next cycle and no further (`periods`: 1), and what
 * is carried is capped at one cycle's allowance (`capMinutes`); the oldest minutes are the first to
 * go past the cap. A policy with other numbers may be passed.
 *
 * A block that starts or ends within a cycle is granted the share of its hours for the days it is in
 * force (as its price is prorated), rounded half up to the whole minute.
 */
import type { Agreement, BlockHours } from '../agreements/types.js';
import { calendarDate, wholeMinutes } from './checks.js';
import type { CycleSpan } from './cycles.js';
import { invalid } from './errors.js';
import { divideRounded } from './money.js';
import { daysInclusive } from './periods.js';

/** Minutes granted for one cycle, named by the cycle's first day, and what is left of them. */
export type BlockLot = { grantedFor: string; minutes: number };
/** What a block holds now: its lots, oldest first. */
export type BlockBalance = { agreementId: string; lots: readonly BlockLot[] };
/** How long unused minutes live on: `periods` cycles after their own; at most `capMinutes` carried (null: no cap). */
export type RolloverPolicy = { periods: number; capMinutes: number | null };

/** The stated rule for an agreement's block: carried one cycle, capped at one allowance; null without rollover. */
export function rolloverPolicyOf(blockHours: BlockHours): RolloverPolicy | null {
  return blockHours.rollover ? { periods: 1, capMinutes: Math.round(blockHours.hoursPerPeriod * 60) } : null;
}

/** Minutes a block grants for a cycle: its hours, prorated by the days of the cycle it is in force. */
export function blockAllowance(
  agreement: Pick<Agreement, 'status' | 'startDate' | 'endDate' | 'blockHours'>,
  cycle: CycleSpan,
): number {
  if (!agreement.blockHours || agreement.status === 'draft') return 0;
  const from = agreement.startDate > cycle.from ? agreement.startDate : cycle.from;
  const to = agreement.endDate !== null && agreement.endDate < cycle.to ? agreement.endDate : cycle.to;
  if (to < from) return 0;
  const hours = agreement.blockHours.hoursPerPeriod;
  if (!Number.isFinite(hours) || hours < 0) {
    throw invalid('blockHours.hoursPerPeriod', 'INVALID_MINUTES', `expected hours ≥ 0, got ${hours}`);
  }
  const minutes = Math.round(hours * 60);
  return divideRounded(minutes * daysInclusive(from, to), daysInclusive(cycle.from, cycle.to));
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** How many cycles of the given one's length lie between a lot's cycle and `cycle`. */
function age(lot: BlockLot, cycle: CycleSpan): number {
  const length = monthIndex(cycle.to) - monthIndex(cycle.from) + 1;
  return Math.floor((monthIndex(cycle.from) - monthIndex(lot.grantedFor)) / length);
}

function checkPolicy(policy: RolloverPolicy | null): void {
  if (!policy) return;
  if (!Number.isSafeInteger(policy.periods) || policy.periods < 0) {
    throw invalid('rollover.periods', 'INVALID_POLICY', `expected whole periods ≥ 0, got ${policy.periods}`);
  }
  if (policy.capMinutes !== null) wholeMinutes(policy.capMinutes, 'rollover.capMinutes');
}

function checkLots(lots: readonly BlockLot[], cycle: CycleSpan): void {
  for (const [i, lot] of lots.entries()) {
    calendarDate(lot.grantedFor, `lots[${i}].grantedFor`);
    wholeMinutes(lot.minutes, `lots[${i}].minutes`);
    if (lot.grantedFor > cycle.from) {
      throw invalid(
        `lots[${i}].grantedFor`,
        'INVALID_DATE',
        `a lot for ${lot.grantedFor} is later than the cycle ${cycle.from}`,
      );
    }
  }
}

/**
 * A cycle begins: lots carried in that have outlived the policy expire, and the cycle's allowance is
 * granted as a new lot.
 */
export function openBlockCycle(input: {
  agreementId: string;
  cycle: CycleSpan;
  carried: readonly BlockLot[];
  allowanceMinutes: number;
  rollover: RolloverPolicy | null;
}): { balance: BlockBalance; expiredMinutes: number } {
  const { cycle, rollover } = input;
  checkPolicy(rollover);
  checkLots(input.carried, cycle);
  wholeMinutes(input.allowanceMinutes, 'allowanceMinutes');
  const lots: BlockLot[] = [];
  let expiredMinutes = 0;
  for (const lot of input.carried) {
    if (lot.grantedFor !== cycle.from && (!rollover || age(lot, cycle) > rollover.periods))
      expiredMinutes += lot.minutes;
    else if (lot.minutes > 0) lots.push({ ...lot });
  }
  const current = lots.find((l) => l.grantedFor === cycle.from);
  if (current) current.minutes += input.allowanceMinutes;
  else lots.push({ grantedFor: cycle.from, minutes: input.allowanceMinutes });
  lots.sort((a, b) => (a.grantedFor < b.grantedFor ? -1 : a.grantedFor > b.grantedFor ? 1 : 0));
  return { balance: { agreementId: input.agreementId, lots }, expiredMinutes };
}

/** A cycle ends: what may roll over is carried (oldest trimmed first past the cap); the rest expires. */
export function closeBlockCycle(input: {
  balance: BlockBalance;
  cycle: CycleSpan;
  rollover: RolloverPolicy | null;
}): { carried: BlockLot[]; expiredMinutes: number } {
  const { cycle, rollover } = input;
  checkPolicy(rollover);
  checkLots(input.balance.lots, cycle);
  const total = input.balance.lots.reduce((s, l) => s + l.minutes, 0);
  if (!rollover) return { carried: [], expiredMinutes: total };
  // A lot still alive next cycle is at most `periods` cycles old then.
  const alive = input.balance.lots.filter((l) => l.minutes > 0 && age(l, cycle) + 1 <= rollover.periods);
  let excess = alive.reduce((s, l) => s + l.minutes, 0) - (rollover.capMinutes ?? Number.POSITIVE_INFINITY);
  const carried: BlockLot[] = [];
  for (const lot of alive) {
    const cut = Math.max(0, Math.min(lot.minutes, excess));
    excess -= cut;
    if (lot.minutes > cut) carried.push({ grantedFor: lot.grantedFor, minutes: lot.minutes - cut });
  }
  return { carried, expiredMinutes: total - carried.reduce((s, l) => s + l.minutes, 0) };
}

/** Draws up to `minutes` from the lots, oldest first; returns the new lots and what was drawn. */
export function drawFromLots(
  lots: readonly BlockLot[],
  minutes: number,
): { lots: BlockLot[]; drawn: number } {
  let want = minutes;
  const out = lots.map((lot) => {
    const take = Math.min(lot.minutes, want);
    want -= take;
    return { ...lot, minutes: lot.minutes - take };
  });
  return { lots: out, drawn: minutes - want };
}
