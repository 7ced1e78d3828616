/**
 * Availability against an SLA's uptime target, from monitoring outages less maintenance.
 *
 * Outages: a monitored service or asset is down from a down (firing) event to the next up
 * (resolved) event; repeated downs extend nothing, an up with no down before it is ignored, and an
 * outage still open at the end of the range counts to that end.
 *
 * Per calendar month, on the wall clock of a zone (months of 28 to 31 days, and 23- or 25-hour days
 * at DST changes, are measured as the real time they hold; an outage across a month boundary
 * counts in each month for its part):
 *   agreed time = the month − maintenance windows         (ITIL's "agreed service time")
 *   downtime    = outages − maintenance windows
 *   availability = (agreed time − downtime) / agreed time
 *   allowed downtime = (100% − target) × agreed time
 * Precision and rounding, stated:
 * - everything is counted in whole milliseconds, exactly; met or breached compares those integers
 *   (downtime ≤ allowed is met), never a rounded figure;
 * - the target may have up to 3 decimals (99.999%);
 * - the availability shown is rounded DOWN to 3 decimals (thousandths of a percent), so a shown
 *   figure never claims more than was delivered (99.8996% shows 99.899, not 99.900);
 * - minutes are shown to 2 decimals, downtime rounded up and the allowance rounded down;
 * - a month not over yet (`until` inside it) is measured up to `until`: its availability is so far,
 *   its allowance is the whole month's, and it is breached as soon as downtime exceeds that
 *   allowance, else pending; a month with no agreed time at all (all maintenance) is met at 100%.
 */
import { isValidTimeZone } from '../calendar/zone.js';
import { type MonitoringFieldError, MonitoringValidationError } from './errors.js';
import {
  clipIntervals,
  type Interval,
  normalizeIntervals,
  subtractIntervals,
  totalLength,
} from './intervals.js';
import { monthInterval, monthsFrom, parseMonth } from './months.js';
import type { AlertEvent } from './types.js';

export type StateSample = { at: number; state: 'down' | 'up' };

/** Down/up samples from alert events of one monitored service: firing is down, resolved is up. */
export function samplesFromEvents(
  events: readonly Pick<AlertEvent, 'status' | 'occurredAt'>[],
): StateSample[] {
  return events.flatMap((e): StateSample[] =>
    e.status === 'firing'
      ? [{ at: e.occurredAt, state: 'down' }]
      : e.status === 'resolved'
        ? [{ at: e.occurredAt, state: 'up' }]
        : [],
  );
}

/**
 * Outage intervals from samples, up to `to` (an outage still open then ends there); samples at or
 * after `to` are not read. Samples are taken in time order (equal times in the order given).
 */
export function outageIntervals(samples: readonly StateSample[], to: number): Interval[] {
  const ordered = samples.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i);
  const out: Interval[] = [];
  let downSince: number | null = null;
  for (const { s } of ordered) {
    if (s.at >= to) break;
    if (s.state === 'down' && downSince === null) downSince = s.at;
    else if (s.state === 'up' && downSince !== null) {
      out.push({ from: downSince, to: s.at });
      downSince = null;
    }
  }
  if (downSince !== null) out.push({ from: downSince, to });
  return normalizeIntervals(out);
}

export type AvailabilityInput = {
  /** Outages of the service (or of a client's services together: pass their union). */
  outages: readonly Interval[];
  /** Maintenance windows over the months measured, including parts still to come. */
  maintenance: readonly Interval[];
  /** Months are calendar months on this zone's wall clock. */
  timeZone: string;
  /** First and last month measured, 'YYYY-MM'. */
  first: string;
  last: string;
  /** Measured up to this instant (now): later time is not known yet. */
  until: number;
  /** e.g. 99.9; 0–100 with at most 3 decimals. */
  targetPercent: number;
};

export type MonthAvailability = {
  month: string;
  from: number;
  to: number;
  /** The month is over (to ≤ until). */
  complete: boolean;
  /** Maintenance in the whole month. */
  maintenanceMs: number;
  /** The whole month less maintenance. */
  agreedMs: number;
  /** Agreed time measured so far (all of it when complete). */
  measuredMs: number;
  downtimeMs: number;
  allowedDowntimeMs: number;
  downtimeMinutes: number;
  allowedDowntimeMinutes: number;
  /** Thousandths of a percent, rounded down; null when nothing has been measured yet. */
  availabilityMilliPercent: number | null;
  /** The same as a percentage with 3 decimals (99.899). */
  availabilityPercent: number | null;
  targetPercent: number;
  status: 'met' | 'breached' | 'pending';
  /** The outages counted in the month (maintenance removed), for a chart. */
  outages: Interval[];
};

