import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonitoringValidationError } from './errors.js';
import { severityMapping } from './severity.js';
import { parseUptimeKumaWebhook } from './uptime-kuma.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const receivedAt = Date.parse('2024-09-25T00:00:00Z');
const parse = (body: unknown) => parseUptimeKumaWebhook(body, { receivedAt });
const down = fixture('uptime-kuma/constructed_v2.x_down.json');

function fieldErrors(body: unknown) {
  try {
    parse(body);
  } catch (e) {
    expect(e).toBeInstanceOf(MonitoringValidationError);
    return (e as MonitoringValidationError).fields.map(({ field, code }) => ({ field, code }));
  }
  throw new Error('expected the body to be refused');
}

const withHeartbeat = (over: Record<string, unknown>) => ({
  ...down,
  heartbeat: { ...down.heartbeat, ...over },
});
const withMonitor = (over: Record<string, unknown>) => ({ ...down, monitor: { ...down.monitor, ...over } });

describe('real payloads', () => {
  it('down: one firing event keyed by the monitor id', () => {
    expect(parse(down)).toEqual({
      events: [
        {
          source: 'uptime-kuma',
          fingerprint: 'uptime-kuma:monitor:29',
          status: 'firing',
          severity: 'critical',
          summary: 'Acme Website is down',
          description: 'getaddrinfo ENOTFOUND www.acme.example',
          url: null,
          labels: {
            customer: 'acme',
            kuma_monitor_id: '29',
            kuma_monitor_type: 'http',
            kuma_monitor_path: 'Acme / Acme Website',
          },
          identity: {
            monitor: 'Acme Website',
            instance: 'https://www.acme.example/',
            host: 'www.acme.example',
          },
          occurredAt: Date.parse('2024-09-24T23:51:35.527Z'),
        },
      ],
      skipped: [],
    });
  });

  it('up: the same fingerprint, resolved at the heartbeat time', () => {
    const [event] = parse(fixture('uptime-kuma/constructed_v2.x_up.json')).events;
    expect(event).toMatchObject({
      fingerprint: 'uptime-kuma:monitor:29',
      status: 'resolved',
      severity: null,
      summary: 'Acme Website is up',
      description: '200 - OK',
      occurredAt: Date.parse('2024-09-24T23:58:35.912Z'),
    });
  });

  it('the Test button: no event, reported as skipped', () => {
    expect(parse(fixture('uptime-kuma/constructed_test_button.json'))).toEqual({
      events: [],
      skipped: [
        { field: 'heartbeat', reason: 'a test notification ("My MSP Webhook Testing"), not an alert' },
      ],
    });
  });
});

describe('heartbeats and monitors', () => {
  type Row = [string, unknown, Record<string, unknown> | null];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['pending is skipped', withHeartbeat({ status: 2 }), null],
    ['maintenance is skipped', withHeartbeat({ status: 3 }), null],
    ['a severity tag wins', withMonitor({ tags: [{ name: 'severity', value: 'warning' }] }), { severity: 'warning' }],
    ['an unknown severity tag: the down default', withMonitor({ tags: [{ name: 'severity', value: 'meh' }] }), { severity: 'critical' }],
    ['msg N/A is no description', withHeartbeat({ msg: 'N/A' }), { description: null }],
    ['repeated tags are joined', withMonitor({ tags: [{ name: 'team', value: 'a' }, { name: 'team', value: 'b' }, { name: 'flag', value: null }] }), { labels: { team: 'a,b', flag: '', kuma_monitor_id: '29', kuma_monitor_type: 'http', kuma_monitor_path: 'Acme / Acme Website' } }],
    ['a ping monitor: host and port', withMonitor({ type: 'port', url: null, hostname: 'FW01.acme.example', port: 443 }), { identity: { monitor: 'Acme Website', instance: 'FW01.acme.example:443', host: 'fw01.acme.example' } }],
    ['a hostname without port', withMonitor({ url: '', hostname: '10.0.0.1', port: null }), { identity: { monitor: 'Acme Website', instance: '10.0.0.1', host: '10.0.0.1' } }],
    ['no tags, no type, no path', withMonitor({ tags: undefined, type: null, pathName: null }), { labels: { kuma_monitor_id: '29' } }],
  ];
  it.each(rows)('%s', (_name, body, expected) => {
    const { events, skipped } = parse(body);
    if (expected === null) {
      expect(events).toEqual([]);
      expect(skipped).toEqual([
        { field: 'heartbeat.status', reason: expect.stringMatching(/PENDING|MAINTENANCE/) },
      ]);
    } else expect(events[0]).toMatchObject(expected);
  });

  it('a notice with a monitor but no heartbeat (certificate expiry) is skipped', () => {
    expect(
      parse({ heartbeat: null, monitor: down.monitor, msg: 'cert expires' }).skipped[0]!.reason,
    ).toContain('without a heartbeat');
  });

  it('a monitor tag can carry a custom severity word', () => {
    const severity = severityMapping({ label: 'prio', names: { p3: 'info' }, uptimeKumaDown: 'high' });
    const tagged = withMonitor({ tags: [{ name: 'prio', value: 'P3' }] });
    expect(parseUptimeKumaWebhook(tagged, { receivedAt, severity }).events[0]!.severity).toBe('info');
    expect(parseUptimeKumaWebhook(down, { receivedAt, severity }).events[0]!.severity).toBe('high');
  });
});

describe('refused bodies name the field', () => {
  type Row = [string, unknown, { field: string; code: string }[]];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['an empty object', {}, [{ field: 'heartbeat', code: 'REQUIRED' }, { field: 'monitor', code: 'REQUIRED' }]],
    ['a heartbeat without its monitor', { heartbeat: down.heartbeat, monitor: null }, [{ field: 'monitor', code: 'REQUIRED' }]],
    ['no status', withHeartbeat({ status: undefined }), [{ field: 'heartbeat.status', code: 'REQUIRED' }]],
    ['an unknown status', withHeartbeat({ status: 7 }), [{ field: 'heartbeat.status', code: 'INVALID_VALUE' }]],
    ['an ISO time is not Kuma’s', withHeartbeat({ time: '2024-09-24T23:51:35Z' }), [{ field: 'heartbeat.time', code: 'INVALID_TIMESTAMP' }]],
    ['no time', withHeartbeat({ time: undefined }), [{ field: 'heartbeat.time', code: 'REQUIRED' }]],
    ['no monitor id', withMonitor({ id: undefined }), [{ field: 'monitor.id', code: 'REQUIRED' }]],
    ['a blank monitor name', withMonitor({ name: '  ' }), [{ field: 'monitor.name', code: 'INVALID_VALUE' }]],
    ['tags that are no list', withMonitor({ tags: 'x' }), [{ field: 'monitor.tags', code: 'INVALID_TYPE' }]],
  ];
  it.each(rows)('%s', (_name, body, expected) => {
    expect(fieldErrors(body)).toEqual(expected);
  });
});
