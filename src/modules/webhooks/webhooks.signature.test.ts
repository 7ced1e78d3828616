import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from './webhooks.signature.js';

const secret = 'whsec_test_vector';
const body = '{"id":"evt","type":"ticket.created"}';
const t = 1_700_000_000;

describe('webhook signatures', () => {
  it('matches a vector computed independently (openssl dgst -sha256 -hmac)', () => {
    expect(computeSignature(secret, t, body)).toBe(
      'dcf2e86c73c8055279086d4e0178757d4f1e292dd4b2505a358929f915b5fb7a',
    );
    expect(signatureHeader([secret], body, t)).toBe(
      `t=${t},v1=dcf2e86c73c8055279086d4e0178757d4f1e292dd4b2505a358929f915b5fb7a`,
    );
  });

  it('accepts what it signed, from a string or the raw bytes', () => {
    const header = signatureHeader([secret], body, t);
    expect(verifySignature({ payload: body, header, secret, now: t })).toEqual({ ok: true, timestamp: t });
    expect(verifySignature({ payload: Buffer.from(body), header, secret, now: t + 299 }).ok).toBe(true);
  });

  it.each([
    ['a changed body', { payload: body.replace('created', 'resolved') }, 'signature_mismatch'],
    ['another secret', { secret: 'whsec_other' }, 'signature_mismatch'],
    ['a replay 6 minutes later', { now: t + 360 }, 'timestamp_out_of_tolerance'],
    ['a timestamp from the future', { now: t - 301 }, 'timestamp_out_of_tolerance'],
    ['no header', { header: undefined }, 'missing_header'],
    ['an empty header', { header: '' }, 'missing_header'],
    ['no timestamp', { header: 'v1=00' }, 'malformed_header'],
    ['no v1', { header: `t=${t}` }, 'malformed_header'],
    ['a v0 only', { header: `t=${t},v0=${'a'.repeat(64)}` }, 'malformed_header'],
    ['a short v1', { header: `t=${t},v1=abcd` }, 'malformed_header'],
  ] as const)('rejects %s', (_, change, reason) => {
    const opts = { payload: body, header: signatureHeader([secret], body, t), secret, now: t, ...change };
    expect(verifySignature(opts)).toEqual({ ok: false, reason });
  });

  it('honours a custom tolerance', () => {
    const header = signatureHeader([secret], body, t);
    expect(verifySignature({ payload: body, header, secret, now: t + 30, toleranceSeconds: 10 }).ok).toBe(
      false,
    );
    expect(verifySignature({ payload: body, header, secret, now: t + 30, toleranceSeconds: 60 }).ok).toBe(
      true,
    );
  });

  it('accepts either secret while a rotation keeps the old one', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], body, t);
    expect(header.split(',')).toHaveLength(3);
    for (const s of ['whsec_new', 'whsec_old'])
      expect(verifySignature({ payload: body, header, secret: s, now: t }).ok).toBe(true);
    expect(verifySignature({ payload: body, header, secret: 'whsec_third', now: t }).ok).toBe(false);
  });

  it('verifies every body under every secret it signed, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), (payload, key, other) => {
        const header = signatureHeader([key], payload, t);
        expect(verifySignature({ payload, header, secret: key, now: t }).ok).toBe(true);
        if (other !== payload)
          expect(verifySignature({ payload: other, header, secret: key, now: t }).ok).toBe(false);
      }),
    );
  });
});
