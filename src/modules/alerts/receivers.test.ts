import { beforeAll, describe, expect, it } from 'vitest';
import {
  alertRowCounts,
  amWebhook,
  at,
  fixture,
  hostDown,
  ingestToken,
  post,
} from '../../../test/alerts/support.js';
import {
  buildClient,
  buildUser,
  type Caller,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('alert receivers on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  let ingest: Record<string, string>;
  let clientId: string;
  const get = (url: string) => call(t.current, { method: 'GET', url, headers: admin.headers });

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
    ingest = await ingestToken(t.current, admin);
    clientId = (await buildClient(t.current)).id;
    const rule = await call(t.current, {
      method: 'POST',
      url: '/api/v1/alert-mapping-rules',
      headers: admin.headers,
      payload: { clientId, matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }] },
    });
    expect(rule.statusCode).toBe(201);
  });

  // biome-ignore format: one fixture per line reads as a table
  const documented: [string, string, string[], number][] = [
    ['alertmanager', 'alertmanager/alerta_prometheus_v4.json', ['new'], 1],
    ['alertmanager', 'alertmanager/metalmatze-alertmanager-bot_firing.json', ['new'], 1],
    ['alertmanager', 'alertmanager/metalmatze-alertmanager-bot_resolved.json', ['recovered'], 1],
    ['alertmanager', 'alertmanager/prometheus-msteams_prom_post_request.json', ['new'], 1],
    ['uptime-kuma', 'uptime-kuma/constructed_v2.x_down.json', ['new'], 1],
    ['uptime-kuma', 'uptime-kuma/constructed_v2.x_up.json', ['recovered'], 1],
    ['uptime-kuma', 'uptime-kuma/constructed_test_button.json', [], 0],
    ['events', 'pagerduty-events-v2/docs_example_trigger.json', ['new'], 1],
    // The documented examples name another dedup_key than the trigger's: nothing to act on, still kept.
    ['events', 'pagerduty-events-v2/docs_example_acknowledge.json', ['ignored'], 1],
    ['events', 'pagerduty-events-v2/docs_example_resolve.json', ['ignored'], 1],
  ];
  it.each(documented)('%s takes %s: stored, answered 202', async (source, path, outcomes, accepted) => {
    const res = await post(t.current, source, ingest, fixture(path));
    expect(res.statusCode, JSON.stringify(res.data)).toBe(202);
    expect(res.data.accepted).toBe(accepted);
    expect(Object.keys(res.data.outcomes).sort()).toEqual([...outcomes].sort());
  });

  it('zabbix takes the documented body: a problem, then its recovery', async () => {
    const problem = {
      event_id: '10528',
      trigger_id: '14032',
      host: 'web01.acme.example',
      host_ip: '10.0.0.5',
      severity: '5',
      status: 'PROBLEM',
      event_name: 'Zabbix agent on web01 is unreachable for 5 minutes',
      occurred_at: Math.floor(Date.now() / 1000) - 600,
      tags: '[{"tag":"customer","value":"acme"}]',
    };
    const opened = await post(t.current, 'zabbix', ingest, problem);
    expect(opened.statusCode).toBe(202);
    expect(opened.data.outcomes).toEqual({ new: 1 });
    const recovered = await post(t.current, 'zabbix', ingest, {
      ...problem,
      status: 'RESOLVED',
      occurred_at: Math.floor(Date.now() / 1000) - 60,
    });
    expect(recovered.data.outcomes).toEqual({ recovered: 1 });
    const list = await get('/api/v1/alerts?source=zabbix&fingerprint=zabbix:trigger:14032');
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({
      status: 'resolved',
      clientId,
      severity: 'critical',
      count: 1,
    });
  });

  it('events: trigger, acknowledge and resolve tied by dedup_key', async () => {
    const trigger = fixture('pagerduty-events-v2/docs_example_trigger.json') as Record<string, unknown>;
    const key = { dedup_key: 'db-primary-lag' };
    const steps: [unknown, string][] = [
      [{ ...trigger, ...key, payload: { ...(trigger.payload as object), severity: 'critical' } }, 'new'],
      [{ routing_key: 'r', event_action: 'acknowledge', ...key }, 'acknowledged'],
      [{ routing_key: 'r', event_action: 'resolve', ...key }, 'recovered'],
    ];
    for (const [body, outcome] of steps)
      expect((await post(t.current, 'events', ingest, body)).data.outcomes).toEqual({ [outcome]: 1 });
    const list = await get('/api/v1/alerts?source=events&fingerprint=events:db-primary-lag');
    expect(list.data.items[0]).toMatchObject({ status: 'resolved', acknowledged: true, count: 1 });
  });

  it('the same payload twice: one alert, count 2, every event kept', async () => {
    const payload = amWebhook([hostDown('acme', 'twice:9100')]);
    expect((await post(t.current, 'alertmanager', ingest, payload)).statusCode).toBe(202);
    const again = await post(t.current, 'alertmanager', ingest, payload);
    expect(again.data.outcomes).toEqual({ repeat: 1 });
    const list = await get('/api/v1/alerts?status=open&source=alertmanager');
    const mine = list.data.items.filter(
      (a: { labels: { instance: string } }) => a.labels.instance === 'twice:9100',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ count: 2, clientId, status: 'open' });
    expect(new Date(mine[0].lastSeen).getTime()).toBeGreaterThanOrEqual(
      new Date(mine[0].firstSeen).getTime(),
    );
    const events = await get(`/api/v1/alerts/${mine[0].id}/events`);
    expect(events.data.items.map((e: { outcome: string }) => e.outcome)).toEqual(['repeat', 'new']);
  });

  it('an integration name keeps two instances of a tool apart', async () => {
    const payload = amWebhook([hostDown('acme', 'shared:9100')]);
    await post(t.current, 'alertmanager', ingest, payload, '?integration=eu');
    await post(t.current, 'alertmanager', ingest, payload, '?integration=us');
    const list = await get('/api/v1/alerts?status=open&source=alertmanager');
    const shared = list.data.items.filter(
      (a: { labels: { instance: string } }) => a.labels.instance === 'shared:9100',
    );
    expect(shared.map((a: { integration: string }) => a.integration).sort()).toEqual([
      'alertmanager:eu',
      'alertmanager:us',
    ]);
  });

  it('an alert no rule maps lands in triage, listed, never refused', async () => {
    const res = await post(
      t.current,
      'alertmanager',
      ingest,
      amWebhook([hostDown('nobody-knows', 'lost:9100')]),
    );
    expect(res.statusCode).toBe(202);
    const triage = await get('/api/v1/alerts?triage=true');
    const lost = triage.data.items.find(
      (a: { labels: { instance: string } }) => a.labels.instance === 'lost:9100',
    );
    expect(lost).toMatchObject({ clientId: null, status: 'open', ticketState: 'none' });
    expect(lost.mappingReason).toMatch(/triage/);
  });

  describe('refuses bad input with 4xx problem+json and stores nothing', () => {
    const huge = amWebhook(
      Array.from({ length: 3000 }, (_, i) => ({
        ...hostDown('acme', `big${i}:9100`),
        annotations: { summary: 'x'.repeat(800) },
      })),
    );
    // biome-ignore format: one case per line reads as a table
    const cases: [string, string, () => unknown, number, string?][] = [
      ['malformed JSON', 'alertmanager', () => '{"version": "4", "alerts": [', 400],
      ['an empty body', 'alertmanager', () => '', 400],
      ['alerts missing', 'alertmanager', () => ({ version: '4', status: 'firing' }), 400, 'body.alerts'],
      ['labels missing', 'alertmanager', () => ({ ...amWebhook([]), alerts: [{ status: 'firing', startsAt: at(0) }] }), 400, 'body.alerts[0].labels'],
      ['a bad time', 'alertmanager', () => amWebhook([{ ...hostDown('acme', 'x:1'), startsAt: 'yesterday' }]), 400, 'body.alerts[0].startsAt'],
      ['an unknown version (Grafana’s v1)', 'alertmanager', () => fixture('grafana/grafana_docs_example_firing_grouped2.json'), 400, 'body.version'],
      ['a third-party Zabbix body', 'zabbix', () => fixture('zabbix/zulip_zabbix_alert.json'), 400, 'body.trigger_id'],
      ['an Events API trigger without a payload', 'events', () => ({ event_action: 'trigger', dedup_key: 'k' }), 400, 'body.payload'],
      ['an Events API action it does not know', 'events', () => ({ event_action: 'explode', dedup_key: 'k' }), 400, 'body.event_action'],
      ['a Kuma body that is a list', 'uptime-kuma', () => [1, 2], 400],
      ['a huge payload', 'alertmanager', () => huge, 413],
    ];
    it.each(cases)('%s', async (_name, source, body, status, field) => {
      const before = await alertRowCounts(t.current);
      const res = await call(t.current, {
        method: 'POST',
        url: `/api/v1/integrations/${source}`,
        headers: { ...ingest, 'content-type': 'application/json' },
        payload: typeof body() === 'string' ? (body() as string) : JSON.stringify(body()),
      });
      const problem = expectProblem(res, status);
      if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
      expect(await alertRowCounts(t.current)).toEqual(before);
    });

    it('no token, a bad token, a token without the scope, a portal user', async () => {
      const before = await alertRowCounts(t.current);
      const payload = amWebhook([hostDown('acme', 'auth:9100')]);
      expectProblem(await post(t.current, 'alertmanager', {}, payload), 401);
      expectProblem(
        await post(t.current, 'alertmanager', { authorization: 'Bearer keel_nonsense' }, payload),
        401,
      );
      expectProblem(await post(t.current, 'alertmanager', { authorization: 'Basic abc' }, payload), 401);
      const tech = await buildUser(t.current, 'technician');
      expectProblem(await post(t.current, 'alertmanager', tech.headers, payload), 403);
      const portal = await buildUser(t.current, 'portal', { clientId });
      expect((await post(t.current, 'alertmanager', portal.headers, payload)).statusCode).toBe(404);
      expect(await alertRowCounts(t.current)).toEqual(before);
    });

    it('an ingest token reads nothing', async () => {
      expectProblem(await call(t.current, { method: 'GET', url: '/api/v1/alerts', headers: ingest }), 403);
    });
  });
});
