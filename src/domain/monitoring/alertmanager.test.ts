import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerWebhook } from './alertmanager.js';
import { MonitoringValidationError } from './errors.js';
import { labelSetFingerprint } from './fingerprint.js';
import { severityMapping } from './severity.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const receivedAt = Date.parse('2024-05-01T12:00:00Z');
const parse = (body: unknown) => parseAlertmanagerWebhook(body, { receivedAt });

function fieldErrors(body: unknown) {
  try {
    parse(body);
  } catch (e) {
    expect(e).toBeInstanceOf(MonitoringValidationError);
    return (e as MonitoringValidationError).fields.map(({ field, code }) => ({ field, code }));
  }
  throw new Error('expected the body to be refused');
}

const alert = (over: Record<string, unknown> = {}) => ({
  status: 'firing',
  labels: { alertname: 'HostDown', instance: 'web01.acme.example:9100', job: 'node', severity: 'critical' },
  annotations: { summary: 'web01 is down' },
  startsAt: '2024-05-01T11:58:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph',
  fingerprint: '0123456789abcdef',
  ...over,
});
const hook = (alerts: unknown[], over: Record<string, unknown> = {}) => ({
  version: '4',
  groupKey: '{}:{alertname="HostDown"}',
  status: 'firing',
  receiver: 'keel',
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts,
  ...over,
});

describe('real payloads', () => {
  it('alerta: a firing alert with an unset endsAt and no fingerprint', () => {
    const { events, skipped } = parse(fixture('alertmanager/alerta_prometheus_v4.json'));
    expect(skipped).toEqual([]);
    expect(events).toEqual([
      {
        source: 'alertmanager',
        fingerprint: `alertmanager:${labelSetFingerprint({ alertname: 'thing_dead', severity: 'critical' })}`,
        status: 'firing',
        severity: 'critical',
        summary: 'No things for over 10 minutes',
        description: 'No things have been recorded for over 10 minutes. Something terrible is happening.',
        url: expect.stringContaining('http://somehost:9090/graph'),
        labels: { alertname: 'thing_dead', severity: 'critical' },
        identity: {},
        occurredAt: Date.parse('2017-08-03T19:17:37.804Z'),
      },
    ]);
  });

  it('alertmanager-bot: firing with nanoseconds and a future endsAt, then resolved at endsAt', () => {
    const [firing] = parse(fixture('alertmanager/metalmatze-alertmanager-bot_firing.json')).events;
    const [resolved] = parse(fixture('alertmanager/metalmatze-alertmanager-bot_resolved.json')).events;
    expect(firing).toMatchObject({
      status: 'firing',
      severity: 'critical',
      summary: 'Something is on fire',
      url: 'http://localhost:9090/graph?g0.expr=vector%28666%29&g0.tab=1',
      occurredAt: Date.parse('2018-11-04T21:43:58.283Z'),
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      occurredAt: Date.parse('2018-11-04T21:48:13.283Z'),
    });
    expect(resolved!.fingerprint).toBe(firing!.fingerprint);
  });

  it('prometheus-msteams: alerts with no status of their own take the group status', () => {
    const [event] = parse(fixture('alertmanager/prometheus-msteams_prom_post_request.json')).events;
    expect(event).toMatchObject({
      status: 'firing',
      severity: 'warning',
      summary: 'Server High Memory usage',
      url: null,
      identity: {
        instance: 'instance-with-hyphen_and_underscore',
        host: 'instance-with-hyphen_and_underscore',
        service: 'docker_nodes',
      },
    });
  });

  it.each(['grafana_docs_example_firing_grouped2.json', 'zulip_grafana_alert-9-resolved.json'])(
    'grafana sends version "1": %s is refused for the version alone',
    (name) => {
      expect(fieldErrors(fixture(`grafana/${name}`))).toEqual([
        { field: 'version', code: 'UNSUPPORTED_VERSION' },
      ]);
    },
  );
});

