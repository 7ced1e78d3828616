import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlyTerminationFee, type LifecycleAction, transition } from './lifecycle.js';
import { type AgreementStatus, agreementStatuses, inForce } from './types.js';

describe('agreement lifecycle', () => {
  it.each([
    ['draft', 'activate', 'active'],
    ['active', 'suspend', 'suspended'],
    ['suspended', 'resume', 'active'],
    ['active', 'terminate', 'terminated'],
    ['suspended', 'terminate', 'terminated'],
    ['active', 'expire', 'expired'],
    ['expired', 'renew', 'active'],
  ] as const)('%s → %s → %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  it.each([
    ['draft', 'suspend'],
    ['draft', 'terminate'],
    ['terminated', 'resume'],
    ['terminated', 'activate'],
    ['active', 'activate'],
    ['expired', 'suspend'],
  ] as const)('refuses %s → %s with a reason', (from, action) => {
    const result = transition(from, action);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(from);
  });

  it('never leaves a terminated agreement (property)', () => {
    const actions: LifecycleAction[] = ['activate', 'suspend', 'resume', 'terminate', 'expire', 'renew'];
    fc.assert(
      fc.property(fc.constantFrom(...actions), (action) => {
        expect(transition('terminated', action).ok).toBe(false);
      }),
    );
    for (const status of agreementStatuses)
      for (const action of actions) expect(typeof transition(status, action).ok).toBe('boolean');
  });
});

describe('early termination', () => {
  const agreement = {
    startDate: '2026-01-15',
    minimumTermMonths: 12,
    termination: { earlyTerminationFee: 150_000 },
  };
  it.each([
    ['2026-06-30', 150_000],
    ['2027-01-14', 150_000],
    ['2027-01-15', 0],
    ['2027-06-01', 0],
  ])('ending on %s owes %i', (on, fee) => {
    expect(earlyTerminationFee(agreement, on)).toBe(fee);
  });
});

describe('inForce', () => {
  const span = { startDate: '2025-01-01', endDate: '2025-12-31' };
  it.each<[string, AgreementStatus, string | null, string, boolean]>([
    ['active, within its dates', 'active', span.endDate, '2025-06-15', true],
    ['active, open-ended', 'active', null, '2030-01-01', true],
    ['active, before its start', 'active', null, '2024-12-31', false],
    ['active, after its end', 'active', span.endDate, '2026-01-01', false],
    ['expired since, on a day it ran', 'expired', span.endDate, '2025-06-15', true],
    ['expired since, on its last day', 'expired', span.endDate, '2025-12-31', true],
    ['expired, after its end', 'expired', span.endDate, '2026-01-02', false],
    ['terminated early, before the termination', 'terminated', '2025-09-30', '2025-09-01', true],
    ['terminated early, after the termination', 'terminated', '2025-09-30', '2025-10-01', false],
    ['ended with no end date recorded', 'expired', null, '2025-06-15', false],
    ['a draft, whatever its dates', 'draft', span.endDate, '2025-06-15', false],
    ['suspended (since when is not recorded)', 'suspended', span.endDate, '2025-06-15', false],
  ])('%s', (_, status, endDate, on, expected) => {
    expect(inForce({ status, startDate: span.startDate, endDate }, on)).toBe(expected);
  });
});
