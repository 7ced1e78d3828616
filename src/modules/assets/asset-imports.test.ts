import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestApp } from '../../../test/support/app.js';
import {
  buildClient,
  buildContact,
  buildSite,
  buildUser,
  call,
  createTestApp,
  expectProblem,
  testConfig,
  unique,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { startWorker } from '../../app.js';
import { IMPORT_QUEUE } from './asset-imports.service.js';
import type { ImportStatus } from './index.js';

describe.each(storeKinds)('asset CSV import on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  const api = (method: string, url: string, payload?: unknown, headers?: Record<string, string>) =>
    call(t.current, { method, url, payload, headers: { ...admin.headers, ...headers } });
  const postCsv = (csv: string, query = '') =>
    api('POST', `/api/v1/assets/imports${query}`, csv, { 'content-type': 'text/csv' });
  const counts = async () => {
    const { rows } = await t.current.store.executeSql(
      `select (select count(*) from assets)::int a, (select count(*) from asset_identities)::int i,
              (select count(*) from asset_imports)::int m`,
    );
    return rows[0];
  };
  /** Polls the import's status as the web does, until it is finished. */
  async function finished(id: string): Promise<ImportStatus> {
    for (let i = 0; i < 300; i++) {
      const res = await api('GET', `/api/v1/assets/imports/${id}`);
      expect(res.statusCode).toBe(200);
      if (res.data.status === 'completed' || res.data.status === 'failed') return res.data;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }
  const assetsOf = async (clientId: string) =>
    (await api('GET', `/api/v1/clients/${clientId}/assets?limit=200`)).data.items as {
      name: string;
      hostname: string | null;
      serialNumber: string | null;
      siteId: string | null;
      ownerContactId: string | null;
      managed: boolean;
      warrantyEnd: string | null;
      identities: { key: string; value: string }[];
    }[];

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
  });

  it('imports valid rows, names clients, sites and owners as people write them, and is idempotent', async () => {
    const client = await buildClient(t.current, { name: unique('Acme') });
    const site = await buildSite(t.current, client.id, 'Head office');
    const owner = await buildContact(t.current, client.id, { email: `ann-${kind}@acme.test` });
    const csv = [
      'Client,Site,Type,Name,Hostname,IP Address,OS,Serial No,Manufacturer,Model,Purchase Date,Warranty End,Managed,Owner,Notes,Identities',
      `${client.name.toUpperCase()},head office,Server,DC,dc01,10.1.0.10,Windows Server 2022,SN-DC-1,Dell,R250,2023-01-10,2026-01-09,yes,ANN-${kind}@acme.test,"Domain controller, rack 1","instance=dc01.acme.test:9182; job=windows"`,
      `${client.id},,laptop,,lt-ann,,Windows 11,SN-LT-1,Lenovo,T14,,,no,,,`,
      `${client.name},,Network Device,Core switch,,10.1.0.2,,,Cisco,C9200,,,1,,,`,
      ',,,,,,,,,,,,,,,',
    ].join('\r\n');

    const started = await postCsv(csv);
    expect(started.statusCode).toBe(202);
    expect(started.data).toMatchObject({ total: 3, dryRun: false });
    const done = await finished(started.data.id);
    expect(done).toMatchObject({ status: 'completed', total: 3, done: 3, failed: 0, created: 3, errors: [] });

    const stored = await assetsOf(client.id);
    expect(stored.map((a) => a.name)).toEqual(['Core switch', 'DC', 'lt-ann']);
    const dc = stored.find((a) => a.name === 'DC')!;
    expect(dc).toMatchObject({
      siteId: site.id,
      ownerContactId: owner.id,
      managed: true,
      warrantyEnd: '2026-01-09',
      identities: [
        { key: 'instance', value: 'dc01.acme.test:9182' },
        { key: 'job', value: 'windows' },
      ],
    });
    expect(await t.current.keel.assets.service.countManaged(client.id)).toBe(2);
    expect(
      (await t.current.keel.assets.service.findByIdentity({ instance: 'dc01.acme.test:9182' }))?.clientId,
    ).toBe(client.id);

    const before = await counts();
    const again = await finished((await postCsv(csv)).data.id);
    expect(again).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect((await counts()).a).toBe(before.a);

    // A changed cell updates the asset it describes; the serial still finds it.
    const changed = csv.replace('Windows Server 2022', 'Windows Server 2025');
    const third = await finished((await postCsv(changed)).data.id);
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await counts()).a).toBe(before.a);
  });

  it('reports every bad row with its row number and field, and imports the rest', async () => {
    const client = await buildClient(t.current);
    const taken = await api('POST', '/api/v1/assets', {
      clientId: client.id,
      type: 'server',
      name: 'holder',
      identities: [{ key: 'host', value: `taken-${kind}` }],
    });
    expect(taken.statusCode).toBe(201);
    const csv = [
      'client,type,name,hostname,serial,purchase_date,warranty_end,managed,identities,site,owner',
      `${client.name},server,ok-1,ok1,S1,,,yes,,,`, // row 2: fine
      `No Such Client,server,x,,,,,,,,`, // 3: client
      `${client.name},toaster,x,,,,,,,,`, // 4: type
      `${client.name},server,x,,,2024-02-30,,,,,`, // 5: date
      `${client.name},server,x,,,2024-05-01,2024-04-01,,,,`, // 6: warranty before purchase
      `${client.name},server,x,,,,,perhaps,,,`, // 7: managed
      `${client.name},server,x,bad host!,,,,,,,`, // 8: hostname
      `${client.name},server,x,,,,,,host=taken-${kind},,`, // 9: identity held by a live asset
      `${client.name},server,dup,,S1,,,,,,`, // 10: same serial as row 2
      `${client.name},server,x,,,,,,,Nowhere,`, // 11: site
      `${client.name},server,x,,,,,,,,nobody@x.test`, // 12: owner
      `${client.name},server,x,,,,,,oops,,`, // 13: identity not key=value
      `${client.name},server`, // 14: too few cells
      `${client.name},workstation,ok-2,,,,,,,,`, // 15: fine
    ].join('\n');
    const before = await counts();
    const done = await finished((await postCsv(csv)).data.id);
    expect(done).toMatchObject({ status: 'completed', total: 14, done: 14, failed: 12, created: 2 });
    const byRow = new Map<number, { field: string | null; message: string }[]>();
    for (const e of done.errors) byRow.set(e.row!, [...(byRow.get(e.row!) ?? []), e]);
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const fieldOf = (row: number) => byRow.get(row)!.map((e) => e.field);
    expect(fieldOf(3)).toEqual(['client']);
    expect(fieldOf(4)).toEqual(['type']);
    expect(fieldOf(5)).toEqual(['purchaseDate']);
    expect(fieldOf(6)).toEqual(['warrantyEnd']);
    expect(fieldOf(7)).toEqual(['managed']);
    expect(fieldOf(8)).toEqual(['hostname']);
    expect(fieldOf(9)).toEqual(['identities']);
    expect(byRow.get(10)![0]!.message).toMatch(/row 2/);
    expect(fieldOf(11)).toEqual(['site']);
    expect(fieldOf(12)).toEqual(['owner']);
    expect(fieldOf(13)).toEqual(['identities']);
    expect(fieldOf(14)).toContain(null);
    expect((await assetsOf(client.id)).map((a) => a.name)).toEqual(['holder', 'ok-1', 'ok-2']);
    expect((await counts()).a).toBe(before.a + 2);
  });

  it('checks a file without writing any asset in a dry run, as text/csv or multipart', async () => {
    const client = await buildClient(t.current);
    await api('POST', '/api/v1/assets', {
      clientId: client.id,
      type: 'server',
      name: 'old',
      serialNumber: 'OLD-1',
    });
    const csv = `client;type;name;serial\n${client.name};server;old renamed;OLD-1\n${client.name};server;new;NEW-1\n${client.name};server;bad;;x\n`;
    const before = await counts();
    const dry = await postCsv(csv, '?dry_run=true&filename=check.csv');
    expect(dry.statusCode).toBe(202);
    expect(dry.data).toMatchObject({
      status: 'completed',
      dryRun: true,
      filename: 'check.csv',
      total: 3,
      done: 3,
      failed: 1,
      created: 1,
      updated: 1,
    });
    expect(dry.data.errors[0]).toMatchObject({ row: 4, field: null });
    expect((await counts()).a).toBe(before.a);

    const boundary = '----keel-test';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="dryRun"',
      '',
      'true',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="assets.csv"',
      'Content-Type: text/csv',
      '',
      csv,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const multi = await api('POST', '/api/v1/assets/imports', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(multi.statusCode).toBe(202);
    expect(multi.data).toMatchObject({
      dryRun: true,
      filename: 'assets.csv',
      created: 1,
      updated: 1,
      failed: 1,
    });
    expect((await counts()).a).toBe(before.a);
  });

  it('writes a large file in chunks, reporting progress after each', async () => {
    const client = await buildClient(t.current);
    const lines = ['client,type,hostname,managed'];
    for (let i = 0; i < 250; i++)
      lines.push(`${client.name},workstation,pc-${String(i).padStart(3, '0')},yes`);
    const seen: number[] = [];
    const status = await t.current.keel.assets.imports.start(
      { csv: lines.join('\n'), filename: null, dryRun: false },
      null,
      {
        inline: true,
        onProgress: (s) => seen.push(s.done),
      },
    );
    expect(status).toMatchObject({ status: 'completed', total: 250, done: 250, created: 250, failed: 0 });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(250);
    expect(await t.current.keel.assets.service.countManaged(client.id)).toBe(250);
    const { rows } = await t.current.store.executeSql(
      'select count(*)::int n from asset_import_rows where import_id = $1',
      [status.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a file it cannot read whole, with 4xx, recording nothing', async () => {
    const client = await buildClient(t.current);
    const portal = await buildUser(t.current, 'portal', { clientId: client.id });
    const tech = await buildUser(t.current, 'technician');
    const billing = await buildUser(t.current, 'billing');
    const before = await counts();
    const cases: {
      name: string;
      res: () => Promise<{ statusCode: number; headers: any; data: any }>;
      status: number;
    }[] = [
      {
        name: 'unclosed quote',
        res: () => postCsv(`client,type,name\n"${client.name},server,x\n`),
        status: 422,
      },
      {
        name: 'unknown column',
        res: () => postCsv(`client,type,name,colour\n${client.name},server,x,red\n`),
        status: 422,
      },
      { name: 'no type column', res: () => postCsv(`client,name\n${client.name},x\n`), status: 422 },
      { name: 'header only', res: () => postCsv('client,type,name\n'), status: 422 },
      { name: 'empty body', res: () => postCsv(''), status: 422 },
      {
        name: 'JSON body',
        res: () => api('POST', '/api/v1/assets/imports', { csv: 'client,type' }),
        status: 415,
      },
      { name: 'bad dry_run', res: () => postCsv('client,type,name\n', '?dry_run=maybe'), status: 400 },
      {
        name: 'too large',
        res: () =>
          postCsv(`client,type,name,notes\n${client.name},server,x,${'y'.repeat(21 * 1024 * 1024)}\n`),
        status: 413,
      },
      {
        name: 'multipart without a file',
        res: () =>
          api(
            'POST',
            '/api/v1/assets/imports',
            '--b\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--b--\r\n',
            {
              'content-type': 'multipart/form-data; boundary=b',
            },
          ),
        status: 400,
      },
      {
        name: 'portal user',
        res: () =>
          call(t.current, {
            method: 'POST',
            url: '/api/v1/assets/imports',
            payload: `client,type,name\n${client.name},server,x\n`,
            headers: { ...portal.headers, 'content-type': 'text/csv' },
          }),
        status: 404,
      },
      {
        name: 'billing may not write assets',
        res: () =>
          call(t.current, {
            method: 'POST',
            url: '/api/v1/assets/imports',
            payload: `client,type,name\n${client.name},server,x\n`,
            headers: { ...billing.headers, 'content-type': 'text/csv' },
          }),
        status: 403,
      },
      {
        name: 'unknown import',
        res: () => api('GET', '/api/v1/assets/imports/0190e4a0-0000-7000-8000-000000000000'),
        status: 404,
      },
    ];
    for (const c of cases) {
      const res = await c.res();
      expect(res.statusCode, c.name).toBe(c.status);
      expectProblem(res, c.status);
    }
    expect(await counts()).toEqual(before);
    // A technician keeps the register, so imports too.
    const ok = await call(t.current, {
      method: 'POST',
      url: '/api/v1/assets/imports?dry_run=true',
      payload: `client,type,name\n${client.name},server,x\n`,
      headers: { ...tech.headers, 'content-type': 'text/csv' },
    });
    expect(ok.statusCode).toBe(202);
  });
});

describe.each(storeKinds)('asset imports through the job queue on %s', (kind) => {
  const waitFinished = async (app: TestApp, id: string) => {
    for (let i = 0; i < 300; i++) {
      const s = await app.keel.assets.imports.status(id);
      if (s.status === 'completed' || s.status === 'failed') return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish`);
  };
  const queued = async (app: TestApp) =>
    Number(
      (await app.store.executeSql(`select count(*)::int n from pgboss.job where name = '${IMPORT_QUEUE}'`))
        .rows[0].n,
    );

  it('is written by the in-process worker', async () => {
    const app = await createTestApp(kind, { jobs: { work: true } });
    try {
      const client = await buildClient(app);
      const csv = ['client,type,hostname', ...[1, 2, 3].map((i) => `${client.name},server,q-${i}`)].join(
        '\n',
      );
      const started = await app.keel.assets.imports.start({ csv, filename: null, dryRun: false }, null);
      expect(started.status).toBe('queued');
      expect(await waitFinished(app, started.id)).toMatchObject({ status: 'completed', created: 3 });
      expect(await queued(app)).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('is queued by an API process and written by a separate worker', async () => {
    const app = await createTestApp(kind, { jobs: { work: false } });
    try {
      const client = await buildClient(app);
      const csv = `client,type,hostname\n${client.name},printer,prn-1\n`;
      const started = await app.keel.assets.imports.start({ csv, filename: null, dryRun: false }, null);
      await new Promise((r) => setTimeout(r, 300));
      expect((await app.keel.assets.imports.status(started.id)).status).toBe('queued');
      const worker = await startWorker(app.store, testConfig(), () => {});
      try {
        expect(await waitFinished(app, started.id)).toMatchObject({ status: 'completed', created: 1 });
      } finally {
        await worker.stop();
      }
    } finally {
      await app.close();
    }
  });
});
