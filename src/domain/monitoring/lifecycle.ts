/**
 * The alert lifecycle as one pure decision: given an event, the alert stored for its fingerprint
 * (the latest one, open or resolved), the state of that alert's ticket, the rules, the maintenance
 * windows and the time, what to store and what to do to the ticket. The receiver stores the
 * decision's alert and carries out its ticket action; nothing here reads or writes anything.
 *
 * Rules, in the order they are tried:
 * - Deduplication: one alert per fingerprint while it fires. A firing event for an open (or
 *   silenced) alert is a REPEAT: count + 1, lastSeen, and a note on its open ticket, never a second
 *   ticket. A repeat on an alert with no ticket asks the rules again (a warning that turned critical
 *   may now call for one).
 * - New alert: the rules decide (alert-rules.ts): a ticket at priority P, or none. An alert no
 *   mapping rule placed with a client stays in triage with no ticket until it is mapped, unless a
 *   rule marked `triage` matches it: then its ticket opens without a client (the triage queue).
 * - Recovery resolves the ticket, unless a technician has worked on it (logged time or replied):
 *   then it is marked "recovered — review" for them to close.
 * - Recurrence: a firing within `reopenWindowMinutes` of the alert's recovery reopens that alert and
 *   its ticket (a note when the ticket is still open) instead of opening new ones; later, it is a
 *   new alert.
 * - Maintenance: a firing while a window of the alert's client or asset holds at receipt is
 *   recorded with status silenced and opens, notes or reopens nothing. A silenced alert that still
 *   fires after the window is live again: the rules are asked as for a new alert. Recoveries are
 *   never silenced.
 * - Flapping (flapping.ts): while it flaps the ticket is left as it is; it starts with one note
 *   (or a reopen, or the rule's ticket) and ends, quiet for the flap window, with the last state
 *   applied once, by `settleFlapping` (run it from a periodic job) or by the next event.
 * - Acknowledgements (PagerDuty acknowledge, Zabbix ack) mark the alert and note the ticket.
 * - Stale events are ignored: a recovery that ended before the alert's current firing began, or a
 *   firing that began before the alert's recovery (an Alertmanager HA peer's late copy).
 * - A ticket a technician closed while its alert kept firing stays closed: repeats are only counted.
 *
 * Times: the tool's time (never later than `now`) places state changes (firing start, recovery);
 * `now`, the receipt time, sets first/last seen and is when maintenance is looked up.
 */
import type { Priority } from '../sla/priority.js';
import { type AlertRule, decideTicketRule, noTicket, type RuleAction } from './alert-rules.js';
import { type MonitoringFieldError, MonitoringValidationError } from './errors.js';
import { type FlapPolicy, flapQuiet, isFlapping, minuteMs, recentChanges } from './flapping.js';
import { activeMaintenance, type MaintenanceWindow } from './maintenance.js';
import type { Mapping } from './mapping.js';
import { defaultSeverityMapping } from './severity.js';
import type { AlertEvent, Severity } from './types.js';

export type AlertStatus = 'open' | 'silenced' | 'resolved';

/** What the receiver stores for an alert, as this rule reads and writes it. */
export type AlertRecord = {
  status: AlertStatus;
  /** null while the alert is in triage (no mapping rule placed it). */
  clientId: string | null;
  assetId: string | null;
  severity: Severity;
  summary: string | null;
  /** Firing notifications received (first, repeats and recurrences). */
  count: number;
  /** Receipt times. */
  firstSeen: number;
  lastSeen: number;
  /** When the current (or last) firing began, by the tool's clock. */
  firingSince: number;
  /** When it recovered, by the tool's clock; null while it fires. */
  resolvedAt: number | null;
  acknowledged: boolean;
  /** The maintenance window that silenced it, while silenced. */
  silencedBy: string | null;
  /** Recent state changes (tool's clock), for flap detection. */
  changes: readonly number[];
  /** Set while flapping: since when, and the state it last changed to (the ticket does not follow). */
  flapping: { since: number; lastState: 'firing' | 'resolved' } | null;
};

