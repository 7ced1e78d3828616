/**
 * When scheduled billing runs are due. A run for period P bills P's recurring lines in advance and
 * the approved work done before P (client-invoice.ts), so the schedule has two kinds of moment:
 *
 *  - period_start of P: day `day` of P at `time` in `timeZone` → bill P (flat fees in advance);
 *  - period_end of P (when `workAtPeriodEnd`): the first day after P at `time` → bill P + 1, which
 *    is what puts P's time & materials on an invoice as soon as P is closed. With `day` 1 the two
 *    moments coincide and bill the same period: one run does both.
 *
 * A moment missed while nothing ran (the server was down) is caught up at the next tick, but only
 * within `catchUpDays` of it: switching the schedule on late in a month does not bill that month
 * behind the person's back. A slot already done is never due again. Local times that do not exist
 * (a spring-forward gap) fall an hour later, as a wall clock shows them.
 */
import { offsetMinutes } from '../calendar/zone.js';
import { invalid } from './errors.js';
import { addPeriods, type Period, periodStart } from './periods.js';

export type BillingSchedule = {
  enabled: boolean;
  /** Day of the month of the period_start run, 1–28 (every month has one). */
  day: number;
  /** Local time 'HH:MM'. */
  time: string;
  /** IANA zone the day and time are read in. */
  timeZone: string;
  workAtPeriodEnd: boolean;
};

export type ScheduledRunKind = 'period_start' | 'period_end';

export type ScheduledSlot = {
  /** '<kind>:<period>', the period being the one the moment belongs to (closed, for period_end). */
  slot: string;
  kind: ScheduledRunKind;
  /** The period the run bills. */
  bills: Period;
  /** The UTC instant the slot is due. */
  dueAt: Date;
  /** The local calendar day it is due on. */
  dueOn: string;
};

/** A missed slot is caught up for this many days after it was due. */
export const defaultCatchUpDays = 7;

function checkSchedule(s: BillingSchedule): { hour: number; minute: number } {
  if (!Number.isInteger(s.day) || s.day < 1 || s.day > 28) {
    throw invalid('scheduleDay', 'INVALID_POLICY', `expected a day of the month 1–28, got ${s.day}`);
  }
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s.time);
  if (!m)
    throw invalid('scheduleTime', 'INVALID_POLICY', `expected a time 'HH:MM', got ${JSON.stringify(s.time)}`);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: s.timeZone });
  } catch {
    throw invalid(
      'scheduleTimeZone',
      'INVALID_POLICY',
      `not an IANA time zone: ${JSON.stringify(s.timeZone)}`,
    );
  }
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The UTC instant (epoch minutes) at which `zone`'s wall clock shows `date` `hour`:`minute`. */
export function localMinute(zone: string, date: string, hour: number, minute: number): number {
  const wall =
    Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10)),
      hour,
      minute,
    ) / 60_000;
  // Two passes: the offset at the first guess may differ from the one at the answer near a transition.
  let at = wall - offsetMinutes(zone, wall);
  at = wall - offsetMinutes(zone, at);
  return at;
}

const dayOf = (period: Period, day: number) => `${period}-${String(day).padStart(2, '0')}`;

/** Every slot of the periods around `now`, in order of their moment. */
function slotsAround(s: BillingSchedule, now: Date, hm: { hour: number; minute: number }): ScheduledSlot[] {
  const current = new Date(
    now.getTime() + offsetMinutes(s.timeZone, Math.floor(now.getTime() / 60_000)) * 60_000,
  )
    .toISOString()
    .slice(0, 7);
  const out: ScheduledSlot[] = [];
  for (const period of [addPeriods(current, -2), addPeriods(current, -1), current]) {
    const startOn = dayOf(period, s.day);
    out.push({
      slot: `period_start:${period}`,
      kind: 'period_start',
      bills: period,
      dueAt: new Date(localMinute(s.timeZone, startOn, hm.hour, hm.minute) * 60_000),
      dueOn: startOn,
    });
    if (s.workAtPeriodEnd) {
      const next = addPeriods(period, 1);
      const endOn = periodStart(next);
      out.push({
        slot: `period_end:${period}`,
        kind: 'period_end',
        bills: next,
        dueAt: new Date(localMinute(s.timeZone, endOn, hm.hour, hm.minute) * 60_000),
        dueOn: endOn,
      });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.slot.localeCompare(b.slot));
}

/** The slots due at `now` and not in `done`, oldest first (see the file comment). */
export function dueScheduledRuns(
  schedule: BillingSchedule,
  now: Date,
  done: ReadonlySet<string>,
  catchUpDays = defaultCatchUpDays,
): ScheduledSlot[] {
  if (!schedule.enabled) return [];
  const hm = checkSchedule(schedule);
  if (!Number.isInteger(catchUpDays) || catchUpDays < 0)
    throw invalid('catchUpDays', 'INVALID_POLICY', `expected whole days ≥ 0, got ${catchUpDays}`);
  const earliest = now.getTime() - catchUpDays * 86_400_000;
  return slotsAround(schedule, now, hm).filter(
    (s) => s.dueAt.getTime() <= now.getTime() && s.dueAt.getTime() >= earliest && !done.has(s.slot),
  );
}
