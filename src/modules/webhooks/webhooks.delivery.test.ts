import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Caller, TestApp } from '../../../test/support/app.js';
import { buildUser, call, createTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.js';
import {
  createWebhooksModule,
  type DeliveryPolicy,
  type PublishedEvent,
  type SignatureCheck,
  verifySignature,
} from './index.js';

type Reply = { status: number; delayMs?: number; headers?: Record<string, string>; body?: string };
type Received = {
  headers: IncomingHttpHeaders;
  body: string;
  check: SignatureCheck;
  oldCheck?: SignatureCheck;
};
type Route = { secret: string; oldSecret?: string; replies: Reply[]; got: Received[] };

/** A receiver as an integrator would write one: it verifies every request against its secret. */
async function startReceiver() {
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const route = routes.get(req.url ?? '');
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['x-keel-signature'] as string | undefined;
      route.got.push({
        headers: req.headers,
        body,
        check: verifySignature({ payload: body, header, secret: route.secret }),
        ...(route.oldSecret && {
          oldCheck: verifySignature({ payload: body, header, secret: route.oldSecret }),
        }),
      });
      const reply = route.replies.shift() ?? { status: 200, body: 'ok' };
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers }).end(reply.body ?? '');
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let n = 0;
  return {
    /** A new path on this receiver, answering `replies` in turn, then 200. */
    route(secretOrReplies: Reply[] = []) {
      const path = `/hook/${++n}`;
      const route: Route = { secret: '', replies: [...secretOrReplies], got: [] };
      routes.set(path, route);
      return { url: `http://127.0.0.1:${port}${path}`, route };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fast retries so a test sees several attempts in a few seconds. */
const fast: Partial<DeliveryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 200,
  factor: 2,
  jitter: 0,
  maxDelayMs: 5_000,
  timeoutMs: 1_000,
};

describe.each(storeKinds)('webhook deliveries on %s', (kind) => {
  let app: TestApp;
  let worker: { jobs: Jobs; hooks: ReturnType<typeof createWebhooksModule> };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: Caller;
  const jobErrors: Error[] = [];

  const api = (method: string, url: string, payload?: unknown) =>
    call(app, { method, url, payload, headers: admin.headers });
  const publish: typeof app.keel.webhooks.service.publish = (...args) =>
    app.keel.webhooks.service.publish(...args);

  /** An endpoint on the receiver, subscribed to `events`; the receiver learns its secret. */
  async function endpoint(events: string[], replies: Reply[] = [], extra: Record<string, unknown> = {}) {
    const { url, route } = receiver.route(replies);
    const res = await api('POST', '/api/v1/webhooks', { url, events, ...extra });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    route.secret = res.data.secret;
    return { id: res.data.id as string, secret: res.data.secret as string, route };
  }

  const delivery = async (webhookId: string, deliveryId: string) =>
    (await api('GET', `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}`)).data;
  async function settled(webhookId: string, deliveryId: string, status = 'succeeded') {
    let last: unknown = null;
    try {
      return await waitFor(async () => {
        const d = await delivery(webhookId, deliveryId);
        last = d;
        return d.status === status ? d : null;
      });
    } catch {
      throw new Error(`delivery never became ${status}; last seen: ${JSON.stringify(last)}`);
    }
  }

  beforeAll(async () => {
    // The API process queues jobs but works none; a worker process with fast retries works them.
    app = await createTestApp(kind, { jobs: { work: false } });
    admin = await buildUser(app, 'admin');
    receiver = await startReceiver();
    const jobs = createJobs(app.store, (err) => jobErrors.push(err));
    const hooks = createWebhooksModule({ db: app.store.db, policy: fast });
    await hooks.module.jobs!(jobs);
    await jobs.start({ work: true });
    worker = { jobs, hooks };
  });

  afterAll(async () => {
    await worker?.jobs.stop();
    await receiver?.close();
    await app?.close();
    expect(jobErrors).toEqual([]);
  });

  it('posts a signed event the receiver verifies, and logs the delivery', async () => {
    const hook = await endpoint(['ticket.created']);
    const { eventId, deliveryIds } = await publish('ticket.created', {
      ticketId: 't-1',
      subject: 'Printer on fire',
    });
    expect(deliveryIds).toHaveLength(1);
    const done = await settled(hook.id, deliveryIds[0]!);

    expect(hook.route.got).toHaveLength(1);
    const [got] = hook.route.got;
    expect(got!.check).toMatchObject({ ok: true });
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['x-keel-event']).toBe('ticket.created');
    expect(got!.headers['x-keel-delivery']).toBe(deliveryIds[0]);
    expect(got!.headers['x-keel-attempt']).toBe('1');
    expect(got!.headers['user-agent']).toMatch(/^Keel-Webhooks\//);
    const body = JSON.parse(got!.body);
    expect(body).toEqual({
      id: eventId,
      type: 'ticket.created',
      createdAt: expect.any(String),
      data: { ticketId: 't-1', subject: 'Printer on fire' },
    });
    expect(Math.abs(Date.parse(body.createdAt) - Date.now())).toBeLessThan(30_000);
    // A receiver that checks against another secret, or a later replay, is refused.
    expect(
      verifySignature({
        payload: got!.body,
        header: got!.headers['x-keel-signature'] as string,
        secret: 'whsec_wrong',
      }).ok,
    ).toBe(false);
    const replayAt = Math.floor(Date.now() / 1000) + 3600;
    expect(
      verifySignature({
        payload: got!.body,
        header: got!.headers['x-keel-signature'] as string,
        secret: hook.secret,
        now: replayAt,
      }),
    ).toEqual({ ok: false, reason: 'timestamp_out_of_tolerance' });

    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseBody: 'ok',
      lastError: null,
      nextAttemptAt: null,
    });
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(done.completedAt).not.toBeNull();
    expect(done.lastAttemptAt).not.toBeNull();
  });

  it('retries after a 500 with the same delivery id, then succeeds', async () => {
    const hook = await endpoint(['ticket.sla_warning'], [{ status: 500, body: 'database down' }]);
    const { deliveryIds } = await publish('ticket.sla_warning', { ticketId: 't-2', clock: 'resolution' });
    const done = await settled(hook.id, deliveryIds[0]!);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, responseStatus: 200, lastError: null });
    expect(hook.route.got.map((g) => g.headers['x-keel-attempt'])).toEqual(['1', '2']);
    expect(new Set(hook.route.got.map((g) => g.headers['x-keel-delivery']))).toEqual(new Set(deliveryIds));
    expect(hook.route.got.every((g) => g.check.ok)).toBe(true);
    // Same event, same bytes: a receiver can deduplicate on the body's id as well.
    expect(hook.route.got[0]!.body).toBe(hook.route.got[1]!.body);
  });

  it('does not retry after a 400, and keeps the answer in the log', async () => {
    const hook = await endpoint(['ticket.resolved'], [{ status: 400, body: 'unknown ticket' }]);
    const { deliveryIds } = await publish('ticket.resolved', { ticketId: 't-3' });
    const failed = await settled(hook.id, deliveryIds[0]!, 'failed');
    expect(failed).toMatchObject({
      attempts: 1,
      responseStatus: 400,
      responseBody: 'unknown ticket',
      lastError: 'HTTP 400',
      nextAttemptAt: null,
    });
    await sleep(1_500);
    expect(hook.route.got).toHaveLength(1);
    expect((await delivery(hook.id, deliveryIds[0]!)).status).toBe('failed');

    // Redelivery: the same X-Keel-Delivery id, a fresh allowance of attempts, and an audit row.
    const again = await api('POST', `/api/v1/webhooks/${hook.id}/deliveries/${deliveryIds[0]}/redeliver`);
    expect(again.statusCode).toBe(202);
    expect(again.data).toMatchObject({ status: 'pending', maxAttempts: 1 + 8 });
    const done = await settled(hook.id, deliveryIds[0]!);
    expect(done).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
    expect(hook.route.got.map((g) => g.headers['x-keel-delivery'])).toEqual([deliveryIds[0], deliveryIds[0]]);
    const { rows } = await app.store.executeSql(
      `select count(*)::int n from audit_log where action = 'redeliver' and entity_id = $1`,
      [deliveryIds[0]],
    );
    expect(rows[0].n).toBe(1);
  });

  it('retries timeouts and 429 up to the attempt limit, then gives up', async () => {
    const slow = await endpoint(
      ['alert.triggered'],
      [{ status: 200, delayMs: 2_000 }, { status: 429 }, { status: 503 }],
    );
    // The publisher sets the attempt allowance: publish where the fast policy (3 attempts) holds.
    const { deliveryIds } = await worker.hooks.service.publish('alert.triggered', { alertId: 'a-1' });
    const failed = await settled(slow.id, deliveryIds[0]!, 'failed');
    expect(failed).toMatchObject({ attempts: 3, maxAttempts: 3, responseStatus: 503, lastError: 'HTTP 503' });
    expect(slow.route.got).toHaveLength(3);
    await sleep(800);
    expect(slow.route.got).toHaveLength(3);
  });

  it('delivers to wildcard subscriptions: a category and everything', async () => {
    const tickets = await endpoint(['ticket.*']);
    const everything = await endpoint(['*']);
    const alerts = await endpoint(['alert.*']);
    onTestFinished(async () => {
      // Catch-all endpoints would receive the other tests' events: switch them off.
      for (const h of [tickets, everything, alerts])
        await api('PATCH', `/api/v1/webhooks/${h.id}`, { active: false });
    });
    const breached = await publish('ticket.sla_breached', { ticketId: 't-4' });
    const triggered = await publish('alert.resolved', { alertId: 'a-2' });
    expect(breached.deliveryIds).toHaveLength(2);
    expect(triggered.deliveryIds).toHaveLength(2);
    await waitFor(
      async () =>
        tickets.route.got.length === 1 && everything.route.got.length === 2 && alerts.route.got.length === 1,
    );
    expect(tickets.route.got.map((g) => g.headers['x-keel-event'])).toEqual(['ticket.sla_breached']);
    expect(alerts.route.got.map((g) => g.headers['x-keel-event'])).toEqual(['alert.resolved']);
    expect(everything.route.got.map((g) => g.headers['x-keel-event']).sort()).toEqual([
      'alert.resolved',
      'ticket.sla_breached',
    ]);
    // Every endpoint receives the same event id, each under its own delivery id and secret.
    const ids = [tickets, everything].map(
      (h) =>
        JSON.parse(h.route.got.find((g) => g.headers['x-keel-event'] === 'ticket.sla_breached')!.body).id,
    );
    expect(ids).toEqual([breached.eventId, breached.eventId]);
    expect(
      [...tickets.route.got, ...everything.route.got, ...alerts.route.got].every((g) => g.check.ok),
    ).toBe(true);
  });

  it('sends nothing to an inactive endpoint, and stops retrying one deactivated meanwhile', async () => {
    const off = await endpoint(['invoice.issued'], [], { active: false });
    const flaky = await endpoint(['invoice.issued'], [{ status: 503, headers: { 'retry-after': '2' } }]);
    const { deliveryIds } = await publish('invoice.issued', { invoiceId: 'i-1' });
    expect(deliveryIds).toHaveLength(1);
    const waiting = await waitFor(async () => {
      const d = await delivery(flaky.id, deliveryIds[0]!);
      return d.attempts === 1 && d.status === 'pending' ? d : null;
    });
    // Retry-After: 2 stretched the 200 ms backoff.
    expect(Date.parse(waiting.nextAttemptAt) - Date.parse(waiting.lastAttemptAt)).toBeGreaterThanOrEqual(
      1_900,
    );
    await api('PATCH', `/api/v1/webhooks/${flaky.id}`, { active: false });
    const stopped = await settled(flaky.id, deliveryIds[0]!, 'failed');
    expect(stopped).toMatchObject({ attempts: 1, lastError: 'Not sent: the endpoint is inactive.' });
    expect(flaky.route.got).toHaveLength(1);
    expect(off.route.got).toHaveLength(0);
    expect((await api('GET', `/api/v1/webhooks/${off.id}/deliveries`)).data.items).toEqual([]);
    // Nor can it be redelivered until it is active again.
    const refused = await api('POST', `/api/v1/webhooks/${flaky.id}/deliveries/${deliveryIds[0]}/redeliver`);
    expect(refused.statusCode).toBe(409);
  });

  it('refuses to deliver to a URL that is not http(s), even one written behind the API’s back', async () => {
    const hook = await endpoint(['agreement.signed']);
    await app.store.executeSql(`update webhook_endpoints set url = 'file:///etc/passwd' where id = $1`, [
      hook.id,
    ]);
    const { deliveryIds } = await publish('agreement.signed', { agreementId: 'g-1' });
    const failed = await settled(hook.id, deliveryIds[0]!, 'failed');
    expect(failed).toMatchObject({ attempts: 0, lastError: 'Not sent: the URL must use http or https.' });
  });

  it('records an event in the caller’s transaction: nothing when it rolls back, one delivery when it commits', async () => {
    const hook = await endpoint(['ticket.closed']);
    const count = async () =>
      Number(
        (
          await app.store.executeSql(
            `select count(*)::int n from webhook_deliveries where endpoint_id = $1`,
            [hook.id],
          )
        ).rows[0].n,
      );
    // pg-boss keeps a job in `job` and, once done, in `archive`: look in both.
    const jobsFor = async (deliveryId: string) =>
      Number(
        (
          await app.store.executeSql(
            `select (select count(*) from pgboss.job where name = 'webhooks.deliver' and data->>'deliveryId' = $1)
                  + (select count(*) from pgboss.archive where name = 'webhooks.deliver' and data->>'deliveryId' = $1) as n`,
            [deliveryId],
          )
        ).rows[0].n,
      );
    let rolledBack: PublishedEvent | null = null;
    await expect(
      app.store.db.transaction(async (tx) => {
        rolledBack = await publish('ticket.closed', { ticketId: 't-rolled-back' }, { tx });
        throw new Error('the ticket change failed');
      }),
    ).rejects.toThrow('the ticket change failed');
    expect(await count()).toBe(0);
    // The job was written in the same transaction, so it went with it.
    expect(await jobsFor((rolledBack as PublishedEvent | null)!.deliveryIds[0]!)).toBe(0);

    const committed = await app.store.db.transaction((tx) =>
      publish('ticket.closed', { ticketId: 't-5' }, { tx }),
    );
    expect(await jobsFor(committed.deliveryIds[0]!)).toBe(1);
    await settled(hook.id, committed.deliveryIds[0]!);
    await sleep(1_000);
    expect(hook.route.got.map((g) => JSON.parse(g.body).data.ticketId)).toEqual(['t-5']);
    expect(await count()).toBe(1);
  });

  it('pings an endpoint once', async () => {
    const hook = await endpoint(['ticket.created'], [{ status: 500 }]);
    const ping = await api('POST', `/api/v1/webhooks/${hook.id}/ping`);
    expect(ping.statusCode).toBe(202);
    expect(ping.data).toMatchObject({ eventType: 'webhook.ping', status: 'pending', maxAttempts: 1 });
    const failed = await settled(hook.id, ping.data.id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, responseStatus: 500 });
    expect(JSON.parse(hook.route.got[0]!.body)).toMatchObject({
      type: 'webhook.ping',
      data: { webhookId: hook.id },
    });
    const again = await api('POST', `/api/v1/webhooks/${hook.id}/deliveries/${ping.data.id}/redeliver`);
    expect(again.data.maxAttempts).toBe(2);
    await settled(hook.id, ping.data.id);
    expect(hook.route.got).toHaveLength(2);
  });

  it('signs with both secrets while a rotation keeps the old one', async () => {
    const hook = await endpoint(['ticket.reopened']);
    const rotated = await api('POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, {
      keepPreviousForHours: 1,
    });
    hook.route.oldSecret = hook.secret;
    hook.route.secret = rotated.data.secret;
    const { deliveryIds } = await publish('ticket.reopened', { ticketId: 't-6' });
    await settled(hook.id, deliveryIds[0]!);
    const [got] = hook.route.got;
    expect(got!.check.ok).toBe(true);
    expect(got!.oldCheck?.ok).toBe(true);

    // Rotating without a grace period retires the old secret at once.
    const abrupt = await api('POST', `/api/v1/webhooks/${hook.id}/rotate-secret`);
    hook.route.oldSecret = rotated.data.secret;
    hook.route.secret = abrupt.data.secret;
    const second = await publish('ticket.reopened', { ticketId: 't-7' });
    await settled(hook.id, second.deliveryIds[0]!);
    expect(hook.route.got[1]!.check.ok).toBe(true);
    expect(hook.route.got[1]!.oldCheck?.ok).toBe(false);
    expect(hook.route.got[1]!.headers['x-keel-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('delivers what was published where no job queue ran, once a worker sweeps', async () => {
    const hook = await endpoint(['ticket.assigned']);
    // A process without jobs (the CLI, say) publishes: rows are written, nothing is queued.
    const offline = createWebhooksModule({ db: app.store.db });
    const { deliveryIds } = await offline.service.publish('ticket.assigned', { ticketId: 't-8' });
    await sleep(1_500);
    expect(hook.route.got).toHaveLength(0);
    // The minute's sweep only takes deliveries overdue by staleAfterMs; here, anything due now.
    expect(await worker.hooks.worker.sweep()).toBe(0);
    expect(await worker.hooks.worker.sweep({ staleAfterMs: 0 })).toBeGreaterThanOrEqual(1);
    await settled(hook.id, deliveryIds[0]!);
    expect(hook.route.got).toHaveLength(1);
    expect(await worker.hooks.worker.sweep({ staleAfterMs: 0 })).toBe(0);
  });
});
