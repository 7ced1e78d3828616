import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonitoringValidationError } from './errors.js';
import { parseEventsV2 } from './events.js';
import { labelSetFingerprint } from './fingerprint.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const receivedAt = Date.parse('2024-01-10T08:00:00Z');
const parse = (body: unknown) => parseEventsV2(body, { receivedAt });
const trigger = fixture('pagerduty-events-v2/docs_example_trigger.json');

function fieldErrors(body: unknown) {
  try {
    parse(body);
  } catch (e) {
    expect(e).toBeInstanceOf(MonitoringValidationError);
    return (e as MonitoringValidationError).fields.map(({ field, code }) => ({ field, code }));
  }
  throw new Error('expected the body to be refused');
}

const withPayload = (over: Record<string, unknown>) => ({
  ...trigger,
  payload: { ...trigger.payload, ...over },
});

describe('PagerDuty documentation examples', () => {
  it('trigger', () => {
    const source = 'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003';
    expect(parse(trigger)).toEqual({
      events: [
        {
          source: 'events',
          fingerprint: 'events:samplekeyhere',
          status: 'firing',
          severity: 'info',
          summary: 'Example alert on host1.example.com',
          description: JSON.stringify({ 'ping time': '1500ms', 'load avg': 0.75 }, null, 2),
          url: 'https://monitoring.example.com',
          labels: { source, component: 'postgres', group: 'prod-datapipe', class: 'deploy' },
          identity: { instance: source, host: source, service: 'postgres' },
          occurredAt: Date.parse('2015-07-17T08:42:58.315Z'),
        },
      ],
      skipped: [],
    });
  });

  it.each([
    ['docs_example_acknowledge.json', 'acknowledged'],
    ['docs_example_resolve.json', 'resolved'],
  ])('%s: the dedup key, at the receipt time', (name, status) => {
    expect(parse(fixture(`pagerduty-events-v2/${name}`)).events).toEqual([
      {
        source: 'events',
        fingerprint: 'events:dedupkeyhere',
        status,
        severity: null,
        summary: null,
        description: null,
        url: null,
        labels: {},
        identity: {},
        occurredAt: receivedAt,
      },
    ]);
  });
});

describe('triggers', () => {
  type Row = [string, unknown, Record<string, unknown>];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['critical', withPayload({ severity: 'critical' }), { severity: 'critical' }],
    ['error reads as high', withPayload({ severity: 'error' }), { severity: 'high' }],
    ['warning', withPayload({ severity: 'warning' }), { severity: 'warning' }],
    ['a host name source', withPayload({ source: 'DB01.acme.example' }), { identity: { instance: 'DB01.acme.example', host: 'db01.acme.example', service: 'postgres' } }],
    ['no timestamp: receipt time', withPayload({ timestamp: undefined }), { occurredAt: receivedAt }],
    ['custom details as text', withPayload({ custom_details: 'disk full' }), { description: 'disk full' }],
    ['no details, no component', withPayload({ custom_details: undefined, component: null, group: undefined, class: undefined }), { description: null, labels: { source: trigger.payload.source } }],
    ['the first link when there is no client_url', { ...trigger, client_url: undefined }, { url: 'https://example.com/' }],
    ['a routing key is not a label', trigger, { labels: expect.not.objectContaining({ routing_key: expect.anything() }) }],
  ];
  it.each(rows)('%s', (_name, body, expected) => {
    expect(parse(body).events[0]).toMatchObject(expected);
  });

  it('no dedup_key: derived from source, component, group, class and summary', () => {
    const { dedup_key: _, ...noKey } = trigger;
    const [event] = parse(noKey).events;
    const p = trigger.payload;
    const key = labelSetFingerprint({
      source: p.source,
      component: p.component,
      group: p.group,
      class: p.class,
      summary: p.summary,
    });
    expect(event!.fingerprint).toBe(`events:${key}`);
    expect(parse({ ...noKey, images: [] }).events[0]!.fingerprint).toBe(event!.fingerprint);
    expect(parse({ ...noKey, payload: { ...p, summary: 'other' } }).events[0]!.fingerprint).not.toBe(
      event!.fingerprint,
    );
  });
});

describe('refused bodies name the field', () => {
  type Row = [string, unknown, { field: string; code: string }[]];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['no action', { dedup_key: 'x' }, [{ field: 'event_action', code: 'REQUIRED' }]],
    ['a change event', { event_action: 'change' }, [{ field: 'event_action', code: 'INVALID_VALUE' }]],
    ['resolve without dedup_key', { event_action: 'resolve' }, [{ field: 'dedup_key', code: 'REQUIRED' }]],
    ['acknowledge with an empty dedup_key', { event_action: 'acknowledge', dedup_key: '' }, [{ field: 'dedup_key', code: 'INVALID_VALUE' }]],
    ['trigger without payload', { event_action: 'trigger' }, [{ field: 'payload', code: 'REQUIRED' }]],
    ['trigger missing summary and source', withPayload({ summary: undefined, source: undefined }), [{ field: 'payload.summary', code: 'REQUIRED' }, { field: 'payload.source', code: 'REQUIRED' }]],
    ['an unknown severity', withPayload({ severity: 'fatal' }), [{ field: 'payload.severity', code: 'INVALID_VALUE' }]],
    ['a bad timestamp', withPayload({ timestamp: '17/07/2015' }), [{ field: 'payload.timestamp', code: 'INVALID_TIMESTAMP' }]],
    ['a dedup_key over 255 characters', { ...trigger, dedup_key: 'k'.repeat(256) }, [{ field: 'dedup_key', code: 'INVALID_VALUE' }]],
  ];
  it.each(rows)('%s', (_name, body, expected) => {
    expect(fieldErrors(body)).toEqual(expected);
  });
});
