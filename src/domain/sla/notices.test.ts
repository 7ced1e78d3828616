import { describe, expect, it } from 'vitest';
import type { Clock } from './clocks.js';
import { namedSlaPolicy, noticesDue, raisedPriority } from './notices.js';

const clock = (o: Partial<Clock>): Clock => ({
  kind: 'response',
  state: 'running',
  minutes: 60,
  dueAt: 100,
  warnAt: 75,
  metAt: null,
  breachedAt: null,
  elapsedMinutes: 0,
  remainingMinutes: 60,
  ...o,
});

describe('SLA notice rules', () => {
  it.each([
    ['before the warning', clock({}), 74, []],
    ['at the warning', clock({}), 75, ['warning']],
    ['breached and unmet', clock({ state: 'breached', breachedAt: 100 }), 120, ['breach']],
    ['met late', clock({ state: 'breached', metAt: 110, breachedAt: 100 }), 120, []],
    ['paused past its warning', clock({ state: 'paused' }), 90, []],
  ])('%s', (_name, c, now, expected) => {
    expect(noticesDue([c], now).map((n) => n.notice)).toEqual(expected);
  });

  it('raises one step, never past P1', () => {
    expect(['P4', 'P3', 'P2', 'P1'].map((p) => raisedPriority(p as 'P1'))).toEqual(['P3', 'P2', 'P1', 'P1']);
  });

  it('takes the policy a managed agreement in force names, then any active one, else none', () => {
    const a = (kind: string, status: string, slaPolicyId: string | null) =>
      ({ kind, status, slaPolicyId }) as never;
    expect(namedSlaPolicy([a('subscription', 'active', 'sub'), a('managed', 'active', 'man')])).toBe('man');
    expect(namedSlaPolicy([a('managed', 'suspended', 'man'), a('subscription', 'active', 'sub')])).toBe(
      'sub',
    );
    expect(namedSlaPolicy([a('managed', 'active', null)])).toBeNull();
  });
});
