import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../cli/spawn.js';
import { buildClient, buildUser, type Caller, call, createTestApp, type TestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';
import { ingestToken } from './support.js';

/**
 * The real Prometheus Alertmanager (Debian's prometheus-alertmanager, which .ci/run installs)
 * configured to post to Keel on 127.0.0.1 with a bearer token: alerts added through its API v2
 * arrive, open a ticket, and resolving them (an end time in the past) resolves the ticket.
 */
const binary = '/usr/bin/prometheus-alertmanager';
const present = existsSync(binary);
if (!present && process.env.CI) {
  throw new Error(`${binary} is missing: .ci/run installs prometheus-alertmanager; this test must run in CI`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe.skipIf(!present).each(storeKinds)('Prometheus Alertmanager → Keel on %s', (kind) => {
  let app: TestApp;
  let admin: Caller;
  let am: ChildProcess | null = null;
  let amUrl = '';
  let amLog = '';
  let dir = '';
  let clientId = '';

  beforeAll(async () => {
    app = await createTestApp(kind);
    admin = await buildUser(app, 'admin');
    clientId = (await buildClient(app)).id;
    const rule = await call(app, {
      method: 'POST',
      url: '/api/v1/alert-mapping-rules',
      headers: admin.headers,
      payload: { clientId, matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }] },
    });
    expect(rule.statusCode).toBe(201);
    const token = (await ingestToken(app, admin)).authorization!.slice('Bearer '.length);
    const keelUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });

    dir = mkdtempSync(join(tmpdir(), 'keel-am-'));
    const config = join(dir, 'alertmanager.yml');
    writeFileSync(
      config,
      [
        'route:',
        '  receiver: keel',
        "  group_by: ['alertname', 'instance']",
        '  group_wait: 0s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: keel',
        '    webhook_configs:',
        `      - url: '${keelUrl}/api/v1/integrations/alertmanager'`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        '            type: Bearer',
        `            credentials: '${token}'`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    amUrl = `http://127.0.0.1:${port}`;
    am = spawn(
      binary,
      [
        `--config.file=${config}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    am.stdout!.on('data', (d) => (amLog += d));
    am.stderr!.on('data', (d) => (amLog += d));
    await until(
      `Alertmanager on ${amUrl}`,
      async () => (await fetch(`${amUrl}/-/ready`).catch(() => null))?.ok,
      20_000,
    ).catch((err) => {
      throw new Error(`${err.message}\n${amLog}`);
    });
  }, 60_000);

  afterAll(async () => {
    if (am && am.exitCode === null) {
      const exited = new Promise((r) => am!.once('exit', r));
      am.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (am.exitCode === null) am.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    await app?.close();
  });

  const addAlerts = async (alerts: unknown[]) => {
    const res = await fetch(`${amUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(res.status, await res.text()).toBe(200);
  };
  const alertOf = async (instance: string) => {
    const res = await call(app, {
      method: 'GET',
      url: '/api/v1/alerts?source=alertmanager',
      headers: admin.headers,
    });
    return res.data.items.find((a: { labels: { instance: string } }) => a.labels.instance === instance);
  };

  it('alerts added to Alertmanager open a ticket; resolving them resolves it', async () => {
    const labels = {
      alertname: 'HostDown',
      instance: `web-${kind}:9100`,
      severity: 'critical',
      customer: 'acme',
      job: 'node',
    };
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    await addAlerts([{ labels, annotations: { summary: `web-${kind} is down` }, startsAt }]);

    const firing = await until('the firing alert in Keel', () => alertOf(labels.instance));
    expect(firing).toMatchObject({ status: 'open', clientId, severity: 'critical' });
    expect(firing.fingerprint).toMatch(/^alertmanager:[0-9a-f]{16}$/);
    await app.keel.alerts.tickets.drain();
    const opened = await alertOf(labels.instance);
    expect(opened.ticketId).toBeTruthy();
    const ticket = await call(app, {
      method: 'GET',
      url: `/api/v1/tickets/${opened.ticketId}`,
      headers: admin.headers,
    });
    expect(ticket.data).toMatchObject({
      clientId,
      priority: 'P1',
      source: 'alert',
      subject: `web-${kind} is down`,
    });
    expect(ticket.data.resolvedAt).toBeNull();

    await addAlerts([
      {
        labels,
        annotations: { summary: `web-${kind} is down` },
        startsAt,
        endsAt: new Date(Date.now() - 1000).toISOString(),
      },
    ]);
    const resolved = await until('the recovery in Keel', async () => {
      const a = await alertOf(labels.instance);
      return a?.status === 'resolved' ? a : null;
    });
    expect(resolved.id).toBe(opened.id);
    await app.keel.alerts.tickets.drain();
    const after = await call(app, {
      method: 'GET',
      url: `/api/v1/tickets/${opened.ticketId}`,
      headers: admin.headers,
    });
    expect(after.data.resolvedAt).not.toBeNull();
    expect(after.data.status).toBe('resolved');
  }, 60_000);
});