/** The state of the alert's linked ticket. worked-on: a technician logged time or replied. */
export type LinkedTicket =
  | { state: 'none' }
  | { state: 'open' }
  | { state: 'worked-on' }
  | { state: 'resolved'; resolvedAt: number };

export type TicketAction =
  | { kind: 'none' }
  | { kind: 'open'; priority: Priority; ruleId: string | null; note: string }
  | { kind: 'note'; note: string }
  | { kind: 'resolve'; note: string }
  /** Leave it open, marked "recovered — review". */
  | { kind: 'review'; note: string }
  | { kind: 'reopen'; note: string };

export type AlertOutcome =
  | 'new'
  | 'repeat'
  | 'recurrence'
  | 'recovered'
  | 'acknowledged'
  /** A change while flapping: counted, the ticket left alone. */
  | 'flapping'
  /** Flapping ended with the alert still firing (settleFlapping). */
  | 'settled'
  | 'ignored';

export type LifecycleDecision = {
  outcome: AlertOutcome;
  /** create: store `alert` as a new alert; update: store it over the current one; none: store nothing. */
  write: 'create' | 'update' | 'none';
  alert: AlertRecord | null;
  ticket: TicketAction;
  /** The window that silenced this event, when one did. */
  silencedBy: string | null;
  /** Why, in words, for the alert's history. */
  reasons: string[];
};

export type LifecyclePolicy = {
  /** A firing this many minutes or less after the alert's recovery reopens it and its ticket. */
  reopenWindowMinutes: number;
  flapping: FlapPolicy;
  /** What an alert no rule matches gets. */
  unmatched: RuleAction;
};

export const defaultLifecyclePolicy: LifecyclePolicy = {
  reopenWindowMinutes: 120,
  flapping: { maxChanges: 4, windowMinutes: 30 },
  unmatched: noTicket,
};

export type LifecycleInput = {
  event: AlertEvent;
  /** Where mapping rules place the event (mapping.ts); an alert already placed keeps its client. */
  mapping: Mapping;
  /** The latest alert stored for the event's fingerprint, or null. */
  current: AlertRecord | null;
  /** The current alert's ticket; { state: 'none' } when it has none (or there is no current alert). */
  ticket: LinkedTicket;
  rules: readonly AlertRule[];
  /** Windows of the alert's client (others are ignored). */
  maintenance: readonly MaintenanceWindow[];
  policy?: LifecyclePolicy;
  now: number;
};

type Ctx = {
  event: AlertEvent;
  ticket: LinkedTicket;
  rules: readonly AlertRule[];
  policy: LifecyclePolicy;
  now: number;
  /** The event's time on the tool's clock, never after now. */
  at: number;
  clientId: string | null;
  assetId: string | null;
  window: MaintenanceWindow | null;
  reasons: string[];
};

const none: TicketAction = { kind: 'none' };
const label = (e: AlertEvent) => e.summary ?? e.fingerprint;
const iso = (t: number) => new Date(t).toISOString();

function decision(
  outcome: AlertOutcome,
  write: LifecycleDecision['write'],
  alert: AlertRecord | null,
  ticket: TicketAction,
  c: Ctx,
): LifecycleDecision {
  return { outcome, write, alert, ticket, silencedBy: c.window?.id ?? null, reasons: c.reasons };
}

