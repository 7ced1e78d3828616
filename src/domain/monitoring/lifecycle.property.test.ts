import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertRule } from './alert-rules.js';
import { defaultLifecyclePolicy, type LifecyclePolicy } from './lifecycle.js';
import { emptyReplay, linkedTicket, minute, type ReplayOptions, step } from './lifecycle-replay.js';
import type { MaintenanceWindow } from './maintenance.js';

const rules: AlertRule[] = [
  { id: 'critical-p1', minSeverity: 'critical', action: { ticket: true, priority: 'P1' } },
  { id: 'warning-p3', minSeverity: 'warning', action: { ticket: true, priority: 'P3' } },
];

const action = fc.constantFrom(
  'fire',
  'fire',
  'fire',
  'warn',
  'info',
  'resolve',
  'resolve',
  'ack',
  'work',
  'close',
  'settle',
);
/** Steps at increasing minutes; the tool's clock sometimes lags (an Alertmanager repeat, a late copy). */
const script = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 90 }),
    action,
    lag: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  }),
  { maxLength: 40 },
);
const windows = fc
  .array(fc.record({ from: fc.integer({ min: 0, max: 1500 }), length: fc.integer({ min: 1, max: 300 }) }), {
    maxLength: 2,
  })
  .map((ws): MaintenanceWindow[] =>
    ws.map((w, i) => ({
      id: `w${i}`,
      clientId: 'acme',
      assetId: null,
      schedule: { kind: 'once', from: minute(w.from), to: minute(w.from + w.length) },
    })),
  );
const policy = fc.record({
  reopenWindowMinutes: fc.constantFrom(0, 30, 120),
  flapping: fc.record({
    maxChanges: fc.integer({ min: 1, max: 6 }),
    windowMinutes: fc.constantFrom(10, 30, 60),
  }),
  unmatched: fc.constant({ ticket: false as const }),
});

describe('any life of an alert', () => {
  it('keeps its invariants', () => {
    fc.assert(
      fc.property(script, windows, policy, (steps, maintenance, p: LifecyclePolicy) => {
        const state = emptyReplay();
        const o: ReplayOptions = { rules, maintenance, policy: p };
        let at = 0;
        for (const s of steps) {
          at += s.gap;
          if (
            (s.action === 'work' || s.action === 'close') &&
            (!state.ticket || state.ticket.resolvedAt !== null)
          ) {
            continue;
          }
          const tool =
            s.lag !== null && /^(fire|warn|info|resolve)$/.test(s.action)
              ? `${s.action}@${at - s.lag}`
              : s.action;
          const before = state.current;
          const ticketBefore = linkedTicket(state.ticket);
          const openedBefore = state.opened;
          const d = step(state, at, tool, o);
          if (!d) continue;
          const kind = d.ticket.kind;
          // Ticket actions only ever fit the ticket there is.
          if (kind === 'open') expect(d.write === 'create' || ticketBefore.state === 'none').toBe(true);
          if (kind === 'note' || kind === 'resolve' || kind === 'review') {
            expect(['open', 'worked-on']).toContain(ticketBefore.state);
          }
          if (kind === 'reopen') expect(ticketBefore.state).toBe('resolved');
          if (kind === 'review') expect(ticketBefore.state).toBe('worked-on');
          if (kind === 'resolve') expect(ticketBefore.state).toBe('open');
          // At most one ticket per alert.
          expect(state.opened - openedBefore).toBeLessThanOrEqual(1);
          // A silenced event moves no ticket.
          if (d.silencedBy !== null) expect(kind).toBe('none');
          if (d.write === 'none') {
            expect(d.outcome).toBe('ignored');
            expect(kind).toBe('none');
            expect(state.current).toBe(before);
            continue;
          }
          const a = state.current!;
          expect(a.status === 'resolved').toBe(a.resolvedAt !== null);
          expect(a.status === 'silenced').toBe(a.silencedBy !== null);
          expect(a.lastSeen).toBeGreaterThanOrEqual(a.firstSeen);
          expect(a.firingSince).toBeLessThanOrEqual(minute(at));
          if (a.flapping) expect(a.status).toBe('open');
          if (d.write === 'create') expect(a.count).toBe(1);
          else if (before && /^(fire|warn|info)/.test(tool) && d.outcome !== 'settled') {
            expect(a.count).toBe(before.count + 1);
          } else if (before) expect(a.count).toBe(before.count);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('without flapping or maintenance, a firing after each recovery is never lost', () => {
    const calm: LifecyclePolicy = {
      ...defaultLifecyclePolicy,
      flapping: { maxChanges: 1000, windowMinutes: 1 },
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 20 }), (gaps) => {
        const state = emptyReplay();
        let at = 0;
        let tickets = 0;
        for (const [i, gap] of gaps.entries()) {
          at += gap;
          const d = step(state, at, i % 2 === 0 ? 'fire' : 'resolve', { rules, policy: calm })!;
          expect(d.outcome).toBe(
            i === 0 ? 'new' : i % 2 === 1 ? 'recovered' : gap <= 120 ? 'recurrence' : 'new',
          );
          expect(state.current!.status).toBe(i % 2 === 0 ? 'open' : 'resolved');
          if (d.ticket.kind === 'open') tickets++;
        }
        // One ticket per alert record: recurrences in the window reuse theirs.
        expect(tickets).toBe(state.alerts.length);
      }),
    );
  });
});
