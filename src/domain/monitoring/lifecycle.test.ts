import { describe, expect, it } from 'vitest';
import type { AlertRule } from './alert-rules.js';
import { MonitoringValidationError } from './errors.js';
import {
  type AlertOutcome,
  type AlertStatus,
  decideAlert,
  defaultLifecyclePolicy,
  type LifecyclePolicy,
  lifecyclePolicyErrors,
  settleFlapping,
  type TicketAction,
} from './lifecycle.js';
import { acmeServer, emptyReplay, eventOf, minute, type ReplayOptions, step } from './lifecycle-replay.js';
import type { MaintenanceWindow } from './maintenance.js';
import type { Mapping } from './mapping.js';

const rules: AlertRule[] = [
  { id: 'lab-quiet', assetIds: ['lab1'], action: { ticket: false } },
  { id: 'critical-p1', minSeverity: 'critical', action: { ticket: true, priority: 'P1' } },
  {
    id: 'warning-acme-p3',
    minSeverity: 'warning',
    clientIds: ['acme'],
    matchers: [{ field: 'labels.alertname', op: '=', value: 'DiskFull' }],
    action: { ticket: true, priority: 'P3' },
  },
];
const patchNight: MaintenanceWindow = {
  id: 'patch-night',
  clientId: 'acme',
  assetId: null,
  schedule: { kind: 'once', from: minute(500), to: minute(600) },
};
const flappy: LifecyclePolicy = { ...defaultLifecyclePolicy, flapping: { maxChanges: 4, windowMinutes: 30 } };
const triage: Mapping = { kind: 'triage', reason: 'test' };

/** [minute, action, outcome (null: no decision), ticket action, alert status after, count after] */
type Step = [number, string, AlertOutcome | null, TicketAction['kind'] | null, AlertStatus?, number?];

function replay(steps: Step[], options: Partial<ReplayOptions> = {}) {
  const state = emptyReplay();
  const o: ReplayOptions = { rules, maintenance: [patchNight], policy: flappy, ...options };
  for (const [at, action, outcome, ticket, status, count] of steps) {
    const d = step(state, at, action, o);
    const where = `minute ${at} ${action}: ${d?.reasons.join('; ')}`;
    expect(d?.outcome ?? null, where).toBe(outcome);
    expect(d?.ticket.kind ?? null, where).toBe(ticket);
    if (status !== undefined) expect(state.current?.status, where).toBe(status);
    if (count !== undefined) expect(state.current?.count, where).toBe(count);
  }
  return state;
}

