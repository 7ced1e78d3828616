/**
 * Test support (used by the lifecycle tests, never by the product): replays a script of monitoring
 * events and technician actions through decideAlert for one fingerprint, keeping the stored alert
 * and a ticket the way a receiver would, so a whole alert's life can be written as a table.
 */
import type { Priority } from '../sla/priority.js';
import type { AlertRule } from './alert-rules.js';
import {
  type AlertRecord,
  decideAlert,
  defaultLifecyclePolicy,
  type LifecycleDecision,
  type LifecyclePolicy,
  type LinkedTicket,
  settleFlapping,
} from './lifecycle.js';
import type { MaintenanceWindow } from './maintenance.js';
import type { Mapping } from './mapping.js';
import type { AlertEvent, Severity } from './types.js';

export const replayStart = Date.parse('2024-05-06T08:00:00Z');
export const minute = (m: number) => replayStart + m * 60_000;

/**
 * fire / warn / info: a firing event (critical, warning, info); resolve; ack; `@m` gives the tool's
 * own time in minutes when it differs from the receipt. work: a technician logs time; close: a
 * technician resolves the ticket; settle: the periodic flap-settling job runs.
 */
export type ReplayAction = string;

export type ReplayTicket = {
  priority: Priority;
  workedOn: boolean;
  resolvedAt: number | null;
  review: boolean;
};

export type ReplayState = {
  current: AlertRecord | null;
  /** Every alert created, in order; the last is current. */
  alerts: AlertRecord[];
  /** The current alert's ticket. */
  ticket: ReplayTicket | null;
  /** Tickets ever opened. */
  opened: number;
};

export type ReplayOptions = {
  rules: readonly AlertRule[];
  mapping?: Mapping | ((minute: number) => Mapping);
  maintenance?: readonly MaintenanceWindow[];
  policy?: LifecyclePolicy;
};

export const acmeServer: Extract<Mapping, { kind: 'mapped' }> = {
  kind: 'mapped',
  clientId: 'acme',
  assetId: 'srv1',
  ruleId: 'm1',
  reason: 'test',
};

export function linkedTicket(ticket: ReplayTicket | null): LinkedTicket {
  if (ticket === null) return { state: 'none' };
  if (ticket.resolvedAt !== null) return { state: 'resolved', resolvedAt: ticket.resolvedAt };
  return ticket.workedOn ? { state: 'worked-on' } : { state: 'open' };
}

const severityOf: Record<string, Severity> = { fire: 'critical', warn: 'warning', info: 'info' };

export function eventOf(action: string, now: number): AlertEvent {
  const m = /^(fire|warn|info|resolve|ack)(?:@(-?\d+))?$/.exec(action);
  if (!m) throw new Error(`not an event: ${action}`);
  const kind = m[1]!;
  const status = kind === 'resolve' ? 'resolved' : kind === 'ack' ? 'acknowledged' : 'firing';
  return {
    source: 'alertmanager',
    fingerprint: 'alertmanager:0123456789abcdef',
    status,
    severity: severityOf[kind] ?? null,
    summary: 'web01 is down',
    description: null,
    url: null,
    labels: { alertname: 'HostDown', instance: 'web01:9100' },
    identity: { instance: 'web01:9100', host: 'web01' },
    occurredAt: m[2] === undefined ? now : minute(Number(m[2])),
  };
}

/** Carries out a decision on the replay's alert and ticket, as a receiver would. */
export function apply(state: ReplayState, d: LifecycleDecision, now: number): void {
  if (d.write === 'create') {
    state.current = d.alert;
    state.alerts.push(d.alert!);
    state.ticket = null;
  } else if (d.write === 'update') {
    state.current = d.alert;
    state.alerts[state.alerts.length - 1] = d.alert!;
  }
  const t = d.ticket;
  if (t.kind === 'open') {
    state.ticket = { priority: t.priority, workedOn: false, resolvedAt: null, review: false };
    state.opened++;
  } else if (t.kind === 'resolve') state.ticket!.resolvedAt = now;
  else if (t.kind === 'review') state.ticket!.review = true;
  else if (t.kind === 'reopen') {
    state.ticket!.resolvedAt = null;
    state.ticket!.review = false;
  }
}

/** One step: the decision taken (null for a technician's action or a settle with nothing to do). */
export function step(
  state: ReplayState,
  at: number,
  action: ReplayAction,
  o: ReplayOptions,
): LifecycleDecision | null {
  const now = minute(at);
  const policy = o.policy ?? defaultLifecyclePolicy;
  if (action === 'work' || action === 'close') {
    if (!state.ticket) throw new Error(`no ticket to ${action} at minute ${at}`);
    if (action === 'work') state.ticket.workedOn = true;
    else state.ticket.resolvedAt = now;
    return null;
  }
  const d =
    action === 'settle'
      ? state.current && settleFlapping(state.current, linkedTicket(state.ticket), now, policy)
      : decideAlert({
          event: eventOf(action, now),
          mapping: typeof o.mapping === 'function' ? o.mapping(at) : (o.mapping ?? acmeServer),
          current: state.current,
          ticket: linkedTicket(state.ticket),
          rules: o.rules,
          maintenance: o.maintenance ?? [],
          policy,
          now,
        });
  if (d) apply(state, d, now);
  return d;
}

export const emptyReplay = (): ReplayState => ({ current: null, alerts: [], ticket: null, opened: 0 });
