import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe-style. Every request carries
 *
 *   X-Keel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * with one `v1` per secret in force (two for a while after a rotation that keeps the old secret).
 * A receiver recomputes the HMAC over the raw bytes it received, compares in constant time, and
 * rejects a timestamp too far from its own clock, so a captured request cannot be replayed later.
 * This file depends on node:crypto only: receivers written in TypeScript may copy it as is.
 */

export const SIGNATURE_HEADER = 'X-Keel-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** hex HMAC-SHA256 of "<timestamp>.<payload>" under the secret. */
export function computeSignature(secret: string, timestamp: number, payload: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

/** The header value for a payload signed at `timestamp` with each secret given. */
export function signatureHeader(
  secrets: readonly string[],
  payload: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${computeSignature(s, timestamp, payload)}`)].join(',');
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | {
      ok: false;
      reason: 'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'signature_mismatch';
    };

/**
 * Checks a request a receiver got: `payload` is the raw body exactly as received (not re-serialized
 * JSON), `header` the X-Keel-Signature value. Accepts when any `v1` matches the secret and the
 * timestamp is within `toleranceSeconds` of `now` (unix seconds).
 */
export function verifySignature(opts: {
  payload: string | Buffer;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: number;
}): SignatureCheck {
  if (!opts.header) return { ok: false, reason: 'missing_header' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of opts.header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed_header' };
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(computeSignature(opts.secret, timestamp, opts.payload), 'hex');
  const matched = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return matched ? { ok: true, timestamp } : { ok: false, reason: 'signature_mismatch' };
}