/** What the rules say for a firing alert with no ticket (or none that can be reused). */
function ruleTicket(c: Ctx, record: AlertRecord, why: string): TicketAction {
  const subject = {
    ...c.event,
    severity: record.severity,
    clientId: record.clientId,
    assetId: record.assetId,
  };
  if (record.clientId === null) {
    const verdict = decideTicketRule(
      c.rules.filter((r) => r.triage === true),
      subject,
      noTicket,
    );
    if (!verdict.action.ticket) {
      c.reasons.push('in triage: no client, so no ticket until the alert is mapped');
      return none;
    }
    c.reasons.push(`${verdict.reason}, in the triage queue until the alert is mapped`);
    return {
      kind: 'open',
      priority: verdict.action.priority,
      ruleId: verdict.ruleId,
      note: `${why} (in triage): ${label(c.event)}`,
    };
  }
  const verdict = decideTicketRule(c.rules, subject, c.policy.unmatched);
  c.reasons.push(verdict.reason);
  if (!verdict.action.ticket) return none;
  return {
    kind: 'open',
    priority: verdict.action.priority,
    ruleId: verdict.ruleId,
    note: `${why}: ${label(c.event)}`,
  };
}

/** A firing that should bring the ticket back: reopen a resolved one, note an open one, else the rules. */
function reviveTicket(c: Ctx, record: AlertRecord, why: string): TicketAction {
  switch (c.ticket.state) {
    case 'resolved':
      return { kind: 'reopen', note: `${why}: ${label(c.event)}` };
    case 'open':
    case 'worked-on':
      return { kind: 'note', note: `${why}: ${label(c.event)}` };
    case 'none':
      return ruleTicket(c, record, why);
  }
}

/** What a recovery does to the ticket. */
function recoveryTicket(
  ticket: LinkedTicket,
  reasons: string[],
  what: string,
  recoveredAt: number,
): TicketAction {
  const note = `Recovered at ${iso(recoveredAt)}: ${what}`;
  switch (ticket.state) {
    case 'open':
      reasons.push('recovered: the ticket is resolved');
      return { kind: 'resolve', note };
    case 'worked-on':
      reasons.push('recovered, but a technician has worked on the ticket: marked recovered — review');
      return { kind: 'review', note };
    case 'resolved':
      reasons.push('recovered: the ticket was already resolved');
      return none;
    case 'none':
      return none;
  }
}

function silencedReason(c: Ctx): void {
  c.reasons.push(`silenced by maintenance window ${c.window!.id}`);
}

function fresh(c: Ctx): AlertRecord {
  const silenced = c.window !== null;
  return {
    status: silenced ? 'silenced' : 'open',
    clientId: c.clientId,
    assetId: c.assetId,
    severity: c.event.severity ?? defaultSeverityMapping.fallback,
    summary: c.event.summary,
    count: 1,
    firstSeen: c.now,
    lastSeen: c.now,
    firingSince: c.at,
    resolvedAt: null,
    acknowledged: false,
    silencedBy: c.window?.id ?? null,
    changes: silenced ? [] : [c.at],
    flapping: null,
  };
}

function newAlert(c: Ctx): LifecycleDecision {
  const record = fresh(c);
  if (c.window) {
    silencedReason(c);
    return decision('new', 'create', record, none, c);
  }
  return decision('new', 'create', record, ruleTicket(c, record, 'Alert'), c);
}

/** The fields every firing refreshes. */
function fired(current: AlertRecord, c: Ctx): AlertRecord {
  return {
    ...current,
    clientId: c.clientId,
    assetId: c.assetId,
    severity: c.event.severity ?? current.severity,
    summary: c.event.summary ?? current.summary,
    count: current.count + 1,
    lastSeen: Math.max(current.lastSeen, c.now),
  };
}

