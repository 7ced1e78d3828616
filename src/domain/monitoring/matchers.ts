/**
 * Label matchers as Prometheus and Alertmanager users write them: `=`, `!=`, `=~`, `!~`. A regular
 * expression must match the whole value (it is anchored, as in Alertmanager). A field the event does
 * not carry reads as the empty string, so `{field: 'labels.team', op: '=', value: ''}` matches alerts
 * without a team and `op: '!='` with value '' requires one. Comparison is exact unless `ignoreCase`.
 *
 * Fields: `source`, `severity`, the identity keys `instance`, `host`, `monitor`, `service`, and any
 * label as `labels.<name>`.
 */
import type { MonitoringFieldError } from './errors.js';
import { type AlertEvent, identityKeys } from './types.js';

export const matchOps = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof matchOps)[number];

export type Matcher = {
  field: string;
  op: MatchOp;
  value: string;
  ignoreCase?: boolean;
};

export type MatchableEvent = Pick<AlertEvent, 'source' | 'severity' | 'labels' | 'identity'>;

const plainFields = new Set<string>(['source', 'severity', ...identityKeys]);
const maxPattern = 1_000;

export const isMatchField = (field: unknown): field is string =>
  typeof field === 'string' && (plainFields.has(field) || (field.startsWith('labels.') && field.length > 7));

/** The value of `field` on the event; '' when it has none. */
export function fieldValue(event: MatchableEvent, field: string): string {
  if (field.startsWith('labels.')) {
    const name = field.slice(7);
    return Object.hasOwn(event.labels, name) ? event.labels[name]! : '';
  }
  if (field === 'source') return event.source;
  if (field === 'severity') return event.severity ?? '';
  return event.identity[field as keyof MatchableEvent['identity']] ?? '';
}

const compiled = new Map<string, RegExp>();

function regexOf(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, ignoreCase ? 'iu' : 'u');
    if (compiled.size >= 10_000) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

export function matches(matcher: Matcher, event: MatchableEvent): boolean {
  const actual = fieldValue(event, matcher.field);
  const ic = matcher.ignoreCase === true;
  switch (matcher.op) {
    case '=':
      return ic ? actual.toLowerCase() === matcher.value.toLowerCase() : actual === matcher.value;
    case '!=':
      return ic ? actual.toLowerCase() !== matcher.value.toLowerCase() : actual !== matcher.value;
    case '=~':
      return regexOf(matcher.value, ic).test(actual);
    case '!~':
      return !regexOf(matcher.value, ic).test(actual);
  }
}

export const matchesAll = (matchers: readonly Matcher[], event: MatchableEvent): boolean =>
  matchers.every((m) => matches(m, event));

/** Every problem with a list of matchers, each under `path[i]`. */
export function matcherErrors(matchers: unknown, path: string): MonitoringFieldError[] {
  if (!Array.isArray(matchers)) {
    return [{ field: path, code: 'INVALID_MATCHER', message: 'expected a list of { field, op, value }' }];
  }
  const errors: MonitoringFieldError[] = [];
  matchers.forEach((m: Partial<Matcher> | null, i) => {
    const at = `${path}[${i}]`;
    if (typeof m !== 'object' || m === null) {
      errors.push({ field: at, code: 'INVALID_MATCHER', message: 'expected { field, op, value }' });
      return;
    }
    if (!isMatchField(m.field)) {
      errors.push({
        field: `${at}.field`,
        code: 'INVALID_MATCHER',
        message: `expected source, severity, ${identityKeys.join(', ')} or labels.<name>, got ${JSON.stringify(m.field)}`,
      });
    }
    if (!matchOps.includes(m.op as MatchOp)) {
      errors.push({
        field: `${at}.op`,
        code: 'INVALID_MATCHER',
        message: `expected one of ${matchOps.join(' ')}, got ${JSON.stringify(m.op)}`,
      });
    }
    if (typeof m.value !== 'string') {
      errors.push({ field: `${at}.value`, code: 'INVALID_MATCHER', message: 'expected text' });
    } else if (m.op === '=~' || m.op === '!~') {
      if (m.value.length > maxPattern) {
        errors.push({
          field: `${at}.value`,
          code: 'INVALID_MATCHER',
          message: `a pattern of at most ${maxPattern} characters`,
        });
      } else {
        try {
          regexOf(m.value, m.ignoreCase === true);
        } catch (e) {
          errors.push({
            field: `${at}.value`,
            code: 'INVALID_MATCHER',
            message: `not a regular expression: ${(e as Error).message}`,
          });
        }
      }
    }
    if (m.ignoreCase !== undefined && typeof m.ignoreCase !== 'boolean') {
      errors.push({ field: `${at}.ignoreCase`, code: 'INVALID_MATCHER', message: 'expected true or false' });
    }
  });
  return errors;
}