describe('each alert', () => {
  type Row = [string, Record<string, unknown>, Record<string, unknown>];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['its own fingerprint is kept', {}, { fingerprint: 'alertmanager:0123456789abcdef' }],
    ['no fingerprint: the labels hash', { fingerprint: undefined }, { fingerprint: `alertmanager:${labelSetFingerprint(alert().labels)}` }],
    ['firing starts at startsAt', {}, { status: 'firing', occurredAt: Date.parse('2024-05-01T11:58:00Z') }],
    ['resolved ends at endsAt', { status: 'resolved', endsAt: '2024-05-01T13:01:02.123456789+01:00' }, { status: 'resolved', occurredAt: Date.parse('2024-05-01T12:01:02.123Z') }],
    ['resolved with an unset endsAt: receipt time', { status: 'resolved' }, { occurredAt: receivedAt }],
    ['firing without startsAt: receipt time', { startsAt: undefined }, { occurredAt: receivedAt }],
    ['severity word is case-insensitive', { labels: { alertname: 'A', severity: ' Warning ' } }, { severity: 'warning' }],
    ['an unknown severity word falls back', { labels: { alertname: 'A', severity: 'sev9' } }, { severity: 'warning' }],
    ['no severity label on a firing alert falls back', { labels: { alertname: 'A' } }, { severity: 'warning' }],
    ['no severity label on a resolved alert: none', { status: 'resolved', labels: { alertname: 'A' } }, { severity: null }],
    ['error reads as high', { labels: { alertname: 'A', severity: 'error' } }, { severity: 'high' }],
    ['summary from message', { annotations: { message: 'msg' } }, { summary: 'msg' }],
    ['summary from title', { annotations: { title: 't' } }, { summary: 't' }],
    ['summary from alertname when nothing else', { annotations: {} }, { summary: 'HostDown' }],
    ['no annotations at all', { annotations: undefined }, { summary: 'HostDown', description: null }],
    ['host from instance, lower case, no port', {}, { identity: { instance: 'web01.acme.example:9100', host: 'web01.acme.example', service: 'node' } }],
    ['host label wins over instance', { labels: { instance: '10.0.0.5:9100', host: 'DB01' } }, { identity: { instance: '10.0.0.5:9100', host: 'db01' } }],
    ['nodename when there is no host', { labels: { nodename: 'node7', instance: '10.0.0.5:9100' } }, { identity: { host: 'node7', instance: '10.0.0.5:9100' } }],
    ['IPv6 instance', { labels: { instance: '[2001:db8::1]:9100' } }, { identity: { instance: '[2001:db8::1]:9100', host: '2001:db8::1' } }],
    ['blackbox URL instance', { labels: { instance: 'https://www.acme.example/health', job: 'blackbox' } }, { identity: { host: 'www.acme.example', service: 'blackbox' } }],
    ['service label wins over job', { labels: { service: 'api', job: 'node' } }, { identity: { service: 'api' } }],
    ['empty generatorURL is no url', { generatorURL: '' }, { url: null }],
    ['extra keys are accepted', { silenceURL: 'x', values: { B: 1 } }, { status: 'firing' }],
  ];
  it.each(rows)('%s', (_name, over, expected) => {
    const [event] = parse(hook([alert(over)])).events;
    expect(event).toMatchObject(expected);
  });

  it('a firing group may hold resolved alerts: each keeps its own status', () => {
    const events = parse(
      hook([alert(), alert({ status: 'resolved', fingerprint: 'fedcba9876543210' })]),
    ).events;
    expect(events.map((e) => e.status)).toEqual(['firing', 'resolved']);
  });

  it('an empty group is no events', () => {
    expect(parse(hook([]))).toEqual({ events: [], skipped: [] });
  });

  it('truncated alerts are reported', () => {
    expect(parse(hook([alert()], { truncatedAlerts: 3 })).skipped).toEqual([
      { field: 'truncatedAlerts', reason: expect.stringContaining('3 alerts') },
    ]);
  });

  it('a non-ASCII group key is fine', () => {
    expect(parse(hook([alert()], { groupKey: '{}:{alertname="Überlast"}' })).events).toHaveLength(1);
  });

  it('a custom severity label and words', () => {
    const severity = severityMapping({ label: 'priority', names: { p1: 'critical' } });
    const body = hook([alert({ labels: { alertname: 'A', priority: 'P1' } })]);
    expect(parseAlertmanagerWebhook(body, { receivedAt, severity }).events[0]!.severity).toBe('critical');
  });
});

describe('refused bodies name the field', () => {
  type Row = [string, unknown, { field: string; code: string }[]];
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['not an object', 'hello', [{ field: '(body)', code: 'INVALID_TYPE' }]],
    ['null', null, [{ field: '(body)', code: 'INVALID_TYPE' }]],
    ['no version', { status: 'firing', alerts: [] }, [{ field: 'version', code: 'REQUIRED' }]],
    ['version 3', hook([], { version: '3' }), [{ field: 'version', code: 'UNSUPPORTED_VERSION' }]],
    ['version as a number', hook([], { version: 4 }), [{ field: 'version', code: 'INVALID_TYPE' }]],
    ['no alerts', hook([], { alerts: undefined }), [{ field: 'alerts', code: 'REQUIRED' }]],
    ['no group status', hook([], { status: undefined }), [{ field: 'status', code: 'REQUIRED' }]],
    ['an unknown status', hook([alert({ status: 'pending' })]), [{ field: 'alerts[0].status', code: 'INVALID_VALUE' }]],
    ['no labels', hook([alert(), alert({ labels: undefined })]), [{ field: 'alerts[1].labels', code: 'REQUIRED' }]],
    ['a label that is no text', hook([alert({ labels: { n: 5 } })]), [{ field: 'alerts[0].labels.n', code: 'INVALID_TYPE' }]],
    ['a label name that is no identifier', hook([alert({ labels: { 'app.kubernetes.io/name': 1 } })]), [{ field: 'alerts[0].labels["app.kubernetes.io/name"]', code: 'INVALID_TYPE' }]],
    ['a bad time', hook([alert({ startsAt: 'yesterday' })]), [{ field: 'alerts[0].startsAt', code: 'INVALID_TIMESTAMP' }]],
    ['a time without zone', hook([alert({ endsAt: '2024-05-01T12:00:00' })]), [{ field: 'alerts[0].endsAt', code: 'INVALID_TIMESTAMP' }]],
    ['an empty fingerprint', hook([alert({ fingerprint: '' })]), [{ field: 'alerts[0].fingerprint', code: 'INVALID_VALUE' }]],
    ['negative truncatedAlerts', hook([], { truncatedAlerts: -1 }), [{ field: 'truncatedAlerts', code: 'INVALID_VALUE' }]],
  ];
  it.each(rows)('%s', (_name, body, expected) => {
    expect(fieldErrors(body)).toEqual(expected);
  });

  it('every problem at once', () => {
    expect(fieldErrors(hook([alert({ status: 'x', startsAt: 'y' })], { status: 'z' }))).toEqual([
      { field: 'status', code: 'INVALID_VALUE' },
      { field: 'alerts[0].status', code: 'INVALID_VALUE' },
      { field: 'alerts[0].startsAt', code: 'INVALID_TIMESTAMP' },
    ]);
  });

  it('a receipt time that is no instant', () => {
    expect(() => parseAlertmanagerWebhook(hook([]), { receivedAt: Number.NaN })).toThrow(
      MonitoringValidationError,
    );
  });
});