function repeat(current: AlertRecord, c: Ctx): LifecycleDecision {
  const next = fired(current, c);
  const placed = current.clientId === null && c.clientId !== null;
  if (placed) c.reasons.push(`mapped to client ${c.clientId}: out of triage`);
  if (c.window) {
    silencedReason(c);
    if (current.status === 'silenced') next.silencedBy = c.window.id;
    else c.reasons.push('repeat during maintenance: not added to the ticket');
    return decision('repeat', 'update', next, none, c);
  }
  if (current.status === 'silenced') {
    next.status = 'open';
    next.silencedBy = null;
    next.changes = [c.at];
    c.reasons.push('still firing after maintenance: the alert is live');
    return decision('repeat', 'update', next, reviveTicket(c, next, 'Still firing after maintenance'), c);
  }
  if (next.flapping) {
    c.reasons.push('repeat while flapping: counted only');
    return decision('repeat', 'update', next, none, c);
  }
  switch (c.ticket.state) {
    case 'open':
    case 'worked-on':
      c.reasons.push(`repeat ${next.count}: added to the ticket`);
      return decision(
        'repeat',
        'update',
        next,
        { kind: 'note', note: `Repeated (${next.count}×): ${label(c.event)}` },
        c,
      );
    case 'resolved':
      c.reasons.push(
        'repeat of an alert whose ticket was closed while it kept firing: the ticket stays closed',
      );
      return decision('repeat', 'update', next, none, c);
    case 'none':
      return decision('repeat', 'update', next, ruleTicket(c, next, 'Alert'), c);
  }
}

function recurrence(current: AlertRecord, c: Ctx): LifecycleDecision {
  const next: AlertRecord = {
    ...fired(current, c),
    status: c.window ? 'silenced' : 'open',
    firingSince: c.at,
    resolvedAt: null,
    acknowledged: false,
    silencedBy: c.window?.id ?? null,
  };
  c.reasons.push(
    `fired again ${Math.round((c.at - current.resolvedAt!) / minuteMs)} minutes after recovering`,
  );
  if (c.window) {
    silencedReason(c);
    return decision('recurrence', 'update', next, none, c);
  }
  next.changes = recentChanges(current.changes, c.at, c.policy.flapping);
  if (isFlapping(next.changes, c.policy.flapping)) {
    next.flapping = { since: c.at, lastState: 'firing' };
    c.reasons.push(flapReason(next, c));
    return decision('recurrence', 'update', next, reviveTicket(c, next, flapNote(next, c)), c);
  }
  return decision('recurrence', 'update', next, reviveTicket(c, next, 'Recurred'), c);
}

const flapReason = (r: AlertRecord, c: Ctx) =>
  `flapping: ${r.changes.length} changes within ${c.policy.flapping.windowMinutes} minutes; the ticket is left as it is until quiet for ${c.policy.flapping.windowMinutes} minutes`;
const flapNote = (r: AlertRecord, c: Ctx) =>
  `Flapping (${r.changes.length} changes within ${c.policy.flapping.windowMinutes} minutes)`;

function recovery(current: AlertRecord, c: Ctx): LifecycleDecision {
  const base = {
    ...current,
    clientId: c.clientId,
    assetId: c.assetId,
    lastSeen: Math.max(current.lastSeen, c.now),
  };
  const resolved: AlertRecord = {
    ...base,
    status: 'resolved',
    resolvedAt: c.at,
    silencedBy: null,
    flapping: null,
  };
  if (current.status === 'silenced') {
    c.reasons.push('recovered while silenced');
    return decision(
      'recovered',
      'update',
      resolved,
      recoveryTicket(c.ticket, c.reasons, label(c.event), c.at),
      c,
    );
  }
  const changes = recentChanges(current.changes, c.at, c.policy.flapping);
  if (isFlapping(changes, c.policy.flapping)) {
    const next: AlertRecord = { ...base, changes, flapping: { since: c.at, lastState: 'resolved' } };
    c.reasons.push(flapReason(next, c), 'the recovery is held');
    const note = `${flapNote(next, c)}; recovery held: ${label(c.event)}`;
    const ticket: TicketAction =
      c.ticket.state === 'open' || c.ticket.state === 'worked-on' ? { kind: 'note', note } : none;
    return decision('flapping', 'update', next, ticket, c);
  }
  const ticket = recoveryTicket(c.ticket, c.reasons, label(c.event), c.at);
  return decision('recovered', 'update', { ...resolved, changes }, ticket, c);
}

