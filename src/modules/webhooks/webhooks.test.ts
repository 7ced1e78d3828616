import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { createJobs } from '../../platform/jobs/jobs.js';
import { createWebhooksModule, type WebhookEventType } from './index.js';

describe.each(storeKinds)('webhooks API on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  const api = (method: string, url: string, payload?: unknown, caller: Caller = admin) =>
    call(t.current, { method, url, payload, headers: caller.headers });
  const count = async (table: string, where = 'true') =>
    Number(
      (await t.current.store.executeSql(`select count(*)::int n from ${table} where ${where}`)).rows[0].n,
    );
  const create = async (body: Record<string, unknown>) => {
    const res = await api('POST', '/api/v1/webhooks', { url: 'https://hooks.example.test/keel', ...body });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data;
  };

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
  });

  it('creates an endpoint and shows its secret in that answer only', async () => {
    const created = await create({
      events: ['ticket.created', 'ticket.sla_breached'],
      description: 'PagerDuty',
    });
    expect(created).toMatchObject({
      url: 'https://hooks.example.test/keel',
      events: ['ticket.created', 'ticket.sla_breached'],
      active: true,
      description: 'PagerDuty',
      secretRotatedAt: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const id = created.id;

    const reads = [
      await api('GET', `/api/v1/webhooks/${id}`),
      await api('GET', '/api/v1/webhooks'),
      await api('PATCH', `/api/v1/webhooks/${id}`, { description: 'PagerDuty (ops)' }),
    ];
    for (const res of reads) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(created.secret);
      expect(res.body).not.toContain('secret"');
    }
    // Nor does the audit log keep it.
    const audit = await api('GET', `/api/v1/audit?entity_type=webhook&entity_id=${id}`);
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain(created.secret);
    const { rows } = await t.current.store.executeSql(
      `select action from audit_log where entity_type = 'webhook' and entity_id = $1 order by at, id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('rotates the secret: a new one, shown once, with an optional grace period for the old', async () => {
    const created = await create({ events: ['*'] });
    const rotated = await api('POST', `/api/v1/webhooks/${created.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.data.secret).toMatch(/^whsec_/);
    expect(rotated.data.secret).not.toBe(created.secret);
    expect(rotated.data.secretRotatedAt).not.toBeNull();
    expect(rotated.data.previousSecretExpiresAt).toBeNull();

    const graceful = await api('POST', `/api/v1/webhooks/${created.id}/rotate-secret`, {
      keepPreviousForHours: 24,
    });
    const hours = (Date.parse(graceful.data.previousSecretExpiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const read = await api('GET', `/api/v1/webhooks/${created.id}`);
    expect(read.body).not.toContain(graceful.data.secret);
    expect(read.body).not.toContain(rotated.data.secret);
    expectProblem(
      await api('POST', `/api/v1/webhooks/${created.id}/rotate-secret`, { keepPreviousForHours: 1000 }),
      400,
    );
  });

  it.each([
    ['ftp://files.example.test/in', 'must use http or https'],
    ['file:///etc/passwd', 'must use http or https'],
    ['javascript:alert(1)', 'must use http or https'],
    ['not a url', 'is not an absolute URL'],
    ['//hooks.example.test/in', 'is not an absolute URL'],
    ['https://user:secret@hooks.example.test/in', 'must not hold credentials'],
    ['', ''],
  ])('rejects the URL %j with 400 and writes nothing', async (url, message) => {
    const before = await count('webhook_endpoints');
    const res = await api('POST', '/api/v1/webhooks', { url, events: ['*'] });
    const problem = expectProblem(res, 400);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors?.[0]?.field).toBe('body.url');
    expect(problem.errors?.[0]?.message).toContain(message);
    expect(await count('webhook_endpoints')).toBe(before);
  });

  it('rejects a bad URL on change too', async () => {
    const created = await create({ events: ['*'] });
    const res = await api('PATCH', `/api/v1/webhooks/${created.id}`, { url: 'gopher://old.example.test' });
    expect(expectProblem(res, 400).errors?.[0]?.field).toBe('body.url');
    expect((await api('GET', `/api/v1/webhooks/${created.id}`)).data.url).toBe(created.url);
  });

  it.each([
    [[], 'body.events'],
    [['ticket.nope'], 'body.events.0'],
    [['ticket.created', 'nope.*'], 'body.events.1'],
    [['ticket.sla_*'], 'body.events.0'],
    [['webhook.ping'], 'body.events.0'],
    ['ticket.created', 'body.events'],
  ])('rejects the subscription %j', async (events, field) => {
    const res = await api('POST', '/api/v1/webhooks', { url: 'https://x.example.test', events });
    expect(expectProblem(res, 400).errors?.map((e) => e.field)).toContain(field);
  });

  it('rejects unknown fields, a malformed id, and answers 404 for an unknown one', async () => {
    expectProblem(
      await api('POST', '/api/v1/webhooks', { url: 'https://x.example.test', events: ['*'], secret: 'mine' }),
      400,
    );
    expectProblem(await api('GET', '/api/v1/webhooks/not-a-uuid'), 400);
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const [method, url] of [
      ['GET', `/api/v1/webhooks/${missing}`],
      ['PATCH', `/api/v1/webhooks/${missing}`],
      ['DELETE', `/api/v1/webhooks/${missing}`],
      ['POST', `/api/v1/webhooks/${missing}/rotate-secret`],
      ['POST', `/api/v1/webhooks/${missing}/ping`],
      ['GET', `/api/v1/webhooks/${missing}/deliveries`],
      ['GET', `/api/v1/webhooks/${missing}/deliveries/${missing}`],
      ['POST', `/api/v1/webhooks/${missing}/deliveries/${missing}/redeliver`],
    ] as const) {
      const res = await api(method, url, method === 'PATCH' ? { active: false } : undefined);
      expect(expectProblem(res, 404).code, `${method} ${url}`).toBe('NOT_FOUND');
    }
  });

  it('keeps the subscriptions normalized: repeats and covered types dropped', async () => {
    const created = await create({
      events: ['ticket.created', 'ticket.*', 'alert.resolved', 'ticket.created'],
    });
    expect(created.events).toEqual(['alert.resolved', 'ticket.*']);
    const all = await api('PATCH', `/api/v1/webhooks/${created.id}`, { events: ['alert.*', '*'] });
    expect(all.data.events).toEqual(['*']);
  });

  it('lists endpoints by creation with cursors, and filters by text, activity and updated_since', async () => {
    const tag = `list-${kind}-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await create({ events: ['*'], description: `${tag} ${i}`, active: i % 2 === 0 })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/api/v1/webhooks?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.data.items.map((w: { id: string }) => w.id));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const inactive = await api('GET', `/api/v1/webhooks?q=${tag}&active=false`);
    expect(inactive.data.items.map((w: { id: string }) => w.id)).toEqual([ids[1], ids[3]]);

    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await api('PATCH', `/api/v1/webhooks/${ids[2]}`, { active: false });
    const since = await api('GET', `/api/v1/webhooks?q=${tag}&updated_since=${encodeURIComponent(mark)}`);
    expect(since.data.items.map((w: { id: string }) => w.id)).toEqual([ids[2]]);
    expectProblem(await api('GET', '/api/v1/webhooks?cursor=bogus'), 400);
  });

  it('deletes an endpoint with its delivery log', async () => {
    const created = await create({ events: ['ticket.created'] });
    const { deliveryIds } = await t.current.keel.webhooks.service.publish('ticket.created', {
      ticketId: 'x',
    });
    expect(deliveryIds.length).toBeGreaterThan(0);
    expect(await count('webhook_deliveries', `endpoint_id = '${created.id}'`)).toBe(1);
    const res = await api('DELETE', `/api/v1/webhooks/${created.id}`);
    expect(res.statusCode).toBe(204);
    expectProblem(await api('GET', `/api/v1/webhooks/${created.id}`), 404);
    expect(await count('webhook_deliveries', `endpoint_id = '${created.id}'`)).toBe(0);
    expect(await count('audit_log', `entity_id = '${created.id}' and action = 'delete'`)).toBe(1);
  });

  it('publishes to each active subscriber only, and records nothing when nobody listens', async () => {
    await t.current.store.executeSql('update webhook_endpoints set active = false');
    const sla = await create({ events: ['ticket.sla_breached'] });
    const tickets = await create({ events: ['ticket.*'] });
    const everything = await create({ events: ['*'] });
    const alerts = await create({ events: ['alert.triggered'] });
    await create({ events: ['ticket.*'], active: false });
    const endpointsOf = async (deliveryIds: string[]) =>
      deliveryIds.length
        ? (
            await t.current.store.executeSql(
              `select endpoint_id from webhook_deliveries where id = any($1::uuid[]) order by endpoint_id`,
              [deliveryIds],
            )
          ).rows.map((r) => r.endpoint_id)
        : [];
    const client = await buildClient(t.current);
    const breached = await t.current.keel.webhooks.service.publish(
      'ticket.sla_breached',
      { ticketId: 't1' },
      { clientId: client.id },
    );
    expect(await endpointsOf(breached.deliveryIds)).toEqual([sla.id, tickets.id, everything.id].sort());
    const alert = await t.current.keel.webhooks.service.publish('alert.triggered', { alertId: 'a1' });
    expect(await endpointsOf(alert.deliveryIds)).toEqual([everything.id, alerts.id].sort());

    await t.current.store.executeSql('update webhook_endpoints set active = false');
    const before = await count('webhook_events');
    const nobody = await t.current.keel.webhooks.service.publish('invoice.paid', { invoiceId: 'i1' });
    expect(nobody.deliveryIds).toEqual([]);
    expect(await count('webhook_events')).toBe(before);
    await expect(
      t.current.keel.webhooks.service.publish('ticket.exploded' as WebhookEventType, {}),
    ).rejects.toThrow(/Unknown webhook event type/);
  });

  it('never fails the caller’s transaction when the job queue cannot take the job', async () => {
    const hook = await create({ events: ['ticket.created'] });
    // pg-boss was never started on this database: queueing fails inside the caller's transaction.
    const { rows } = await t.current.store.executeSql(`select to_regclass('pgboss.job') is null as missing`);
    expect(rows[0].missing).toBe(true);
    const elsewhere = createWebhooksModule({ db: t.current.store.db });
    await elsewhere.module.jobs!(createJobs(t.current.store, () => {}));
    const published = await t.current.store.db.transaction(async (tx) => {
      const result = await elsewhere.service.publish('ticket.created', { ticketId: 'q' }, { tx });
      // Still usable after the failed enqueue (on PostgreSQL, thanks to the savepoint), and it commits.
      const after = (await tx.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
      expect(after.rows[0]!.one).toBe(1);
      return result;
    });
    expect(published.deliveryIds).toHaveLength(1);
    const one = await api('GET', `/api/v1/webhooks/${hook.id}/deliveries/${published.deliveryIds[0]}`);
    expect(one.data).toMatchObject({ status: 'pending', attempts: 0 });
    await api('PATCH', `/api/v1/webhooks/${hook.id}`, { active: false });
  });

  it('shows the delivery log of an endpoint, newest first, with the body that was posted', async () => {
    const created = await create({ events: ['ticket.resolved'] });
    const first = await t.current.keel.webhooks.service.publish('ticket.resolved', { ticketId: 'r1' });
    const second = await t.current.keel.webhooks.service.publish('ticket.resolved', { ticketId: 'r2' });
    const list = await api('GET', `/api/v1/webhooks/${created.id}/deliveries?limit=1`);
    expect(list.data.items.map((d: { id: string }) => d.id)).toEqual(second.deliveryIds);
    expect(list.data.items[0]).toMatchObject({
      webhookId: created.id,
      eventId: second.eventId,
      eventType: 'ticket.resolved',
      status: 'pending',
      attempts: 0,
      maxAttempts: 8,
    });
    const next = await api('GET', `/api/v1/webhooks/${created.id}/deliveries?cursor=${list.data.nextCursor}`);
    expect(next.data.items.map((d: { id: string }) => d.id)).toEqual(first.deliveryIds);
    expect(next.data.nextCursor).toBeNull();
    const filtered = await api('GET', `/api/v1/webhooks/${created.id}/deliveries?status=succeeded`);
    expect(filtered.data.items).toEqual([]);

    const one = await api('GET', `/api/v1/webhooks/${created.id}/deliveries/${first.deliveryIds[0]}`);
    expect(one.data.payload).toMatchObject({
      id: first.eventId,
      type: 'ticket.resolved',
      data: { ticketId: 'r1' },
    });
    // A delivery is only reachable through its own endpoint.
    const other = await create({ events: ['*'] });
    expectProblem(await api('GET', `/api/v1/webhooks/${other.id}/deliveries/${first.deliveryIds[0]}`), 404);
    // Still pending: nothing to redeliver yet.
    const early = await api(
      'POST',
      `/api/v1/webhooks/${created.id}/deliveries/${first.deliveryIds[0]}/redeliver`,
    );
    expect(expectProblem(early, 409).code).toBe('CONFLICT');
  });

  it('refuses to ping an inactive endpoint', async () => {
    const created = await create({ events: ['*'], active: false });
    expect(expectProblem(await api('POST', `/api/v1/webhooks/${created.id}/ping`), 409).code).toBe(
      'CONFLICT',
    );
  });

  it('lists the event types and wildcards one can subscribe to', async () => {
    const res = await api('GET', '/api/v1/webhooks/event-types');
    expect(res.statusCode).toBe(200);
    const types = res.data.items.map((i: { type: string }) => i.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'ticket.created',
        'ticket.sla_warning',
        'ticket.sla_breached',
        'ticket.resolved',
      ]),
    );
    expect(res.data.wildcards).toEqual(expect.arrayContaining(['*', 'ticket.*', 'alert.*']));
  });

  it('lets managers manage webhooks, forbids technicians and billing, hides them from portal users', async () => {
    const manager = await buildUser(t.current, 'manager');
    const ok = await api(
      'POST',
      '/api/v1/webhooks',
      { url: 'https://m.example.test', events: ['*'] },
      manager,
    );
    expect(ok.statusCode).toBe(201);
    for (const role of ['technician', 'billing'] as const) {
      const user = await buildUser(t.current, role);
      expectProblem(await api('GET', '/api/v1/webhooks', undefined, user), 403);
      expectProblem(
        await api('POST', '/api/v1/webhooks', { url: 'https://t.example.test', events: ['*'] }, user),
        403,
      );
    }
    const client = await buildClient(t.current);
    const portal = await buildUser(t.current, 'portal', { clientId: client.id });
    expectProblem(await api('GET', '/api/v1/webhooks', undefined, portal), 404);
    expectProblem(await api('GET', `/api/v1/webhooks/${ok.data.id}`, undefined, portal), 404);
  });
});