const scale = 100_000; // 100% in thousandths of a percent

/** Every problem with an availability input; empty when it can be measured. */
export function availabilityInputErrors(input: AvailabilityInput): MonitoringFieldError[] {
  const errors: MonitoringFieldError[] = [];
  const t = input.targetPercent;
  if (typeof t !== 'number' || !(t >= 0 && t <= 100) || Math.abs(t * 1000 - Math.round(t * 1000)) > 1e-6) {
    errors.push({
      field: 'targetPercent',
      code: 'INVALID_TARGET',
      message: `expected a percentage from 0 to 100 with at most 3 decimals, got ${JSON.stringify(t)}`,
    });
  }
  if (!isValidTimeZone(input.timeZone)) {
    errors.push({
      field: 'timeZone',
      code: 'INVALID_TIME_ZONE',
      message: `not an IANA time zone: ${JSON.stringify(input.timeZone)}`,
    });
  }
  const a = parseMonth(input.first);
  const b = parseMonth(input.last);
  if (!a) errors.push({ field: 'first', code: 'INVALID_RANGE', message: "expected a month 'YYYY-MM'" });
  if (!b) errors.push({ field: 'last', code: 'INVALID_RANGE', message: "expected a month 'YYYY-MM'" });
  if (a && b) {
    const span = b.year * 12 + b.month - (a.year * 12 + a.month);
    if (span < 0) errors.push({ field: 'last', code: 'INVALID_RANGE', message: 'before the first month' });
    else if (span >= 1200)
      errors.push({ field: 'last', code: 'INVALID_RANGE', message: 'at most 100 years' });
  }
  if (!Number.isInteger(input.until)) {
    errors.push({ field: 'until', code: 'INVALID_RANGE', message: 'expected integer epoch milliseconds' });
  }
  for (const key of ['outages', 'maintenance'] as const) {
    const list = input[key];
    if (!Array.isArray(list))
      errors.push({ field: key, code: 'INVALID_RANGE', message: 'expected a list of { from, to }' });
    else {
      list.forEach((i: Interval, n) => {
        if (!(Number.isInteger(i?.from) && Number.isInteger(i?.to) && i.to >= i.from)) {
          errors.push({
            field: `${key}[${n}]`,
            code: 'INVALID_RANGE',
            message: 'expected { from, to } epoch milliseconds with to ≥ from',
          });
        }
      });
    }
  }
  return errors;
}

/** Availability per calendar month against the target; throws MonitoringValidationError on bad input. */
export function monthlyAvailability(input: AvailabilityInput): MonthAvailability[] {
  const errors = availabilityInputErrors(input);
  if (errors.length) throw new MonitoringValidationError(errors);
  const targetMilli = Math.round(input.targetPercent * 1000);
  const slack = scale - targetMilli;
  const maintenance = normalizeIntervals(input.maintenance);
  const outages = subtractIntervals(normalizeIntervals(input.outages), maintenance);
  return monthsFrom(input.first, input.last).map((month): MonthAvailability => {
    const { from, to } = monthInterval(input.timeZone, month);
    const end = Math.max(from, Math.min(to, input.until));
    const maintenanceMs = totalLength(clipIntervals(maintenance, from, to));
    const agreedMs = to - from - maintenanceMs;
    const measuredMs = end - from - totalLength(clipIntervals(maintenance, from, end));
    const counted = clipIntervals(outages, from, end);
    const downtimeMs = totalLength(counted);
    const complete = to <= input.until;
    // Exact: downtime ≤ slack × agreed / 100%, both sides integers below 2^53 for any month.
    const breached = downtimeMs * scale > slack * agreedMs;
    const milli =
      measuredMs > 0 ? Math.floor(((measuredMs - downtimeMs) * scale) / measuredMs) : complete ? scale : null;
    const allowedDowntimeMs = Math.floor((slack * agreedMs) / scale);
    return {
      month,
      from,
      to,
      complete,
      maintenanceMs,
      agreedMs,
      measuredMs,
      downtimeMs,
      allowedDowntimeMs,
      downtimeMinutes: Math.ceil(downtimeMs / 600) / 100,
      allowedDowntimeMinutes: Math.floor(allowedDowntimeMs / 600) / 100,
      availabilityMilliPercent: milli,
      availabilityPercent: milli === null ? null : milli / 1000,
      targetPercent: targetMilli / 1000,
      status: breached ? 'breached' : complete ? 'met' : 'pending',
      outages: counted,
    };
  });
}
