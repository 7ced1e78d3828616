/**
 * The time formats monitoring tools send, to epoch milliseconds. Fractions past the millisecond
 * (Go writes nanoseconds) are dropped, never rounded up, so an end never moves past the next start.
 */
import { z } from 'zod';
import { parseInstant } from '../calendar/instant.js';
import { issueCode } from './errors.js';

/** Go's zero time, which Alertmanager writes for an `endsAt` that is not set. */
const goZeroTime = /^0001-01-01T00:00:00(?:\.0+)?(?:Z|[+-]00:?00)$/;

export const isUnsetTime = (value: string): boolean => goZeroTime.test(value);

/** RFC 3339 with a zone designator (Z or ±hh:mm, ±hhmm accepted too); null when it is not one. */
export const parseRfc3339 = (value: string): number | null => parseInstant(value);

const kumaTime = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/** Uptime Kuma's heartbeat time, 'YYYY-MM-DD HH:mm:ss.SSS' in UTC with no T and no Z. */
export function parseKumaTime(value: string): number | null {
  const m = kumaTime.exec(value);
  return m ? parseInstant(`${m[1]}T${m[2]}Z`) : null;
}

const maxEpochSeconds = Date.UTC(10_000, 0, 1) / 1000;

/** Epoch seconds as a number or a string of digits (fractions allowed), or an RFC 3339 instant. */
export function parseEpochOrRfc3339(value: string | number): number | null {
  const seconds = typeof value === 'number' ? value : /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : null;
  if (seconds === null) return parseRfc3339(String(value));
  if (!Number.isFinite(seconds) || seconds < 0 || seconds >= maxEpochSeconds) return null;
  return Math.floor(seconds * 1000);
}

/** An RFC 3339 field of a payload; Go's zero time is accepted and reads as unset (null). */
export const rfc3339Field = z
  .string()
  .refine((v) => isUnsetTime(v) || parseRfc3339(v) !== null, {
    message: 'expected an RFC 3339 time with a zone, e.g. 2024-09-24T23:51:35.527Z',
    ...issueCode('INVALID_TIMESTAMP'),
  })
  .transform((v) => (isUnsetTime(v) ? null : parseRfc3339(v)!));