/** A state change of an alert that is already flapping: counted, nothing else. */
function flapChange(current: AlertRecord, c: Ctx, state: 'firing' | 'resolved'): LifecycleDecision {
  const next: AlertRecord = {
    ...(state === 'firing' ? fired(current, c) : { ...current, lastSeen: Math.max(current.lastSeen, c.now) }),
    changes: recentChanges(current.changes, c.at, c.policy.flapping),
    flapping: { since: current.flapping!.since, lastState: state },
  };
  if (state === 'firing') next.firingSince = c.at;
  c.reasons.push(
    `${state === 'firing' ? 'fired' : 'recovered'} while flapping: counted, the ticket is left as it is`,
  );
  return decision('flapping', 'update', next, none, c);
}

/** The alert with its flapping settled: its last state applied (the ticket action is the caller's). */
function settled(current: AlertRecord): AlertRecord {
  const last = current.changes.at(-1) ?? current.firingSince;
  if (current.flapping?.lastState === 'resolved') {
    return { ...current, status: 'resolved', resolvedAt: last, flapping: null, changes: [] };
  }
  return { ...current, flapping: null, changes: [] };
}

function context(input: LifecycleInput, policy: LifecyclePolicy): Ctx {
  const { event, current, mapping, now } = input;
  const placed = current?.clientId ? { clientId: current.clientId, assetId: current.assetId } : null;
  const mapped = mapping.kind === 'mapped' ? { clientId: mapping.clientId, assetId: mapping.assetId } : null;
  const target = placed ?? mapped ?? { clientId: null, assetId: null };
  return {
    event,
    ticket: input.ticket,
    rules: input.rules,
    policy,
    now,
    at: Math.min(event.occurredAt, now),
    ...target,
    window: event.status === 'firing' ? activeMaintenance(input.maintenance, target, now) : null,
    reasons: [],
  };
}

/** The lifecycle decision for one event. Throws MonitoringValidationError on an invalid policy. */
export function decideAlert(input: LifecycleInput): LifecycleDecision {
  const policy = input.policy ?? defaultLifecyclePolicy;
  assertPolicy(policy);
  const c = context(input, policy);
  let current = input.current;
  const { event } = c;

  if (
    current?.flapping &&
    flapQuiet(current.changes.at(-1) ?? current.flapping.since, c.now, policy.flapping)
  ) {
    const lastState = current.flapping.lastState;
    current = settled(current);
    c.reasons.push(`flapping settled: quiet for ${policy.flapping.windowMinutes} minutes, last ${lastState}`);
    if (lastState === 'resolved') {
      if (event.status !== 'firing') {
        c.reasons.push(`the ${event.status} event changes nothing more`);
        const ticket = recoveryTicket(c.ticket, c.reasons, label(event), current.resolvedAt!);
        return decision('recovered', 'update', current, ticket, c);
      }
      // Held open while it flapped, so this firing carries on the same alert and ticket.
      const next: AlertRecord = {
        ...fired(current, c),
        status: c.window ? 'silenced' : 'open',
        firingSince: c.at,
        resolvedAt: null,
        acknowledged: false,
        silencedBy: c.window?.id ?? null,
        changes: c.window ? [] : [c.at],
      };
      if (c.window) {
        silencedReason(c);
        return decision('recurrence', 'update', next, none, c);
      }
      return decision('recurrence', 'update', next, reviveTicket(c, next, 'Fired again after flapping'), c);
    }
  }

  const state =
    current === null
      ? 'none'
      : (current.flapping?.lastState ?? (current.status === 'resolved' ? 'resolved' : 'firing'));

  if (event.status === 'acknowledged') {
    if (current === null || state !== 'firing') {
      c.reasons.push('no firing alert to acknowledge');
      return decision('ignored', 'none', null, none, c);
    }
    const next = { ...current, acknowledged: true, lastSeen: Math.max(current.lastSeen, c.now) };
    c.reasons.push(`acknowledged in ${event.source}`);
    const ticket: TicketAction =
      c.ticket.state === 'open' || c.ticket.state === 'worked-on'
        ? { kind: 'note', note: `Acknowledged in ${event.source}: ${label(event)}` }
        : none;
    return decision('acknowledged', 'update', next, ticket, c);
  }

  if (event.status === 'resolved') {
    if (current === null || state !== 'firing') {
      c.reasons.push(current === null ? 'no alert to resolve' : 'already resolved');
      return decision('ignored', 'none', null, none, c);
    }
    if (c.at < current.firingSince) {
      c.reasons.push(
        `stale: it ended at ${iso(c.at)}, before the current firing began at ${iso(current.firingSince)}`,
      );
      return decision('ignored', 'none', null, none, c);
    }
    return current.flapping ? flapChange(current, c, 'resolved') : recovery(current, c);
  }

  // firing
  if (current === null) return newAlert(c);
  if (state === 'firing') return repeat(current, c);
  if (current.flapping) return flapChange(current, c, 'firing');
  const resolvedAt = current.resolvedAt ?? current.lastSeen;
  if (c.at < resolvedAt) {
    c.reasons.push(`stale: it began at ${iso(c.at)}, before the alert recovered at ${iso(resolvedAt)}`);
    return decision('ignored', 'none', null, none, c);
  }
  if (c.at - resolvedAt <= policy.reopenWindowMinutes * minuteMs) return recurrence(current, c);
  c.reasons.push(`fired again more than ${policy.reopenWindowMinutes} minutes after recovering: a new alert`);
  return newAlert(c);
}

