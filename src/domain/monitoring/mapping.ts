/**
 * Which client and asset an alert belongs to, from mapping rules on its labels and identity.
 *
 * A rule is a list of matchers (matchers.ts), all of which must hold, naming a client and optionally
 * one of its assets. When several rules match, the MOST SPECIFIC wins, not the first: rules come
 * from two places (each asset's monitoring identities, written as exact matches, and hand-written
 * client-wide patterns such as `host =~ .*\.acme\.example`), and an asset's exact rule must win over
 * its client's pattern wherever either sits in the list. Specificity, compared in this order:
 *   1. more `=` matchers on a non-empty value (exact identity),
 *   2. then more `=~` matchers (positive patterns),
 *   3. then more negative matchers (`!=`, `!~`, and `=` on '' which asks for absence),
 *   4. then the earlier rule in the list.
 * No rule matches → the integration's default client when it is dedicated to one client, else triage:
 * the alert is kept and listed for a person to map, never dropped.
 */
import type { MonitoringFieldError } from './errors.js';
import { type MatchableEvent, type Matcher, matcherErrors, matchesAll } from './matchers.js';

export type MappingRule = {
  id: string;
  clientId: string;
  /** One of the client's assets, or null for the client as a whole. */
  assetId: string | null;
  /** At least one; all must hold. */
  matchers: readonly Matcher[];
};

export type Mapping =
  | { kind: 'mapped'; clientId: string; assetId: string | null; ruleId: string | null; reason: string }
  | { kind: 'triage'; reason: string };

export type MapOptions = {
  /** The client an integration is dedicated to, for alerts no rule maps. */
  defaultClientId?: string | null;
};

/** [exact, patterns, negatives]: compared left to right, more is more specific. */
export function specificity(rule: Pick<MappingRule, 'matchers'>): [number, number, number] {
  let exact = 0;
  let patterns = 0;
  let negatives = 0;
  for (const m of rule.matchers) {
    if (m.op === '=' && m.value !== '') exact++;
    else if (m.op === '=~') patterns++;
    else negatives++;
  }
  return [exact, patterns, negatives];
}

function moreSpecific(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

const reasons = new WeakMap<MappingRule, string>();

/** Why a rule mapped an alert, written once per rule object (intake maps thousands of alerts a second). */
function reasonOf(rule: MappingRule): string {
  let reason = reasons.get(rule);
  if (reason === undefined) {
    const matchers = rule.matchers.map((m) => `${m.field}${m.op}${JSON.stringify(m.value)}`).join(', ');
    reason = `mapping rule ${rule.id} (${matchers})`;
    reasons.set(rule, reason);
  }
  return reason;
}

/** The client and asset of an event, or triage; rules must be valid (validateMappingRules). */
export function mapAlert(
  event: MatchableEvent,
  rules: readonly MappingRule[],
  options: MapOptions = {},
): Mapping {
  let best: MappingRule | null = null;
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (const rule of rules) {
    if (rule.matchers.length === 0 || !matchesAll(rule.matchers, event)) continue;
    const score = specificity(rule);
    if (moreSpecific(score, bestScore)) {
      best = rule;
      bestScore = score;
    }
  }
  if (best) {
    return {
      kind: 'mapped',
      clientId: best.clientId,
      assetId: best.assetId,
      ruleId: best.id,
      reason: reasonOf(best),
    };
  }
  if (options.defaultClientId) {
    return {
      kind: 'mapped',
      clientId: options.defaultClientId,
      assetId: null,
      ruleId: null,
      reason: "no mapping rule matched: the integration's client",
    };
  }
  return { kind: 'triage', reason: 'no mapping rule matched: in triage until a person maps it' };
}

/** Every problem with a list of mapping rules, each under `rules[i]`; empty when they can be applied. */
export function validateMappingRules(rules: unknown, path = 'rules'): MonitoringFieldError[] {
  if (!Array.isArray(rules))
    return [{ field: path, code: 'INVALID_RULE', message: 'expected a list of rules' }];
  const errors: MonitoringFieldError[] = [];
  const seen = new Set<string>();
  rules.forEach((r: Partial<MappingRule> | null, i) => {
    const at = `${path}[${i}]`;
    if (typeof r !== 'object' || r === null) {
      errors.push({
        field: at,
        code: 'INVALID_RULE',
        message: 'expected { id, clientId, assetId, matchers }',
      });
      return;
    }
    if (typeof r.id !== 'string' || r.id === '') {
      errors.push({ field: `${at}.id`, code: 'INVALID_RULE', message: 'expected a non-empty id' });
    } else if (seen.has(r.id)) {
      errors.push({ field: `${at}.id`, code: 'INVALID_RULE', message: `duplicate rule id ${r.id}` });
    } else seen.add(r.id);
    if (typeof r.clientId !== 'string' || r.clientId === '') {
      errors.push({ field: `${at}.clientId`, code: 'INVALID_RULE', message: 'expected a client id' });
    }
    if (r.assetId !== null && (typeof r.assetId !== 'string' || r.assetId === '')) {
      errors.push({ field: `${at}.assetId`, code: 'INVALID_RULE', message: 'expected an asset id or null' });
    }
    if (Array.isArray(r.matchers) && r.matchers.length === 0) {
      errors.push({
        field: `${at}.matchers`,
        code: 'INVALID_RULE',
        message: 'at least one matcher: a rule without one would take every alert',
      });
    }
    errors.push(...matcherErrors(r.matchers, `${at}.matchers`));
  });
  return errors;
}
