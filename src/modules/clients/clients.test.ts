import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import {
  buildClient,
  buildSite,
  buildUser,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('clients API on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  const api = (method: string, url: string, payload?: unknown, headers?: Record<string, string>) =>
    call(t.current, { method, url, payload, headers: { ...admin.headers, ...headers } });
  const counts = async () => {
    const { rows } = await t.current.store.executeSql(
      `select (select count(*) from clients)::int c, (select count(*) from sites)::int s,
              (select count(*) from contacts)::int k, (select count(*) from audit_log)::int a`,
    );
    return rows[0];
  };

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
  });

  it('creates, reads, updates, archives and restores a client with its profile', async () => {
    const created = await api('POST', '/api/v1/clients', {
      name: 'Northwind Dental',
      timeZone: 'Europe/Paris',
      taxRateBp: 2000,
      billingAddress: { line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' },
      profile: { users: 14, endpoints: 18, sites: 2, remoteUsers: 3, criticality: 'high' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.data.id;
    expect(created.data).toMatchObject({
      name: 'Northwind Dental',
      status: 'active',
      archived: false,
      profile: { users: 14, criticality: 'high' },
    });

    const patched = await api('PATCH', `/api/v1/clients/${id}`, {
      status: 'onboarding',
      profile: { users: 15 },
    });
    expect(patched.data.status).toBe('onboarding');
    expect(patched.data.profile).toMatchObject({ users: 15, endpoints: 18 });
    expect(new Date(patched.data.updatedAt) >= new Date(created.data.updatedAt)).toBe(true);

    const archived = await api('DELETE', `/api/v1/clients/${id}`);
    expect(archived.data.archived).toBe(true);
    const list = await api('GET', '/api/v1/clients?q=Northwind');
    expect(list.data.items).toHaveLength(0);
    const withArchived = await api('GET', '/api/v1/clients?q=Northwind&include_archived=true');
    expect(withArchived.data.items).toHaveLength(1);
    expect((await api('GET', `/api/v1/clients/${id}`)).data.archived).toBe(true);
    const restored = await api('POST', `/api/v1/clients/${id}/restore`);
    expect(restored.data.archived).toBe(false);
  });

  it('refuses a second live client with the same name (any case) with 409', async () => {
    await buildClient(t.current, { name: 'Contoso Ltd' });
    const before = await counts();
    const dup = await api('POST', '/api/v1/clients', { name: 'contoso ltd' });
    expect(expectProblem(dup, 409).code).toBe('ALREADY_EXISTS');
    expect(await counts()).toEqual(before);
  });

  it('pages with opaque cursors, searches, and filters by updated_since', async () => {
    const tag = `Page${kind}`;
    for (let i = 0; i < 7; i++)
      await buildClient(t.current, { name: `${tag} ${String(i).padStart(2, '0')}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api('GET', `/api/v1/clients?q=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.data.items.map((c: { name: string }) => c.name));
      cursor = res.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...Array(7)].map((_, i) => `${tag} ${String(i).padStart(2, '0')}`));

    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const touched = (await api('GET', `/api/v1/clients?q=${tag} 03`)).data.items[0];
    await api('PATCH', `/api/v1/clients/${touched.id}`, { notes: 'changed' });
    const since = await api('GET', `/api/v1/clients?updated_since=${encodeURIComponent(mark)}&q=${tag}`);
    expect(since.data.items.map((c: { id: string }) => c.id)).toEqual([touched.id]);

    const literal = await api('GET', `/api/v1/clients?q=${encodeURIComponent('%')}`);
    expect(literal.data.items).toHaveLength(0);
  });

  it('manages sites and contacts of a client, and keeps a contact on its own client’s sites', async () => {
    const client = await buildClient(t.current);
    const other = await buildClient(t.current);
    const site = await api('POST', `/api/v1/clients/${client.id}/sites`, {
      name: 'HQ',
      address: { city: 'Lyon', country: 'FR' },
    });
    expect(site.statusCode).toBe(201);
    const foreignSite = await buildSite(t.current, other.id);
    const bad = await api('POST', `/api/v1/clients/${client.id}/contacts`, {
      name: 'Ann',
      siteId: foreignSite.id,
    });
    expect(expectProblem(bad, 422).errors?.[0]?.field).toBe('body.siteId');

    const contact = await api('POST', `/api/v1/clients/${client.id}/contacts`, {
      name: 'Ann Smith',
      email: 'ann@northwind.test',
      phone: '+33 1 23 45 67 89',
      role: 'Office manager',
      siteId: site.data.id,
      isBilling: true,
      portalAccess: true,
    });
    expect(contact.statusCode).toBe(201);
    expect(contact.data).toMatchObject({ clientId: client.id, siteId: site.data.id, isBilling: true });
    const dupEmail = await api('POST', `/api/v1/clients/${client.id}/contacts`, {
      name: 'Ann 2',
      email: 'ANN@northwind.test',
    });
    expectProblem(dupEmail, 409);
    const found = await api('GET', `/api/v1/clients/${client.id}/contacts?q=office`);
    expect(found.data.items.map((c: { id: string }) => c.id)).toEqual([contact.data.id]);

    const renamed = await api('PATCH', `/api/v1/sites/${site.data.id}`, { name: 'Head office' });
    expect(renamed.data.name).toBe('Head office');
    const archivedSite = await api('DELETE', `/api/v1/sites/${site.data.id}`);
    expect(archivedSite.data.archived).toBe(true);
    expect((await api('GET', `/api/v1/contacts/${contact.data.id}`)).data.siteId).toBeNull();
    expect((await api('GET', `/api/v1/clients/${client.id}/sites`)).data.items).toHaveLength(0);
    const gone = await api('DELETE', `/api/v1/contacts/${contact.data.id}`);
    expect(gone.data.archived).toBe(true);
  });

  it('keeps an archived client read-only until restored, and restores sites and contacts', async () => {
    const client = await buildClient(t.current);
    const site = await buildSite(t.current, client.id);
    const contact = await api('POST', `/api/v1/clients/${client.id}/contacts`, {
      name: 'Bob',
      siteId: site.id,
    });
    await api('DELETE', `/api/v1/clients/${client.id}`);
    const before = await counts();
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/clients/${client.id}`, { notes: 'x' }],
      ['POST', `/api/v1/clients/${client.id}/sites`, { name: 'Annex' }],
      ['POST', `/api/v1/clients/${client.id}/contacts`, { name: 'Eve' }],
      ['PATCH', `/api/v1/sites/${site.id}`, { name: 'Renamed' }],
      ['PATCH', `/api/v1/contacts/${contact.data.id}`, { name: 'Renamed' }],
    ] as const) {
      expect(expectProblem(await api(method, url, payload), 409).code, `${method} ${url}`).toBe(
        'CLIENT_ARCHIVED',
      );
    }
    expect(await counts()).toEqual(before);
    await api('POST', `/api/v1/clients/${client.id}/restore`);

    expect((await api('DELETE', `/api/v1/sites/${site.id}`)).data.archived).toBe(true);
    expect((await api('POST', `/api/v1/sites/${site.id}/restore`)).data.archived).toBe(false);
    expect((await api('DELETE', `/api/v1/contacts/${contact.data.id}`)).data.archived).toBe(true);
    const restored = await api('POST', `/api/v1/contacts/${contact.data.id}/restore`);
    expect(restored.data).toMatchObject({ archived: false, siteId: null });
  });

  it('answers bad input with 4xx problem+json and writes nothing', async () => {
    const client = await buildClient(t.current);
    const before = await counts();
    const cases: {
      name: string;
      method: string;
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
      status: number;
      field?: string;
    }[] = [
      {
        name: 'malformed JSON',
        method: 'POST',
        url: '/api/v1/clients',
        payload: '{"name": ',
        headers: { 'content-type': 'application/json' },
        status: 400,
      },
      {
        name: 'empty JSON body',
        method: 'POST',
        url: '/api/v1/clients',
        payload: '',
        headers: { 'content-type': 'application/json' },
        status: 400,
      },
      {
        name: 'wrong type',
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 42 },
        status: 400,
        field: 'body.name',
      },
      {
        name: 'unknown field',
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'X', owner: 'me' },
        status: 400,
      },
      {
        name: 'bad time zone',
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'X', timeZone: 'Mars/Olympus' },
        status: 400,
        field: 'body.timeZone',
      },
      {
        name: 'negative count',
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'X', profile: { users: -1 } },
        status: 400,
        field: 'body.profile.users',
      },
      {
        name: 'tax over 100 %',
        method: 'PATCH',
        url: `/api/v1/clients/${client.id}`,
        payload: { taxRateBp: 10001 },
        status: 400,
        field: 'body.taxRateBp',
      },
      {
        name: 'oversize body',
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'X', notes: 'x'.repeat(1_100_000) },
        status: 413,
      },
      {
        name: 'not JSON',
        method: 'POST',
        url: '/api/v1/clients',
        payload: '<xml/>',
        headers: { 'content-type': 'application/xml' },
        status: 415,
      },
      {
        name: 'unknown id',
        method: 'PATCH',
        url: '/api/v1/clients/0190e4a0-0000-7000-8000-000000000000',
        payload: { notes: 'x' },
        status: 404,
      },
      {
        name: 'malformed id',
        method: 'GET',
        url: '/api/v1/clients/not-a-uuid',
        status: 400,
        field: 'params.clientId',
      },
      {
        name: 'unknown site',
        method: 'DELETE',
        url: '/api/v1/sites/0190e4a0-0000-7000-8000-000000000000',
        status: 404,
      },
      {
        name: 'contact of unknown client',
        method: 'POST',
        url: '/api/v1/clients/0190e4a0-0000-7000-8000-000000000000/contacts',
        payload: { name: 'X' },
        status: 404,
      },
      {
        name: 'bad email',
        method: 'POST',
        url: `/api/v1/clients/${client.id}/contacts`,
        payload: { name: 'X', email: 'not-an-email' },
        status: 400,
        field: 'body.email',
      },
      { name: 'bad cursor', method: 'GET', url: '/api/v1/clients?cursor=garbage', status: 400 },
      {
        name: 'forged cursor',
        method: 'GET',
        url: `/api/v1/clients?cursor=${Buffer.from('[1,2,3]').toString('base64url')}`,
        status: 400,
      },
      {
        name: 'cursor with a non-uuid id',
        method: 'GET',
        url: `/api/v1/clients?cursor=${Buffer.from('["a","b"]').toString('base64url')}`,
        status: 400,
      },
      {
        name: 'limit too large',
        method: 'GET',
        url: '/api/v1/clients?limit=100000',
        status: 400,
        field: 'querystring.limit',
      },
      {
        name: 'bad updated_since',
        method: 'GET',
        url: '/api/v1/clients?updated_since=yesterday',
        status: 400,
        field: 'querystring.updated_since',
      },
      { name: 'unknown query parameter', method: 'GET', url: '/api/v1/clients?sort=evil', status: 400 },
    ];
    for (const c of cases) {
      const res = await api(c.method, c.url, c.payload, c.headers);
      const problem = expectProblem(res, c.status);
      if (c.field)
        expect(
          problem.errors?.map((e) => e.field),
          c.name,
        ).toContain(c.field);
    }
    expect(await counts()).toEqual(before);
  });
});