/**
 * For a periodic job: a flapping alert quiet for the flap window gets its last state applied once
 * (a recovery resolves or marks the ticket for review). Null when there is nothing to settle.
 */
export function settleFlapping(
  current: AlertRecord,
  ticket: LinkedTicket,
  now: number,
  policy: LifecyclePolicy = defaultLifecyclePolicy,
): LifecycleDecision | null {
  assertPolicy(policy);
  if (!current.flapping) return null;
  const last = current.changes.at(-1) ?? current.flapping.since;
  if (!flapQuiet(last, now, policy.flapping)) return null;
  const next = settled(current);
  const reasons = [
    `flapping settled: quiet for ${policy.flapping.windowMinutes} minutes, last ${current.flapping.lastState}`,
  ];
  if (next.status !== 'resolved') {
    return { outcome: 'settled', write: 'update', alert: next, ticket: none, silencedBy: null, reasons };
  }
  const action = recoveryTicket(ticket, reasons, current.summary ?? 'the alert', next.resolvedAt!);
  return { outcome: 'recovered', write: 'update', alert: next, ticket: action, silencedBy: null, reasons };
}

/** Every problem with a lifecycle policy; empty when it can be applied. */
export function lifecyclePolicyErrors(p: LifecyclePolicy, path = 'policy'): MonitoringFieldError[] {
  const errors: MonitoringFieldError[] = [];
  const fail = (field: string, message: string) =>
    errors.push({ field: `${path}.${field}`, code: 'INVALID_POLICY', message });
  if (!(Number.isFinite(p?.reopenWindowMinutes) && p.reopenWindowMinutes >= 0)) {
    fail('reopenWindowMinutes', 'expected minutes ≥ 0');
  }
  if (!(Number.isInteger(p?.flapping?.maxChanges) && p.flapping.maxChanges >= 1)) {
    fail('flapping.maxChanges', 'expected a whole number ≥ 1');
  }
  if (!(Number.isFinite(p?.flapping?.windowMinutes) && p.flapping.windowMinutes > 0)) {
    fail('flapping.windowMinutes', 'expected minutes > 0');
  }
  if (typeof p?.unmatched?.ticket !== 'boolean')
    fail('unmatched', 'expected { ticket: false } or { ticket: true, priority }');
  return errors;
}

const checkedPolicies = new WeakSet<LifecyclePolicy>();

function assertPolicy(p: LifecyclePolicy): void {
  if (checkedPolicies.has(p)) return;
  const errors = lifecyclePolicyErrors(p);
  if (errors.length) throw new MonitoringValidationError(errors);
  checkedPolicies.add(p);
}
