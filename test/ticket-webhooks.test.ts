import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { verifySignature } from '../src/modules/webhooks/webhooks.signature.js';
import { buildClient, buildUser, type Caller, call, createTestApp } from './support/app.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds)('tickets announce themselves to webhooks on %s', (kind) => {
  let app: App;
  let admin: Caller;
  const got: { type: string; data: Record<string, unknown>; verified: boolean }[] = [];
  let secret = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const check = verifySignature({
        payload: body,
        header: req.headers['x-keel-signature'] as string,
        secret,
      });
      const event = JSON.parse(body);
      got.push({ type: event.type, data: event.data, verified: check.ok === true });
      res.writeHead(200).end('ok');
    });
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    app = await createTestApp(kind, { jobs: { work: true } });
    admin = await buildUser(app, 'admin');
    const { port } = server.address() as AddressInfo;
    const hook = await call(app, {
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin.headers,
      payload: { url: `http://127.0.0.1:${port}/keel`, events: ['ticket.*'] },
    });
    secret = hook.data.secret;
  });
  afterAll(async () => {
    await app?.close();
    server.close();
  });

  it('signs ticket.created and ticket.resolved for receivers', async () => {
    const clientId = (await buildClient(app)).id;
    const ticket = await call(app, {
      method: 'POST',
      url: '/api/v1/tickets',
      headers: admin.headers,
      payload: { clientId, subject: 'Webhook me' },
    });
    await call(app, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.data.id}`,
      headers: admin.headers,
      payload: { status: 'resolved' },
    });
    const types = () =>
      got
        .filter((g) => g.data.ticketId === ticket.data.id)
        .map((g) => g.type)
        .sort();
    for (let waited = 0; types().length < 2 && waited < 15_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(types()).toEqual(['ticket.created', 'ticket.resolved']);
    expect(got.every((g) => g.verified)).toBe(true);
  });
});
