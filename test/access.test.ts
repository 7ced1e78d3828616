import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from './support/app.js';
import {
  buildClient,
  buildContact,
  buildSite,
  buildUser,
  call,
  expectProblem,
  useTestApp,
} from './support/app.js';
import { storeKinds } from './support/stores.js';

type Ids = {
  clientId: string;
  siteId: string;
  contactId: string;
  userId: string;
  tokenId: string;
  agreementId: string;
};

const fill = (url: string, ids: Ids) => url.replace(/:(\w+)/g, (_, name: keyof Ids) => ids[name]);
const bodyFor = (method: string) =>
  method === 'POST' || method === 'PATCH' || method === 'PUT' ? {} : undefined;

describe.each(storeKinds)('access control on %s', (kind) => {
  const t = useTestApp(kind);
  let a: Ids;
  let b: Ids;
  let portalA: Caller;
  let admin: Caller;

  beforeAll(async () => {
    const app = t.current;
    admin = await buildUser(app, 'admin');
    const make = async (): Promise<Ids> => {
      const client = await buildClient(app);
      const site = await buildSite(app, client.id);
      const contact = await buildContact(app, client.id, { siteId: site.id });
      const portal = await buildUser(app, 'portal', { clientId: client.id });
      const tokens = await app.keel.identity.service.listTokens(portal.userId);
      const agreement = await call(app, {
        method: 'POST',
        url: '/api/v1/agreements',
        headers: admin.headers,
        payload: { clientId: client.id, kind: 'managed', name: 'Managed', startDate: '2026-01-01' },
      });
      return {
        agreementId: agreement.data.id,
        clientId: client.id,
        siteId: site.id,
        contactId: contact.id,
        userId: portal.userId,
        tokenId: tokens[0]!.id,
      };
    };
    a = await make();
    b = await make();
    portalA = await buildUser(app, 'portal', { clientId: a.clientId });
  });

  it('declares an access rule on every API route', () => {
    const api = t.current.http.routeRules.filter((r) => r.url.startsWith('/api/v1'));
    expect(api.length).toBeGreaterThan(20);
    for (const rule of api) expect(rule.access, `${rule.method} ${rule.url}`).toBeDefined();
  });

  it('answers 401 problem+json to anonymous callers on every non-public route', async () => {
    const rules = t.current.http.routeRules.filter(
      (r) => r.url.startsWith('/api/v1') && r.access !== 'public',
    );
    for (const rule of rules) {
      const res = await call(t.current, {
        method: rule.method,
        url: fill(rule.url, b),
        payload: bodyFor(rule.method),
      });
      expect(res.statusCode, `${rule.method} ${rule.url}`).toBe(401);
      expectProblem(res, 401);
    }
  });

  it('answers 404 to a portal user of client A for every route that names something of client B', async () => {
    const rules = t.current.http.routeRules.filter(
      (r) => r.url.startsWith('/api/v1') && /:(clientId|siteId|contactId|userId|agreementId)/.test(r.url),
    );
    expect(rules.length).toBeGreaterThan(12);
    for (const rule of rules) {
      const res = await call(t.current, {
        method: rule.method,
        url: fill(rule.url, b),
        headers: portalA.headers,
        payload: bodyFor(rule.method),
      });
      expect(res.statusCode, `${rule.method} ${rule.url}`).toBe(404);
      expectProblem(res, 404);
    }
    // Nothing of B changed: it is still there, unarchived, for staff.
    const check = await call(t.current, {
      method: 'GET',
      url: `/api/v1/clients/${b.clientId}`,
      headers: admin.headers,
    });
    expect(check.data.archived).toBe(false);
  });

  it('lets a portal user read their own client, sites and contacts, and lists only their client', async () => {
    const h = portalA.headers;
    for (const url of [
      `/api/v1/clients/${a.clientId}`,
      `/api/v1/clients/${a.clientId}/sites`,
      `/api/v1/clients/${a.clientId}/contacts`,
      `/api/v1/sites/${a.siteId}`,
      `/api/v1/contacts/${a.contactId}`,
    ]) {
      const res = await call(t.current, { method: 'GET', url, headers: h });
      expect(res.statusCode, url).toBe(200);
    }
    const list = await call(t.current, { method: 'GET', url: '/api/v1/clients?limit=200', headers: h });
    expect(list.data.items.map((c: { id: string }) => c.id)).toEqual([a.clientId]);
    const search = await call(t.current, { method: 'GET', url: '/api/v1/clients?q=Client', headers: h });
    expect(search.data.items.every((c: { id: string }) => c.id === a.clientId)).toBe(true);
  });

  it('never sends internal notes to a portal user', async () => {
    await t.current.keel.clients.service.updateClient({ kind: 'staff' }, a.clientId, {
      notes: 'Key under the mat',
    });
    const own = await call(t.current, {
      method: 'GET',
      url: `/api/v1/clients/${a.clientId}`,
      headers: portalA.headers,
    });
    expect(own.data).not.toHaveProperty('notes');
    const list = await call(t.current, { method: 'GET', url: '/api/v1/clients', headers: portalA.headers });
    expect(JSON.stringify(list.data)).not.toContain('Key under the mat');
    const staff = await call(t.current, {
      method: 'GET',
      url: `/api/v1/clients/${a.clientId}`,
      headers: admin.headers,
    });
    expect(staff.data.notes).toBe('Key under the mat');
  });

  it('does not let a portal user write, even on their own client', async () => {
    const h = portalA.headers;
    const res = await call(t.current, {
      method: 'PATCH',
      url: `/api/v1/clients/${a.clientId}`,
      headers: h,
      payload: { name: 'Hacked' },
    });
    expectProblem(res, 404);
    const created = await call(t.current, {
      method: 'POST',
      url: '/api/v1/clients',
      headers: h,
      payload: { name: 'Mine' },
    });
    expectProblem(created, 404);
  });

  it('forbids a technician to manage users, but lets them read the team', async () => {
    const tech = await buildUser(t.current, 'technician');
    const create = await call(t.current, {
      method: 'POST',
      url: '/api/v1/users',
      headers: tech.headers,
      payload: { email: 'new@example.test', role: 'admin', password: 'a very long password' },
    });
    expect(expectProblem(create, 403).code).toBe('FORBIDDEN');
    const patch = await call(t.current, {
      method: 'PATCH',
      url: `/api/v1/users/${tech.userId}`,
      headers: tech.headers,
      payload: { role: 'admin' },
    });
    expectProblem(patch, 403);
    const list = await call(t.current, { method: 'GET', url: '/api/v1/users', headers: tech.headers });
    expect(list.statusCode).toBe(200);
    const users = await t.current.keel.identity.service.listUsers();
    expect(users.find((u) => u.email === 'new@example.test')).toBeUndefined();
  });

  it('lets an admin create users, and rejects portal users without a client or with an unknown one', async () => {
    const email = `tech-${kind}@example.test`;
    const ok = await call(t.current, {
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email, role: 'technician', password: 'a very long password' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.data).not.toHaveProperty('passwordHash');
    const dup = await call(t.current, {
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: email.toUpperCase(), role: 'technician', password: 'a very long password' },
    });
    expect(expectProblem(dup, 409).code).toBe('EMAIL_TAKEN');
    const noClient = await call(t.current, {
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'p@example.test', role: 'portal', password: 'a very long password' },
    });
    expect(expectProblem(noClient, 400).errors?.[0]?.field).toBe('body.clientId');
    const unknownClient = await call(t.current, {
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'p@example.test',
        role: 'portal',
        password: 'a very long password',
        clientId: '0190e4a0-0000-7000-8000-000000000000',
      },
    });
    expectProblem(unknownClient, 404);
  });

  it('narrows a token to its scopes, and refuses scopes beyond the role', async () => {
    const tech = await buildUser(t.current, 'technician');
    const narrow = await call(t.current, {
      method: 'POST',
      url: '/api/v1/tokens',
      headers: tech.headers,
      payload: { name: 'read only', scopes: ['clients:read'] },
    });
    expect(narrow.statusCode).toBe(201);
    expect(narrow.data.token).toMatch(/^keel_/);
    const h = { authorization: `Bearer ${narrow.data.token}` };
    expect((await call(t.current, { method: 'GET', url: '/api/v1/clients', headers: h })).statusCode).toBe(
      200,
    );
    const write = await call(t.current, {
      method: 'POST',
      url: `/api/v1/clients/${a.clientId}/contacts`,
      headers: h,
      payload: { name: 'X' },
    });
    expectProblem(write, 403);
    const beyond = await call(t.current, {
      method: 'POST',
      url: '/api/v1/tokens',
      headers: tech.headers,
      payload: { name: 'escalate', scopes: ['users:manage'] },
    });
    expectProblem(beyond, 403);
    const listed = await call(t.current, { method: 'GET', url: '/api/v1/tokens', headers: tech.headers });
    expect(JSON.stringify(listed.data)).not.toContain(narrow.data.token);
    const revoke = await call(t.current, {
      method: 'DELETE',
      url: `/api/v1/tokens/${narrow.data.id}`,
      headers: tech.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expectProblem(await call(t.current, { method: 'GET', url: '/api/v1/clients', headers: h }), 401);
  });

  it('rejects malformed or unknown bearer tokens', async () => {
    for (const authorization of ['Bearer nope', 'Basic abc', 'Bearer']) {
      expectProblem(
        await call(t.current, { method: 'GET', url: '/api/v1/me', headers: { authorization } }),
        401,
      );
    }
  });
});
