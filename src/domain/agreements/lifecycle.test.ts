import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlyTerminationFee, type LifecycleAction, transition } from './lifecycle.js';
import { agreementStatuses } from './types.js';

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
