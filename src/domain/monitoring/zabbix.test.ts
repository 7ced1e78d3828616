import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonitoringValidationError } from './errors.js';
import { severityMapping } from './severity.js';
import { parseZabbixWebhook } from './zabbix.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const receivedAt = Date.parse('2023-03-24T13:20:00Z');
const parse = (body: unknown) => parseZabbixWebhook(body, { receivedAt });

function fieldErrors(body: unknown) {
  try {
    parse(body);
  } catch (e) {
    expect(e).toBeInstanceOf(MonitoringValidationError);
    return (e as MonitoringValidationError).fields.map(({ field, code }) => ({ field, code }));
  }
  throw new Error('expected the body to be refused');
}

// The body Keel's media type sends (zabbix-webhook.md), as its script builds it.
const problem = {
  event_id: '10528',
  trigger_id: '14032',
  host: 'web01.acme.example',
  host_name: 'Web 01',
  host_ip: '10.0.0.5',
  severity: '3',
  status: 'PROBLEM',
  update: '0',
  acknowledged: 'No',
  event_name: 'Zabbix agent on web01 is unreachable for 5 minutes',
  opdata: 'Up (1)',
  occurred_at: 1679663620,
  tags: '[{"tag":"scope","value":"availability"},{"tag":"customer","value":"acme"}]',
  host_groups: 'Linux servers, Customers/Acme',
  url: 'https://zabbix.example.com/tr_events.php?triggerid=14032&eventid=10528',
};
const body = (over: Record<string, unknown>) => ({ ...problem, ...over });

describe('the documented body', () => {
  it('a problem: one firing event keyed by the trigger', () => {
    expect(parse(problem)).toEqual({
      events: [
        {
          source: 'zabbix',
          fingerprint: 'zabbix:trigger:14032',
          status: 'firing',
          severity: 'warning',
          summary: 'Zabbix agent on web01 is unreachable for 5 minutes',
          description: 'Up (1)',
          url: 'https://zabbix.example.com/tr_events.php?triggerid=14032&eventid=10528',
          labels: {
            scope: 'availability',
            customer: 'acme',
            zabbix_event_id: '10528',
            zabbix_trigger_id: '14032',
            zabbix_severity: 'average',
            zabbix_host_name: 'Web 01',
            zabbix_host_groups: 'Linux servers, Customers/Acme',
          },
          identity: { host: 'web01.acme.example', instance: '10.0.0.5' },
          occurredAt: 1679663620000,
        },
      ],
      skipped: [],
    });
  });

  type Row = [string, Record<string, unknown>, Record<string, unknown>];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['a recovery', { status: 'RESOLVED', occurred_at: 1679664200 }, { status: 'resolved', fingerprint: 'zabbix:trigger:14032', occurredAt: 1679664200000 }],
    ['OK reads as a recovery', { status: 'OK' }, { status: 'resolved' }],
    ['status in lower case', { status: 'problem' }, { status: 'firing' }],
    ['an acknowledgement (update, ack Yes)', { update: '1', acknowledged: 'Yes' }, { status: 'acknowledged' }],
    ['an update without ack is a repeat', { update: '1', acknowledged: 'No' }, { status: 'firing' }],
    ['acknowledged without update is a firing', { acknowledged: 'Yes' }, { status: 'firing' }],
    ['numeric update and ids', { update: 1, acknowledged: 'yes', event_id: 10528, trigger_id: 14032 }, { status: 'acknowledged', fingerprint: 'zabbix:trigger:14032' }],
    ['not classified', { severity: '0' }, { severity: 'info' }],
    ['information', { severity: 1 }, { severity: 'info' }],
    ['warning', { severity: '2' }, { severity: 'warning' }],
    ['high', { severity: '4' }, { severity: 'high' }],
    ['disaster', { severity: '5' }, { severity: 'critical' }],
    ['a severity name', { severity: 'Disaster' }, { severity: 'critical', labels: expect.objectContaining({ zabbix_severity: 'disaster' }) }],
    ['occurred_at as RFC 3339', { occurred_at: '2023-03-24T13:13:40+02:00' }, { occurredAt: Date.parse('2023-03-24T11:13:40Z') }],
    ['occurred_at as digits', { occurred_at: '1679663620.5' }, { occurredAt: 1679663620500 }],
    ['no occurred_at: receipt time', { occurred_at: undefined }, { occurredAt: receivedAt }],
    ['an unresolved macro in an optional field is absent', { occurred_at: '{EVENT.RECOVERY.TIME}', host_ip: '*UNKNOWN*', opdata: '' }, { occurredAt: receivedAt, description: null, identity: { host: 'web01.acme.example' } }],
    ['tags as a list', { tags: [{ tag: 'service', value: 'web' }] }, { identity: { host: 'web01.acme.example', instance: '10.0.0.5', service: 'web' } }],
    ['host groups as a list', { host_groups: ['A', ' ', 'B'] }, { labels: expect.objectContaining({ zabbix_host_groups: 'A, B' }) }],
    ['a technical host name with spaces', { host: 'Zabbix server', host_ip: null }, { identity: { host: 'zabbix server' } }],
    ['extra keys are accepted', { event_source: '0', send_to: 'x' }, { status: 'firing' }],
  ];
  it.each(rows)('%s', (_name, over, expected) => {
    expect(parse(body(over)).events[0]).toMatchObject(expected);
  });

  it('a custom Zabbix severity scale', () => {
    const severity = severityMapping({ zabbix: ['info', 'info', 'info', 'high', 'critical', 'critical'] });
    expect(parseZabbixWebhook(problem, { receivedAt, severity }).events[0]!.severity).toBe('high');
  });
});

describe('refused bodies name the field', () => {
  it('a third-party script’s body (zulip) lacks the ids and names Keel needs', () => {
    expect(fieldErrors(fixture('zabbix/zulip_zabbix_alert.json'))).toEqual([
      { field: 'event_id', code: 'REQUIRED' },
      { field: 'trigger_id', code: 'REQUIRED' },
      { field: 'host', code: 'REQUIRED' },
      { field: 'event_name', code: 'REQUIRED' },
    ]);
    expect(fieldErrors(fixture('zabbix/zulip_zabbix_ok.json'))).toHaveLength(4);
  });

  type Row = [string, unknown, { field: string; code: string }[]];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['an array', [], [{ field: '(body)', code: 'INVALID_TYPE' }]],
    ['an unresolved macro in a required field', body({ trigger_id: '{TRIGGER.ID}' }), [{ field: 'trigger_id', code: 'INVALID_VALUE' }]],
    ['a macro as the host', body({ host: '{HOST.HOST}' }), [{ field: 'host', code: 'INVALID_VALUE' }]],
    ['an unknown status', body({ status: 'FIXED' }), [{ field: 'status', code: 'INVALID_VALUE' }]],
    ['no severity', body({ severity: undefined }), [{ field: 'severity', code: 'REQUIRED' }]],
    ['severity 6', body({ severity: '6' }), [{ field: 'severity', code: 'INVALID_VALUE' }]],
    ['a bad time', body({ occurred_at: 'noon' }), [{ field: 'occurred_at', code: 'INVALID_TIMESTAMP' }]],
    ['tags that are no JSON list', body({ tags: '{"tag":1}' }), [{ field: 'tags', code: 'INVALID_VALUE' }]],
    ['an empty event name', body({ event_name: ' ' }), [{ field: 'event_name', code: 'INVALID_VALUE' }]],
  ];
  it.each(rows)('%s', (_name, b, expected) => {
    expect(fieldErrors(b)).toEqual(expected);
  });
});