describe('an alert’s life', () => {
  // biome-ignore format: one step per line reads as a table
  const scenarios: [string, Step[], Partial<ReplayOptions>?][] = [
    ['a critical alert opens a P1 ticket', [
      [0, 'fire', 'new', 'open', 'open', 1]]],
    ['repeats add to the ticket, never a second one', [
      [0, 'fire', 'new', 'open'], [5, 'fire', 'repeat', 'note', 'open', 2], [10, 'fire', 'repeat', 'note', 'open', 3]]],
    ['Alertmanager repeats carry the first startsAt', [
      [0, 'fire@0', 'new', 'open'], [240, 'fire@0', 'repeat', 'note', 'open', 2]]],
    ['recovery resolves an untouched ticket', [
      [0, 'fire', 'new', 'open'], [10, 'resolve', 'recovered', 'resolve', 'resolved', 1]]],
    ['recovery after a technician worked on it: recovered — review', [
      [0, 'fire', 'new', 'open'], [5, 'work', null, null], [10, 'resolve', 'recovered', 'review', 'resolved']]],
    ['a recurrence within the window reopens alert and ticket', [
      [0, 'fire', 'new', 'open'], [10, 'resolve', 'recovered', 'resolve'], [40, 'fire', 'recurrence', 'reopen', 'open', 2]]],
    ['exactly at the window’s end still reopens', [
      [0, 'fire', 'new', 'open'], [10, 'resolve', 'recovered', 'resolve'], [130, 'fire', 'recurrence', 'reopen', 'open', 2]]],
    ['after the window it is a new alert and a new ticket', [
      [0, 'fire', 'new', 'open'], [10, 'resolve', 'recovered', 'resolve'], [131, 'fire', 'new', 'open', 'open', 1]]],
    ['a recurrence while the reviewed ticket is still open: a note', [
      [0, 'fire', 'new', 'open'], [5, 'work', null, null], [10, 'resolve', 'recovered', 'review'], [20, 'fire', 'recurrence', 'note', 'open', 2]]],
    ['a warning makes no ticket until it turns critical', [
      [0, 'warn', 'new', 'none', 'open'], [5, 'warn', 'repeat', 'none'], [10, 'fire', 'repeat', 'open', 'open', 3]]],
    ['info: recorded, no ticket, recovery touches nothing', [
      [0, 'info', 'new', 'none'], [10, 'resolve', 'recovered', 'none', 'resolved']]],
    ['a ticket closed by a technician while firing stays closed', [
      [0, 'fire', 'new', 'open'], [5, 'close', null, null], [10, 'fire', 'repeat', 'none', 'open', 2],
      [20, 'resolve', 'recovered', 'none', 'resolved'], [30, 'fire', 'recurrence', 'reopen', 'open', 3]]],
    ['acknowledged in the tool: marked, noted', [
      [0, 'fire', 'new', 'open'], [3, 'ack', 'acknowledged', 'note', 'open', 1]]],
    ['nothing to acknowledge', [
      [0, 'ack', 'ignored', 'none'], [1, 'fire', 'new', 'open'], [2, 'resolve', 'recovered', 'resolve'], [3, 'ack', 'ignored', 'none', 'resolved']]],
    ['nothing to resolve; a second recovery changes nothing', [
      [0, 'resolve', 'ignored', 'none'], [1, 'fire', 'new', 'open'], [2, 'resolve', 'recovered', 'resolve'], [3, 'resolve', 'ignored', 'none', 'resolved']]],
    ['a late firing copy of an ended episode is stale', [
      [0, 'fire@0', 'new', 'open'], [10, 'resolve@10', 'recovered', 'resolve'], [12, 'fire@5', 'ignored', 'none', 'resolved', 1]]],
    ['a late recovery of the previous episode is stale', [
      [0, 'fire', 'new', 'open'], [10, 'resolve', 'recovered', 'resolve'], [20, 'fire', 'recurrence', 'reopen'], [22, 'resolve@15', 'ignored', 'none', 'open']]],
    ['firing in maintenance is recorded as silenced', [
      [510, 'fire', 'new', 'none', 'silenced', 1], [550, 'fire', 'repeat', 'none', 'silenced', 2]]],
    ['still firing after maintenance: the rules open a ticket', [
      [510, 'fire', 'new', 'none', 'silenced'], [600, 'fire', 'repeat', 'open', 'open', 2], [620, 'resolve', 'recovered', 'resolve', 'resolved']]],
    ['recovering in maintenance closes the silenced alert quietly', [
      [510, 'fire', 'new', 'none', 'silenced'], [520, 'resolve', 'recovered', 'none', 'resolved']]],
    ['an alert open before maintenance: repeats in it are not noted, recovery still resolves', [
      [490, 'fire', 'new', 'open'], [510, 'fire', 'repeat', 'none', 'open', 2], [530, 'resolve', 'recovered', 'resolve', 'resolved']]],
    ['a recurrence in maintenance is silenced, and comes back after it', [
      [490, 'fire', 'new', 'open'], [495, 'resolve', 'recovered', 'resolve'], [505, 'fire', 'recurrence', 'none', 'silenced', 2],
      [605, 'fire', 'repeat', 'reopen', 'open', 3]]],
    ['an asset the rules exclude gets no ticket', [
      [0, 'fire', 'new', 'none', 'open']], { mapping: { ...acmeServer, assetId: 'lab1' } }],
    ['in triage: recorded, no ticket, until it is mapped', [
      [0, 'fire', 'new', 'none', 'open'], [5, 'fire', 'repeat', 'none'], [10, 'fire', 'repeat', 'open', 'open', 3]],
      { mapping: (m: number) => (m < 10 ? triage : acmeServer) }],
    ['in triage, a rule marked triage opens its ticket without a client; mapping it later only notes', [
      [0, 'fire', 'new', 'open', 'open', 1], [5, 'warn', 'repeat', 'note', 'open', 2], [10, 'fire', 'repeat', 'note', 'open', 3]],
      { mapping: (m: number) => (m < 10 ? triage : acmeServer), rules: [
        { id: 'unmapped-critical', minSeverity: 'critical', triage: true, action: { ticket: true, priority: 'P2' } }, ...rules] }],
    ['in triage, a triage rule that does not match leaves it waiting', [
      [0, 'warn', 'new', 'none', 'open', 1], [5, 'fire', 'repeat', 'open', 'open', 2]],
      { mapping: triage, rules: [
        { id: 'unmapped-critical', minSeverity: 'critical', triage: true, action: { ticket: true, priority: 'P2' } }, ...rules] }],
    ['flapping: the fifth change within 30 minutes starts it; the ticket is left alone', [
      [0, 'fire', 'new', 'open'], [2, 'resolve', 'recovered', 'resolve'], [4, 'fire', 'recurrence', 'reopen'],
      [6, 'resolve', 'recovered', 'resolve'], [8, 'fire', 'recurrence', 'reopen', 'open', 3],
      [10, 'resolve', 'flapping', 'none', 'open'], [12, 'fire', 'flapping', 'none', 'open', 4], [13, 'fire', 'repeat', 'none', 'open', 5],
      [14, 'resolve', 'flapping', 'none', 'open'],
      [43, 'settle', null, null, 'open'], [44, 'settle', 'recovered', 'resolve', 'resolved']]],
    ['flapping settles as firing: the alert stays open', [
      [0, 'fire', 'new', 'open'], [2, 'resolve', 'recovered', 'resolve'], [4, 'fire', 'recurrence', 'reopen'],
      [6, 'resolve', 'recovered', 'resolve'], [8, 'fire', 'recurrence', 'reopen'], [10, 'resolve', 'flapping', 'none'],
      [12, 'fire', 'flapping', 'none'], [42, 'settle', 'settled', 'none', 'open'], [43, 'settle', null, null],
      [50, 'resolve', 'recovered', 'resolve', 'resolved']]],
    ['a firing after a quiet flap carries on the held alert', [
      [0, 'fire', 'new', 'open'], [2, 'resolve', 'recovered', 'resolve'], [4, 'fire', 'recurrence', 'reopen'],
      [6, 'resolve', 'recovered', 'resolve'], [8, 'fire', 'recurrence', 'reopen'], [10, 'resolve', 'flapping', 'none'],
      [300, 'fire', 'recurrence', 'note', 'open', 4]]],
    ['a recovery after a quiet flap settles it', [
      [0, 'fire', 'new', 'open'], [2, 'resolve', 'recovered', 'resolve'], [4, 'fire', 'recurrence', 'reopen'],
      [6, 'resolve', 'recovered', 'resolve'], [8, 'fire', 'recurrence', 'reopen'], [10, 'resolve', 'flapping', 'none'],
      [60, 'resolve', 'recovered', 'resolve', 'resolved']]],
    ['bounces in a maintenance window are not counted as flapping', [
      [501, 'fire', 'new', 'none', 'silenced'], [502, 'resolve', 'recovered', 'none'], [503, 'fire', 'recurrence', 'none', 'silenced'],
      [504, 'resolve', 'recovered', 'none'], [505, 'fire', 'recurrence', 'none'], [506, 'resolve', 'recovered', 'none'],
      [507, 'fire', 'recurrence', 'none', 'silenced'], [508, 'resolve', 'recovered', 'none', 'resolved']]],
  ];
  it.each(scenarios)('%s', (_name, steps, options) => {
    replay(steps, options);
  });

  it('flapping that starts on a recovery notes the open ticket once and holds the recovery', () => {
    const state = replay(
      [
        [0, 'fire', 'new', 'open'],
        [2, 'resolve', 'recovered', 'resolve'],
        [4, 'fire', 'recurrence', 'reopen'],
        [6, 'resolve', 'recovered', 'resolve'],
        [8, 'fire', 'recurrence', 'reopen'],
        [10, 'resolve', 'flapping', 'note', 'open'],
        [12, 'fire', 'flapping', 'none'],
      ],
      { policy: { ...flappy, flapping: { maxChanges: 5, windowMinutes: 30 } } },
    );
    expect(state.current!.flapping).toEqual({ since: minute(10), lastState: 'firing' });
    expect(state.opened).toBe(1);
  });

  it('one ticket through repeats, recoveries and recurrences in the window', () => {
    const state = replay(
      [
        [0, 'fire', 'new', 'open'],
        [1, 'fire', 'repeat', 'note'],
        [60, 'resolve', 'recovered', 'resolve'],
        [99, 'fire', 'recurrence', 'reopen'],
        [510, 'fire', 'repeat', 'none'],
        [650, 'resolve', 'recovered', 'resolve'],
      ],
      { policy: defaultLifecyclePolicy },
    );
    expect(state.opened).toBe(1);
    expect(state.alerts).toHaveLength(1);
    expect(state.current).toMatchObject({
      count: 4,
      firstSeen: minute(0),
      lastSeen: minute(650),
      resolvedAt: minute(650),
    });
  });
});

