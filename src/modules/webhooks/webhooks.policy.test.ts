import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchesSubscription,
  normalizePatterns,
  patternProblem,
  patternsMatching,
} from './webhooks.events.js';
import {
  type AttemptResult,
  defaultDeliveryPolicy,
  nextAttemptAt,
  retryAfterMs,
  retryDelayMs,
  urlProblem,
  verdictOf,
} from './webhooks.policy.js';

describe('delivery verdicts', () => {
  const response = (status: number): AttemptResult => ({ kind: 'response', status });
  it.each([
    [response(200), 'succeeded'],
    [response(204), 'succeeded'],
    [response(299), 'succeeded'],
    [response(301), 'failed'],
    [response(302), 'failed'],
    [response(400), 'failed'],
    [response(401), 'failed'],
    [response(404), 'failed'],
    [response(410), 'failed'],
    [response(422), 'failed'],
    [response(408), 'retry'],
    [response(429), 'retry'],
    [response(500), 'retry'],
    [response(502), 'retry'],
    [response(503), 'retry'],
    [{ kind: 'timeout' }, 'retry'],
    [{ kind: 'network', message: 'ECONNREFUSED' }, 'retry'],
    [{ kind: 'refused', message: 'not http' }, 'failed'],
  ] as [AttemptResult, string][])('%j → %s', (result, verdict) => {
    expect(verdictOf(result)).toBe(verdict);
  });
});

describe('retry schedule', () => {
  const exact = { ...defaultDeliveryPolicy, jitter: 0 };
  it('grows by the factor from the base and stops at the cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, exact) / 1000);
    expect(waits).toEqual([30, 120, 480, 1920, 7680, 21600, 21600]);
    // 8 attempts span about 15 hours, as the docs say.
    expect(waits.reduce((a, b) => a + b, 0) / 3600).toBeCloseTo(14.8, 1);
  });

  it('keeps jittered waits within ±jitter of the exact wait (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const wait = retryDelayMs(n, defaultDeliveryPolicy, () => (r === 1 ? 0.999999 : r));
        const base = retryDelayMs(n, exact);
        expect(wait).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
        expect(wait).toBeLessThanOrEqual(Math.ceil(base * 1.2));
      }),
    );
  });

  const now = new Date('2026-03-01T12:00:00Z');
  it('gives up when the attempts are used up', () => {
    expect(nextAttemptAt(8, 8, { kind: 'timeout' }, exact, now)).toBeNull();
    expect(nextAttemptAt(1, 1, { kind: 'timeout' }, exact, now)).toBeNull();
    expect(nextAttemptAt(1, 8, { kind: 'timeout' }, exact, now)).toEqual(new Date('2026-03-01T12:00:30Z'));
  });

  it('waits longer when Retry-After asks for it, never beyond the cap', () => {
    const at = (retryAfter: string) =>
      nextAttemptAt(1, 8, { kind: 'response', status: 429, retryAfter }, exact, now)?.toISOString();
    expect(at('120')).toBe('2026-03-01T12:02:00.000Z');
    expect(at('5')).toBe('2026-03-01T12:00:30.000Z');
    expect(at('Sun, 01 Mar 2026 13:00:00 GMT')).toBe('2026-03-01T13:00:00.000Z');
    expect(at('999999')).toBe('2026-03-01T18:00:00.000Z');
    expect(at('soon')).toBe('2026-03-01T12:00:30.000Z');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('-1', now)).toBeNull();
  });
});

describe('webhook URLs', () => {
  it.each([
    ['https://hooks.example.com/keel', null],
    ['http://127.0.0.1:8080/in?x=1', null],
    ['HTTPS://EXAMPLE.COM', null],
    ['ftp://example.com/x', 'must use http or https'],
    ['file:///etc/passwd', 'must use http or https'],
    ['javascript:alert(1)', 'must use http or https'],
    ['mailto:ops@example.com', 'must use http or https'],
    ['example.com/hook', 'is not an absolute URL'],
    ['/relative', 'is not an absolute URL'],
    [
      'https://user:pass@example.com/',
      'must not hold credentials; verify the X-Keel-Signature header instead',
    ],
    [`https://example.com/${'a'.repeat(2100)}`, 'must be at most 2048 characters'],
  ])('%s', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });
});

describe('event subscriptions', () => {
  it.each([
    ['ticket.created', null],
    ['ticket.sla_breached', null],
    ['ticket.*', null],
    ['alert.*', null],
    ['*', null],
    ['ticket.nope', 'unknown event type "ticket.nope"'],
    ['nope.*', 'unknown category "nope" (known: ticket, alert, agreement, invoice)'],
    ['ticket.sla_*', 'a wildcard may only stand for a whole event name: "ticket.*" or "*"'],
    ['*.created', 'a wildcard may only stand for a whole event name: "ticket.*" or "*"'],
    ['webhook.ping', 'unknown event type "webhook.ping"'],
  ])('%s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem);
  });

  it('matches exact types, whole categories and everything', () => {
    expect(patternsMatching('ticket.sla_warning')).toEqual(['ticket.sla_warning', 'ticket.*', '*']);
    expect(matchesSubscription(['ticket.*'], 'ticket.sla_warning')).toBe(true);
    expect(matchesSubscription(['*'], 'alert.triggered')).toBe(true);
    expect(matchesSubscription(['alert.*'], 'ticket.created')).toBe(false);
    expect(matchesSubscription(['ticket.created'], 'ticket.resolved')).toBe(false);
  });

  it('drops repeats and what a wildcard already covers', () => {
    expect(normalizePatterns(['ticket.created', 'ticket.*', 'ticket.created', 'alert.resolved'])).toEqual([
      'alert.resolved',
      'ticket.*',
    ]);
    expect(normalizePatterns(['alert.*', '*'])).toEqual(['*']);
  });
});
