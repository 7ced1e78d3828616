import { describe, expect, it } from 'vitest';
import {
  type AlertRule,
  decideTicketRule,
  defaultAlertRules,
  type RuleSubject,
  validateAlertRules,
} from './alert-rules.js';

const subject = (over: Partial<RuleSubject> = {}): RuleSubject => ({
  source: 'alertmanager',
  severity: 'high',
  labels: { alertname: 'DiskFull', env: 'prod' },
  identity: { host: 'db01' },
  clientId: 'acme',
  assetId: 'db01',
  ...over,
});

const rules: AlertRule[] = [
  {
    id: 'test-env-quiet',
    matchers: [{ field: 'labels.env', op: '=', value: 'test' }],
    action: { ticket: false },
  },
  { id: 'vip-any', clientIds: ['bigco'], action: { ticket: true, priority: 'P1' } },
  {
    id: 'db-high',
    minSeverity: 'high',
    assetIds: ['db01', 'db02'],
    action: { ticket: true, priority: 'P2' },
  },
  { id: 'kuma-down', sources: ['uptime-kuma'], action: { ticket: true, priority: 'P2' } },
  { id: 'warning', minSeverity: 'warning', action: { ticket: true, priority: 'P3' } },
];

describe('the first matching rule decides', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: [string, Partial<RuleSubject>, string | null, boolean, string?][] = [
    ['a high alert on a database', {}, 'db-high', true, 'P2'],
    ['a no-ticket exception above the broad rule', { labels: { env: 'test' } }, 'test-env-quiet', false],
    ['a client rule, whatever the severity', { clientId: 'bigco', severity: 'info' }, 'vip-any', true, 'P1'],
    ['critical is at least high', { severity: 'critical' }, 'db-high', true, 'P2'],
    ['warning is not high: falls to the next', { severity: 'warning' }, 'warning', true, 'P3'],
    ['another asset', { assetId: 'web01' }, 'warning', true, 'P3'],
    ['no asset', { assetId: null }, 'warning', true, 'P3'],
    ['a source rule', { source: 'uptime-kuma', severity: 'info', assetId: null }, 'kuma-down', true, 'P2'],
    ['info matches nothing', { severity: 'info', assetId: null }, null, false],
    ['no severity matches no severity rule', { severity: null, assetId: null }, null, false],
    ['no client matches no client rule', { clientId: null, severity: 'info' }, null, false],
  ];
  it.each(rows)('%s', (_name, over, ruleId, ticket, priority) => {
    const verdict = decideTicketRule(rules, subject(over));
    expect(verdict.ruleId).toBe(ruleId);
    expect(verdict.action.ticket).toBe(ticket);
    if (priority) expect(verdict.action).toEqual({ ticket: true, priority });
  });

  it('says why', () => {
    expect(decideTicketRule(rules, subject()).reason).toBe('alert rule db-high: open a P2 ticket');
    expect(decideTicketRule([], subject()).reason).toBe('no alert rule matched: no ticket');
    expect(decideTicketRule([], subject(), { ticket: true, priority: 'P4' })).toEqual({
      ruleId: null,
      action: { ticket: true, priority: 'P4' },
      reason: 'no alert rule matched: open a P4 ticket',
    });
  });

  it('the default rules: critical P1, high P2, the rest recorded only', () => {
    expect(validateAlertRules(defaultAlertRules)).toEqual([]);
    expect(decideTicketRule(defaultAlertRules, subject({ severity: 'critical' })).action).toEqual({
      ticket: true,
      priority: 'P1',
    });
    expect(decideTicketRule(defaultAlertRules, subject({ severity: 'high' })).action).toEqual({
      ticket: true,
      priority: 'P2',
    });
    expect(decideTicketRule(defaultAlertRules, subject({ severity: 'warning' })).action).toEqual({
      ticket: false,
    });
  });
});

describe('alert rule validation', () => {
  it('accepts the rules above', () => {
    expect(validateAlertRules(rules)).toEqual([]);
  });

  const ok: AlertRule = { id: 'a', action: { ticket: false } };
  // biome-ignore format: one case per line reads as a table
  const rows: [unknown, string[]][] = [
    [{}, ['rules']],
    [[7], ['rules[0]']],
    [[ok, ok], ['rules[1].id']],
    [[{ ...ok, minSeverity: 'urgent' }], ['rules[0].minSeverity']],
    [[{ ...ok, clientIds: [] }], ['rules[0].clientIds']],
    [[{ ...ok, assetIds: [''] }], ['rules[0].assetIds']],
    [[{ ...ok, sources: ['nagios'] }], ['rules[0].sources']],
    [[{ ...ok, matchers: [{ field: 'x', op: '=', value: '' }] }], ['rules[0].matchers[0].field']],
    [[{ ...ok, action: undefined }], ['rules[0].action']],
    [[{ ...ok, action: { ticket: true, priority: 'P0' } }], ['rules[0].action.priority']],
    [[{ ...ok, triage: 'yes' }], ['rules[0].triage']],
  ];
  it.each(rows)('problems of %j', (input, fields) => {
    expect(validateAlertRules(input).map((e) => e.field)).toEqual(fields);
  });
});