describe('the decision itself', () => {
  const fire = eventOf('fire', minute(0));

  it('a new alert: the record to store and the rule that opened the ticket', () => {
    const d = decideAlert({
      event: fire,
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' },
      rules,
      maintenance: [],
      now: minute(0),
    });
    expect(d).toEqual({
      outcome: 'new',
      write: 'create',
      alert: {
        status: 'open',
        clientId: 'acme',
        assetId: 'srv1',
        severity: 'critical',
        summary: 'web01 is down',
        count: 1,
        firstSeen: minute(0),
        lastSeen: minute(0),
        firingSince: minute(0),
        resolvedAt: null,
        acknowledged: false,
        silencedBy: null,
        changes: [minute(0)],
        flapping: null,
      },
      ticket: { kind: 'open', priority: 'P1', ruleId: 'critical-p1', note: 'Alert: web01 is down' },
      silencedBy: null,
      reasons: ['alert rule critical-p1: open a P1 ticket'],
    });
  });

  it('rules read the labels: a warning with a matching label opens a P3 ticket', () => {
    const warn = eventOf('warn', minute(0));
    const disk = { ...warn, labels: { ...warn.labels, alertname: 'DiskFull' } };
    const input = {
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' } as const,
      rules,
      maintenance: [],
      now: minute(0),
    };
    expect(decideAlert({ ...input, event: disk }).ticket).toMatchObject({
      kind: 'open',
      priority: 'P3',
      ruleId: 'warning-acme-p3',
    });
    expect(decideAlert({ ...input, event: warn }).ticket).toEqual({ kind: 'none' });
    const globex: Mapping = { ...acmeServer, clientId: 'globex' };
    expect(decideAlert({ ...input, event: disk, mapping: globex }).ticket).toEqual({ kind: 'none' });
  });

  it('a tool clock ahead of Keel’s is taken as now', () => {
    const d = decideAlert({
      event: { ...fire, occurredAt: minute(5) },
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' },
      rules,
      maintenance: [],
      now: minute(0),
    });
    expect(d.alert!.firingSince).toBe(minute(0));
  });

  it('silenced: says which window', () => {
    const d = decideAlert({
      event: eventOf('fire', minute(550)),
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' },
      rules,
      maintenance: [patchNight],
      now: minute(550),
    });
    expect(d).toMatchObject({
      outcome: 'new',
      silencedBy: 'patch-night',
      ticket: { kind: 'none' },
      alert: { status: 'silenced', silencedBy: 'patch-night' },
    });
    expect(d.reasons).toEqual(['silenced by maintenance window patch-night']);
  });

  it('a review says why', () => {
    const state = emptyReplay();
    const o = { rules, policy: defaultLifecyclePolicy };
    step(state, 0, 'fire', o);
    step(state, 1, 'work', o);
    const d = step(state, 2, 'resolve', o)!;
    expect(d.ticket).toEqual({
      kind: 'review',
      note: `Recovered at ${new Date(minute(2)).toISOString()}: web01 is down`,
    });
    expect(d.reasons).toContain(
      'recovered, but a technician has worked on the ticket: marked recovered — review',
    );
  });

  it('an alert with no client as unmatched ticket policy still makes no ticket', () => {
    const policy: LifecyclePolicy = {
      ...defaultLifecyclePolicy,
      unmatched: { ticket: true, priority: 'P4' },
    };
    const d = decideAlert({
      event: fire,
      mapping: triage,
      current: null,
      ticket: { state: 'none' },
      rules: [],
      maintenance: [],
      policy,
      now: minute(0),
    });
    expect(d.ticket.kind).toBe('none');
    expect(d.alert!.clientId).toBeNull();
    const mapped = decideAlert({
      event: fire,
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' },
      rules: [],
      maintenance: [],
      policy,
      now: minute(0),
    });
    expect(mapped.ticket).toMatchObject({ kind: 'open', priority: 'P4', ruleId: null });
  });

  it('an alert already placed keeps its client when the rules change', () => {
    const first = decideAlert({
      event: fire,
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' },
      rules,
      maintenance: [],
      now: minute(0),
    });
    const other: Mapping = { kind: 'mapped', clientId: 'globex', assetId: null, ruleId: 'x', reason: 'x' };
    const next = decideAlert({
      event: fire,
      mapping: other,
      current: first.alert,
      ticket: { state: 'open' },
      rules,
      maintenance: [],
      now: minute(1),
    });
    expect(next.alert).toMatchObject({ clientId: 'acme', assetId: 'srv1' });
  });

  it('settleFlapping leaves an alert that is not flapping alone', () => {
    const first = decideAlert({
      event: fire,
      mapping: acmeServer,
      current: null,
      ticket: { state: 'none' },
      rules,
      maintenance: [],
      now: minute(0),
    });
    expect(settleFlapping(first.alert!, { state: 'open' }, minute(999))).toBeNull();
  });
});

describe('lifecycle policy', () => {
  it('the default is valid', () => {
    expect(lifecyclePolicyErrors(defaultLifecyclePolicy)).toEqual([]);
  });

  // biome-ignore format: one case per line reads as a table
  const rows: [Partial<LifecyclePolicy>, string[]][] = [
    [{ reopenWindowMinutes: -1 }, ['policy.reopenWindowMinutes']],
    [{ flapping: { maxChanges: 0, windowMinutes: 30 } }, ['policy.flapping.maxChanges']],
    [{ flapping: { maxChanges: 2.5, windowMinutes: 0 } }, ['policy.flapping.maxChanges', 'policy.flapping.windowMinutes']],
    [{ unmatched: {} as never }, ['policy.unmatched']],
  ];
  it.each(rows)('problems of %j', (over, fields) => {
    const policy = { ...defaultLifecyclePolicy, ...over };
    expect(lifecyclePolicyErrors(policy).map((e) => e.field)).toEqual(fields);
    expect(() =>
      decideAlert({
        event: eventOf('fire', 0),
        mapping: triage,
        current: null,
        ticket: { state: 'none' },
        rules: [],
        maintenance: [],
        policy,
        now: 0,
      }),
    ).toThrow(MonitoringValidationError);
  });
});
