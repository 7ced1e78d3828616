/**
 * Checks a unit of work and its context and turns them into the facts the rules read: the interval
 * on the minute grid, the work type, the calendar and the local start date. Throws
 * EntitlementValidationError (→ 400) listing every problem with the work itself.
 */
import { parseInstant } from '../calendar/instant.js';
import { formatDay, isValidTimeZone, localDayOf } from '../calendar/zone.js';
import { type Calendar, calendarOf } from './business-hours.js';
import { type EntitlementFieldError, EntitlementValidationError } from './errors.js';
import type { EntitlementContext, WorkTypeRate, WorkUnit } from './types.js';

/** The one ISO 8601 instant parser, shared with the business calendar. */
export { parseInstant } from '../calendar/instant.js';

/** Longest unit of work accepted: a year and a day. */
export const maxWorkMinutes = 366 * 24 * 60;

const workTypeMaps = new WeakMap<
  readonly WorkTypeRate[],
  { length: number; byCode: Map<string, WorkTypeRate> }
>();

function workTypeOf(types: readonly WorkTypeRate[], code: string): WorkTypeRate | undefined {
  let cached = workTypeMaps.get(types);
  if (!cached || cached.length !== types.length) {
    cached = { length: types.length, byCode: new Map(types.map((t) => [t.code, t])) };
    workTypeMaps.set(types, cached);
  }
  return cached.byCode.get(code);
}

export type Prepared = {
  /** Epoch minutes: each instant floored to its minute. */
  from: number;
  to: number;
  workType: WorkTypeRate;
  calendar: Calendar;
  /** 'YYYY-MM-DD' of the start in the client's zone: agreements in force that day count. */
  startDate: string;
};

export function prepare(work: WorkUnit, context: EntitlementContext): Prepared {
  const errors: EntitlementFieldError[] = [];
  const start = parseInstant(work.start);
  const end = parseInstant(work.end);
  if (start === null) errors.push(instantError('start', work.start));
  if (end === null) errors.push(instantError('end', work.end));
  if (start !== null && end !== null) {
    if (end <= start) {
      errors.push({
        field: 'end',
        code: 'END_NOT_AFTER_START',
        message: `${work.end} is not after ${work.start}`,
      });
    } else if (end - start > maxWorkMinutes * 60_000) {
      errors.push({ field: 'end', code: 'DURATION_TOO_LONG', message: 'work longer than 366 days' });
    }
  }
  if (typeof work.clientId !== 'string' || work.clientId === '') {
    errors.push({ field: 'clientId', code: 'INVALID_CLIENT', message: 'expected a client id' });
  }
  const workType = workTypeOf(context.workTypes ?? [], work.workType);
  if (!workType) {
    errors.push({
      field: 'workType',
      code: 'UNKNOWN_WORK_TYPE',
      message: `unknown work type ${JSON.stringify(work.workType)}`,
    });
  }
  if (!isValidTimeZone(context.timeZone)) {
    errors.push({
      field: 'timeZone',
      code: 'INVALID_TIME_ZONE',
      message: `not an IANA time zone: ${JSON.stringify(context.timeZone)}`,
    });
  }
  if (errors.length > 0) throw new EntitlementValidationError(errors);
  const calendar = calendarOf(context.timeZone, context.businessHours, context.holidays);
  const from = Math.floor(start! / 60_000);
  return {
    from,
    to: Math.floor(end! / 60_000),
    workType: workType!,
    calendar,
    startDate: formatDay(localDayOf(context.timeZone, from)),
  };
}

function instantError(field: string, value: unknown): EntitlementFieldError {
  return {
    field,
    code: 'INVALID_INSTANT',
    message: `expected an ISO 8601 instant with a zone, e.g. 2024-03-01T09:30:00Z; got ${JSON.stringify(value)}`,
  };
}
