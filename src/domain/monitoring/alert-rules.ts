/**
 * Alert rules: which alerts become tickets, and at which priority. Rules are an ordered list and the
 * FIRST rule whose conditions all hold decides (as a firewall or Alertmanager route would): a
 * narrow rule, or a "no ticket" exception, goes above the broad one it overrides. Every condition a
 * rule leaves out matches anything. No rule matches → `unmatched` (by default: no ticket, the alert
 * is still recorded and listed).
 *
 * Alerts in triage (no mapping rule placed them with a client) are only asked of rules marked
 * `triage: true`: such a rule opens its ticket without a client, in the helpdesk's triage queue, so
 * a critical alert from an unknown host is not left waiting for someone to map it.
 */
import type { Priority } from '../sla/priority.js';
import { priorities } from '../sla/priority.js';
import type { MonitoringFieldError } from './errors.js';
import { type MatchableEvent, type Matcher, matcherErrors, matchesAll } from './matchers.js';
import { type AlertSource, alertSources, atLeast, type Severity, severities } from './types.js';

export type RuleAction = { ticket: true; priority: Priority } | { ticket: false };

export type AlertRule = {
  id: string;
  /** The alert's severity is this or worse. */
  minSeverity?: Severity;
  /** The alert's client is one of these. */
  clientIds?: readonly string[];
  /** The alert's asset is one of these. */
  assetIds?: readonly string[];
  sources?: readonly AlertSource[];
  /** Label and identity matchers (matchers.ts), all of which must hold. */
  matchers?: readonly Matcher[];
  /** Also applies to alerts in triage (no client yet): the ticket opens in the triage queue. */
  triage?: boolean;
  action: RuleAction;
};

export type RuleSubject = MatchableEvent & { clientId: string | null; assetId: string | null };

export type RuleVerdict = { ruleId: string | null; action: RuleAction; reason: string };

/** A starting set an MSP can edit: critical opens P1, high opens P2, the rest is only recorded. */
export const defaultAlertRules: readonly AlertRule[] = [
  { id: 'critical-p1', minSeverity: 'critical', action: { ticket: true, priority: 'P1' } },
  { id: 'high-p2', minSeverity: 'high', action: { ticket: true, priority: 'P2' } },
];

export const noTicket: RuleAction = { ticket: false };

export function ruleMatches(rule: AlertRule, s: RuleSubject): boolean {
  if (rule.minSeverity && (s.severity === null || !atLeast(s.severity, rule.minSeverity))) return false;
  if (rule.clientIds && (s.clientId === null || !rule.clientIds.includes(s.clientId))) return false;
  if (rule.assetIds && (s.assetId === null || !rule.assetIds.includes(s.assetId))) return false;
  if (rule.sources && !rule.sources.includes(s.source)) return false;
  return !rule.matchers || matchesAll(rule.matchers, s);
}

const say = (a: RuleAction) => (a.ticket ? `open a ${a.priority} ticket` : 'no ticket');

/** What the first matching rule says for this alert; rules must be valid (validateAlertRules). */
export function decideTicketRule(
  rules: readonly AlertRule[],
  subject: RuleSubject,
  unmatched: RuleAction = noTicket,
): RuleVerdict {
  const rule = rules.find((r) => ruleMatches(r, subject));
  if (rule)
    return { ruleId: rule.id, action: rule.action, reason: `alert rule ${rule.id}: ${say(rule.action)}` };
  return { ruleId: null, action: unmatched, reason: `no alert rule matched: ${say(unmatched)}` };
}

const idList = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');

/** Every problem with a list of alert rules, each under `rules[i]`; empty when they can be applied. */
export function validateAlertRules(rules: unknown, path = 'rules'): MonitoringFieldError[] {
  if (!Array.isArray(rules))
    return [{ field: path, code: 'INVALID_RULE', message: 'expected a list of rules' }];
  const errors: MonitoringFieldError[] = [];
  const seen = new Set<string>();
  rules.forEach((r: Partial<AlertRule> | null, i) => {
    const at = `${path}[${i}]`;
    const fail = (field: string, message: string) =>
      errors.push({ field: `${at}.${field}`, code: 'INVALID_RULE', message });
    if (typeof r !== 'object' || r === null) {
      errors.push({ field: at, code: 'INVALID_RULE', message: 'expected { id, …conditions, action }' });
      return;
    }
    if (typeof r.id !== 'string' || r.id === '') fail('id', 'expected a non-empty id');
    else if (seen.has(r.id)) fail('id', `duplicate rule id ${r.id}`);
    else seen.add(r.id);
    if (r.minSeverity !== undefined && !severities.includes(r.minSeverity)) {
      fail('minSeverity', `expected one of ${severities.join(', ')}`);
    }
    if (r.clientIds !== undefined && !idList(r.clientIds))
      fail('clientIds', 'expected a non-empty list of ids');
    if (r.assetIds !== undefined && !idList(r.assetIds)) fail('assetIds', 'expected a non-empty list of ids');
    if (
      r.sources !== undefined &&
      !(Array.isArray(r.sources) && r.sources.length > 0 && r.sources.every((s) => alertSources.includes(s)))
    ) {
      fail('sources', `expected a non-empty list among ${alertSources.join(', ')}`);
    }
    if (r.matchers !== undefined) errors.push(...matcherErrors(r.matchers, `${at}.matchers`));
    if (r.triage !== undefined && typeof r.triage !== 'boolean') fail('triage', 'expected true or false');
    const a = r.action as Partial<{ ticket: unknown; priority: unknown }> | undefined;
    if (typeof a !== 'object' || a === null || typeof a.ticket !== 'boolean') {
      fail('action', 'expected { ticket: true, priority } or { ticket: false }');
    } else if (a.ticket && !priorities.includes(a.priority as Priority)) {
      fail('action.priority', `expected one of ${priorities.join(', ')}`);
    }
  });
  return errors;
}
