import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import {
  buildClient,
  buildContact,
  buildSite,
  buildUser,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

const UNKNOWN = '0190e4a0-0000-7000-8000-000000000000';

describe.each(storeKinds)('assets API on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  const api = (method: string, url: string, payload?: unknown, headers?: Record<string, string>) =>
    call(t.current, { method, url, payload, headers: { ...admin.headers, ...headers } });
  const counts = async () => {
    const { rows } = await t.current.store.executeSql(
      `select (select count(*) from assets)::int a, (select count(*) from asset_identities)::int i,
              (select count(*) from asset_managed_spans)::int s, (select count(*) from audit_log)::int l`,
    );
    return rows[0];
  };
  const service = () => t.current.keel.assets.service;

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
  });

  it('creates, reads, updates, archives and restores an asset, with an audit row for each write', async () => {
    const client = await buildClient(t.current);
    const site = await buildSite(t.current, client.id);
    const owner = await buildContact(t.current, client.id);
    const auditBefore = (await counts()).l;
    const created = await api('POST', '/api/v1/assets', {
      clientId: client.id,
      siteId: site.id,
      type: 'server',
      name: 'File server',
      hostname: 'FS01',
      address: '10.0.0.5',
      os: 'Windows Server 2022',
      serialNumber: 'SN-1234',
      manufacturer: 'Dell',
      model: 'PowerEdge T150',
      purchaseDate: '2024-03-01',
      warrantyEnd: '2027-02-28',
      managed: true,
      ownerContactId: owner.id,
      notes: 'Rack 2',
      identities: [
        { key: 'Instance', value: 'fs01:9100' },
        { key: 'monitor', value: 'FS01 ping' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id = created.data.id;
    expect(created.data).toMatchObject({
      clientId: client.id,
      siteId: site.id,
      type: 'server',
      hostname: 'FS01',
      managed: true,
      ownerContactId: owner.id,
      notes: 'Rack 2',
      archived: false,
      identities: [
        { key: 'instance', value: 'fs01:9100' },
        { key: 'monitor', value: 'FS01 ping' },
      ],
    });
    expect((await api('GET', `/api/v1/assets/${id}`)).data.name).toBe('File server');

    const patched = await api('PATCH', `/api/v1/assets/${id}`, {
      name: 'File server 1',
      os: '',
      identities: [{ key: 'instance', value: 'fs01:9100' }],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.data).toMatchObject({ name: 'File server 1', os: null });
    expect(patched.data.identities).toEqual([{ key: 'instance', value: 'fs01:9100' }]);

    const archived = await api('DELETE', `/api/v1/assets/${id}`);
    expect(archived.data.archived).toBe(true);
    expect((await api('GET', `/api/v1/clients/${client.id}/assets`)).data.items).toHaveLength(0);
    const withArchived = await api('GET', `/api/v1/clients/${client.id}/assets?include_archived=true`);
    expect(withArchived.data.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(expectProblem(await api('PATCH', `/api/v1/assets/${id}`, { name: 'x' }), 409).code).toBe(
      'CONFLICT',
    );
    const restored = await api('POST', `/api/v1/assets/${id}/restore`);
    expect(restored.data.archived).toBe(false);

    const { rows } = await t.current.store.executeSql(
      `select action from audit_log where entity_type = 'asset' and entity_id = $1 order by id`,
      [id],
    );
    expect(rows.map((r: { action: string }) => r.action).sort()).toEqual(
      ['archive', 'create', 'restore', 'update'].sort(),
    );
    expect((await counts()).l - auditBefore).toBe(4);
  });

  it('keeps a site and an owner contact on the asset’s own client', async () => {
    const client = await buildClient(t.current);
    const other = await buildClient(t.current);
    const foreignSite = await buildSite(t.current, other.id);
    const foreignContact = await buildContact(t.current, other.id);
    const before = await counts();
    const badSite = await api('POST', '/api/v1/assets', {
      clientId: client.id,
      type: 'laptop',
      name: 'L1',
      siteId: foreignSite.id,
    });
    expect(expectProblem(badSite, 422).errors?.[0]?.field).toBe('body.siteId');
    const badOwner = await api('POST', '/api/v1/assets', {
      clientId: client.id,
      type: 'laptop',
      name: 'L1',
      ownerContactId: foreignContact.id,
    });
    expect(expectProblem(badOwner, 422).errors?.[0]?.field).toBe('body.ownerContactId');
    const asset = await api('POST', '/api/v1/assets', { clientId: client.id, type: 'laptop', name: 'L1' });
    const badPatch = await api('PATCH', `/api/v1/assets/${asset.data.id}`, {
      ownerContactId: foreignContact.id,
    });
    expectProblem(badPatch, 422);
    expect((await counts()).a).toBe(before.a + 1);
  });

  it('maps one monitoring identity to one live asset only, in any case, and frees it on archive', async () => {
    const a = await buildClient(t.current);
    const b = await buildClient(t.current);
    const first = await api('POST', '/api/v1/assets', {
      clientId: a.id,
      type: 'server',
      name: 'web01',
      identities: [{ key: 'instance', value: 'web01.acme.example:9100' }],
    });
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const clash = await api('POST', '/api/v1/assets', {
      clientId: b.id,
      type: 'server',
      name: 'other',
      identities: [
        { key: 'host', value: 'other' },
        { key: 'instance', value: 'WEB01.acme.example:9100' },
      ],
    });
    const problem = expectProblem(clash, 409);
    expect(problem.code).toBe('ALREADY_EXISTS');
    expect(problem.errors?.[0]?.field).toBe('body.identities.1.value');
    expect(await counts()).toEqual(before);

    const sameKeyOtherValue = await api('POST', '/api/v1/assets', {
      clientId: b.id,
      type: 'server',
      name: 'web02',
      identities: [{ key: 'instance', value: 'web02.acme.example:9100' }],
    });
    expect(sameKeyOtherValue.statusCode).toBe(201);
    const patchClash = await api('PATCH', `/api/v1/assets/${sameKeyOtherValue.data.id}`, {
      identities: [{ key: 'instance', value: 'web01.acme.example:9100' }],
    });
    expectProblem(patchClash, 409);

    await api('DELETE', `/api/v1/assets/${first.data.id}`);
    const taken = await api('PATCH', `/api/v1/assets/${sameKeyOtherValue.data.id}`, {
      identities: [{ key: 'instance', value: 'web01.acme.example:9100' }],
    });
    expect(taken.statusCode).toBe(200);
    // The archived asset cannot come back while another live asset holds its identity.
    expectProblem(await api('POST', `/api/v1/assets/${first.data.id}/restore`), 409);
    expect((await api('GET', `/api/v1/assets/${first.data.id}`)).data.archived).toBe(true);
  });

  it('is held by the database too: a direct insert of a live duplicate identity fails', async () => {
    const client = await buildClient(t.current);
    const one = await service().create(
      { kind: 'staff' },
      {
        clientId: client.id,
        siteId: null,
        type: 'other',
        name: 'db-one',
        hostname: null,
        address: null,
        os: null,
        serialNumber: null,
        manufacturer: null,
        model: null,
        purchaseDate: null,
        warrantyEnd: null,
        managed: false,
        ownerContactId: null,
        notes: '',
        identities: [{ key: 'fingerprint', value: 'abc123' }],
      },
    );
    await expect(
      t.current.store.executeSql(
        `insert into asset_identities (id, asset_id, client_id, key, value) values ($1, $2, $3, 'fingerprint', 'ABC123')`,
        ['0190e4a0-0000-7000-8000-00000000abcd', one.id, client.id],
      ),
    ).rejects.toThrow();
  });

  it('refuses a second live asset with the same serial number at one client', async () => {
    const client = await buildClient(t.current);
    const body = { clientId: client.id, type: 'workstation', name: 'PC', serialNumber: 'ABC-1' };
    expect((await api('POST', '/api/v1/assets', body)).statusCode).toBe(201);
    const dup = await api('POST', '/api/v1/assets', { ...body, serialNumber: 'abc-1' });
    expect(expectProblem(dup, 409).errors?.[0]?.field).toBe('body.serialNumber');
    const other = await buildClient(t.current);
    expect((await api('POST', '/api/v1/assets', { ...body, clientId: other.id })).statusCode).toBe(201);
  });

  it('finds the asset an alert is about: labels first, then hostname or address, never a guess', async () => {
    const a = await buildClient(t.current);
    const b = await buildClient(t.current);
    const mk = async (clientId: string, extra: Record<string, unknown>) =>
      (await api('POST', '/api/v1/assets', { clientId, type: 'server', name: 'srv', ...extra })).data;
    const labelled = await mk(a.id, {
      name: 'db01',
      hostname: 'db01',
      identities: [
        { key: 'instance', value: 'db01.acme.example:9187' },
        { key: 'job', value: 'postgres-acme' },
      ],
    });
    const byHost = await mk(a.id, { name: 'mail', hostname: 'Mail.Acme.Example' });
    const byAddress = await mk(b.id, { name: 'fw', address: '192.0.2.10' });
    await mk(a.id, { name: 'dc01 a', hostname: 'dc01' });
    await mk(b.id, { name: 'dc01 b', hostname: 'DC01' });
    const monitored = await mk(b.id, {
      name: 'site',
      identities: [{ key: 'monitor', value: 'Acme Website' }],
    });

    const find = service().findByIdentity;
    expect(await find({ instance: 'DB01.acme.example:9187' })).toEqual({
      id: labelled.id,
      clientId: a.id,
      siteId: null,
      name: 'db01',
    });
    expect((await find({ labels: { job: 'postgres-acme', alertname: 'Down' } }))?.id).toBe(labelled.id);
    // A label pair of higher rank wins over a weaker one naming another asset.
    expect((await find({ monitor: 'acme website', labels: { job: 'postgres-acme' } }))?.id).toBe(
      monitored.id,
    );
    expect((await find({ host: 'mail.acme.example' }))?.id).toBe(byHost.id);
    expect((await find({ instance: 'mail.acme.example:25' }))?.id).toBe(byHost.id);
    expect((await find({ instance: '192.0.2.10:161' }))?.id).toBe(byAddress.id);
    expect(await find({ host: 'dc01' })).toBeNull();
    expect((await find({ host: 'dc01' }, { clientId: b.id }))?.name).toBe('dc01 b');
    expect(await find({ instance: 'db01.acme.example:9187' }, { clientId: b.id })).toBeNull();
    expect(await find({ host: 'nowhere.example' })).toBeNull();
    expect(await find({})).toBeNull();

    await api('DELETE', `/api/v1/assets/${labelled.id}`);
    expect(await find({ instance: 'db01.acme.example:9187' })).toBeNull();
  });

  it('counts managed assets at an instant, as they stood then', async () => {
    const client = await buildClient(t.current);
    const t0 = new Date();
    const one = await api('POST', '/api/v1/assets', {
      clientId: client.id,
      type: 'workstation',
      name: 'm1',
      managed: true,
    });
    const two = await api('POST', '/api/v1/assets', {
      clientId: client.id,
      type: 'workstation',
      name: 'm2',
      managed: true,
    });
    await api('POST', '/api/v1/assets', { clientId: client.id, type: 'printer', name: 'unmanaged' });
    const t1 = new Date();
    expect(await service().countManaged(client.id)).toBe(2);
    expect(await service().countManaged(client.id, new Date(t0.getTime() - 1000))).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    await api('PATCH', `/api/v1/assets/${one.data.id}`, { managed: false });
    await api('DELETE', `/api/v1/assets/${two.data.id}`);
    expect(await service().countManaged(client.id)).toBe(0);
    expect(await service().countManaged(client.id, t1)).toBe(2);
    await api('POST', `/api/v1/assets/${two.data.id}/restore`);
    expect(await service().countManaged(client.id)).toBe(1);
    expect(await service().countManaged(client.id, t1)).toBe(2);
  });

  it('filters and pages the list: client, site, type, managed, search, updated_since', async () => {
    const client = await buildClient(t.current);
    const site = await buildSite(t.current, client.id);
    const tag = `flt${kind}`;
    for (let i = 0; i < 5; i++)
      await api('POST', '/api/v1/assets', {
        clientId: client.id,
        siteId: i < 2 ? site.id : null,
        type: i % 2 ? 'laptop' : 'server',
        name: `${tag}-${i}`,
        managed: i === 0,
        serialNumber: `${tag}-SN${i}`,
      });
    const q = (s: string) => api('GET', `/api/v1/assets?client_id=${client.id}&${s}`);
    const names = (res: { data: { items: { name: string }[] } }) => res.data.items.map((a) => a.name);
    expect(names(await q('type=laptop'))).toEqual([`${tag}-1`, `${tag}-3`]);
    expect(names(await q(`site_id=${site.id}`))).toEqual([`${tag}-0`, `${tag}-1`]);
    expect(names(await q('managed=true'))).toEqual([`${tag}-0`]);
    expect(names(await q(`q=${tag}-sn4`))).toEqual([`${tag}-4`]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await q(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(res));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}-${i}`));
    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const [first] = (await q('type=server')).data.items;
    await api('PATCH', `/api/v1/assets/${first.id}`, { notes: 'touched' });
    expect(names(await q(`updated_since=${encodeURIComponent(mark)}`))).toEqual([first.name]);
  });

  it('shows portal users their own client’s assets read-only, without notes or identities', async () => {
    const mine = await buildClient(t.current);
    const theirs = await buildClient(t.current);
    const portal = await buildUser(t.current, 'portal', { clientId: mine.id });
    const as = (method: string, url: string, payload?: unknown) =>
      call(t.current, { method, url, payload, headers: portal.headers });
    const own = await api('POST', '/api/v1/assets', {
      clientId: mine.id,
      type: 'laptop',
      name: 'My laptop',
      notes: 'password on a sticky note',
      identities: [{ key: 'host', value: 'my-laptop' }],
    });
    const foreign = await api('POST', '/api/v1/assets', {
      clientId: theirs.id,
      type: 'laptop',
      name: 'Theirs',
    });

    const list = await as('GET', '/api/v1/assets');
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((a: { id: string }) => a.id)).toEqual([own.data.id]);
    expect(list.data.items[0]).not.toHaveProperty('notes');
    expect(list.data.items[0]).not.toHaveProperty('identities');
    const one = await as('GET', `/api/v1/assets/${own.data.id}`);
    expect(one.data).not.toHaveProperty('notes');
    expect((await as('GET', `/api/v1/clients/${mine.id}/assets`)).data.items).toHaveLength(1);

    const before = await counts();
    expectProblem(await as('GET', `/api/v1/assets/${foreign.data.id}`), 404);
    expectProblem(await as('GET', `/api/v1/clients/${theirs.id}/assets`), 404);
    expect((await as('GET', `/api/v1/assets?client_id=${theirs.id}`)).data.items).toHaveLength(0);
    expectProblem(await as('PATCH', `/api/v1/assets/${own.data.id}`, { name: 'mine now' }), 404);
    expectProblem(await as('DELETE', `/api/v1/assets/${own.data.id}`), 404);
    expectProblem(
      await as('POST', '/api/v1/assets', { clientId: mine.id, type: 'laptop', name: 'sneaky' }),
      404,
    );
    expect(await counts()).toEqual(before);
  });

  it('answers bad input with 4xx problem+json and writes nothing', async () => {
    const client = await buildClient(t.current);
    const asset = await api('POST', '/api/v1/assets', { clientId: client.id, type: 'server', name: 'ok' });
    const archivedClient = await buildClient(t.current);
    await api('DELETE', `/api/v1/clients/${archivedClient.id}`);
    const before = await counts();
    const base = { clientId: client.id, type: 'server', name: 'X' };
    const cases: {
      name: string;
      method: string;
      url: string;
      payload?: unknown;
      status: number;
      field?: string;
    }[] = [
      {
        name: 'unknown type',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, type: 'toaster' },
        status: 400,
        field: 'body.type',
      },
      {
        name: 'missing name',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { clientId: client.id, type: 'server' },
        status: 400,
        field: 'body.name',
      },
      {
        name: 'unknown field',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, colour: 'red' },
        status: 400,
      },
      {
        name: 'bad date',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, purchaseDate: '2024-02-30' },
        status: 400,
        field: 'body.purchaseDate',
      },
      {
        name: 'warranty before purchase',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, purchaseDate: '2024-05-01', warrantyEnd: '2024-04-30' },
        status: 400,
        field: 'body.warrantyEnd',
      },
      {
        name: 'bad address',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, address: 'not an address!' },
        status: 400,
        field: 'body.address',
      },
      {
        name: 'bad hostname',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, hostname: 'a b' },
        status: 400,
        field: 'body.hostname',
      },
      {
        name: 'bad identity key',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, identities: [{ key: '1bad key', value: 'x' }] },
        status: 400,
        field: 'body.identities.0.key',
      },
      {
        name: 'identity twice',
        method: 'POST',
        url: '/api/v1/assets',
        payload: {
          ...base,
          identities: [
            { key: 'host', value: 'a' },
            { key: 'HOST', value: 'A' },
          ],
        },
        status: 400,
        field: 'body.identities.1.value',
      },
      {
        name: 'unknown client',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, clientId: UNKNOWN },
        status: 404,
      },
      {
        name: 'archived client',
        method: 'POST',
        url: '/api/v1/assets',
        payload: { ...base, clientId: archivedClient.id },
        status: 409,
      },
      {
        name: 'moving client',
        method: 'PATCH',
        url: `/api/v1/assets/${asset.data.id}`,
        payload: { clientId: UNKNOWN },
        status: 400,
      },
      {
        name: 'patched warranty before stored purchase',
        method: 'PATCH',
        url: `/api/v1/assets/${asset.data.id}`,
        payload: { purchaseDate: '2024-05-01', warrantyEnd: '2024-01-01' },
        status: 400,
      },
      {
        name: 'unknown asset',
        method: 'PATCH',
        url: `/api/v1/assets/${UNKNOWN}`,
        payload: { name: 'x' },
        status: 404,
      },
      {
        name: 'malformed id',
        method: 'GET',
        url: '/api/v1/assets/nope',
        status: 400,
        field: 'params.assetId',
      },
      {
        name: 'bad managed filter',
        method: 'GET',
        url: '/api/v1/assets?managed=maybe',
        status: 400,
        field: 'querystring.managed',
      },
      { name: 'bad cursor', method: 'GET', url: '/api/v1/assets?cursor=garbage', status: 400 },
      { name: 'unknown client list', method: 'GET', url: `/api/v1/clients/${UNKNOWN}/assets`, status: 404 },
      { name: 'malformed JSON', method: 'POST', url: '/api/v1/assets', payload: '{"name": ', status: 400 },
    ];
    for (const c of cases) {
      const res = await api(
        c.method,
        c.url,
        c.payload,
        typeof c.payload === 'string' ? { 'content-type': 'application/json' } : undefined,
      );
      const problem = expectProblem(res, c.status);
      if (c.field)
        expect(
          problem.errors?.map((e) => e.field),
          c.name,
        ).toContain(c.field);
    }
    // A stored purchase date the patch does not mention still bounds the warranty.
    await api('PATCH', `/api/v1/assets/${asset.data.id}`, { purchaseDate: '2024-05-01' });
    const after = await counts();
    const late = await api('PATCH', `/api/v1/assets/${asset.data.id}`, { warrantyEnd: '2024-01-01' });
    expect(expectProblem(late, 422).errors?.[0]?.field).toBe('body.warrantyEnd');
    expect(await counts()).toEqual(after);
    expect(after.a).toBe(before.a);
  });
});
