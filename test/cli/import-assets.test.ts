import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/app.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openStore } from '../../src/platform/db/store.js';
import { testConfig } from '../support/app.js';
import { buildIfStale, keel, killAll } from './spawn.js';

/** `keel import assets FILE --format csv` on a fresh embedded data folder, as an operator runs it. */
describe('keel import assets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keel-cli-assets-'));
  const env = { KEEL_DATA_DIR: dir };
  let clientId = '';

  beforeAll(async () => {
    buildIfStale();
    const store = await openStore({ kind: 'pglite', dataDir: dir });
    try {
      await migrate(store);
      const { clients } = createModules(store, testConfig(env));
      const client = await clients.service.createClient({
        name: 'Acme Dental',
        status: 'active',
        timeZone: 'Europe/Paris',
        taxRateBp: 0,
        billingAddress: {},
        notes: '',
        profile: {},
      });
      clientId = client.id;
    } finally {
      await store.close();
    }
  }, 240_000);

  afterAll(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file with a progress bar, reports refused rows, and creates nothing the second time', async () => {
    const lines = ['Client,Type,Hostname,Serial,Managed'];
    for (let i = 0; i < 230; i++) lines.push(`Acme Dental,workstation,pc-${i},SN-${i},yes`);
    lines.push('Nobody Ltd,server,srv,,no');
    const file = join(dir, 'assets.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const first = await keel(['import', 'assets', file, '--format', 'csv'], env, 120_000);
    expect(first.stderr).toBe('');
    const bars = first.stdout.split('\n').filter((l) => l.startsWith('['));
    expect(bars.length).toBeGreaterThanOrEqual(3);
    expect(bars.at(-1)).toContain('231/231 rows, 1 failed');
    expect(first.stdout).toContain('row 232, client: no live client is named or has the id "Nobody Ltd"');
    expect(first.stdout).toContain('230 created, 0 updated, 0 unchanged, 1 refused');
    expect(first.code).toBe(1);

    const again = await keel(['import', 'assets', file], env, 120_000);
    expect(again.stdout).toContain('0 created, 0 updated, 230 unchanged, 1 refused');

    const store = await openStore({ kind: 'pglite', dataDir: dir });
    try {
      const { assets } = createModules(store, testConfig(env));
      expect(await assets.service.countManaged(clientId)).toBe(230);
    } finally {
      await store.close();
    }
  }, 240_000);

  it('checks without writing on --dry-run, and refuses what it cannot read', async () => {
    const file = join(dir, 'check.csv');
    writeFileSync(file, 'client,type,name\nAcme Dental,printer,Hall printer\n');
    const dry = await keel(['import', 'assets', file, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Checked: 1 rows — 1 would create');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'client,kind of thing\nAcme Dental,printer\n');
    const refused = await keel(['import', 'assets', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unknown column "kind of thing"');
    const missing = await keel(['import', 'assets', join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    const format = await keel(['import', 'assets', file, '--format', 'itflow'], env);
    expect(format.code).not.toBe(0);

    const store = await openStore({ kind: 'pglite', dataDir: dir });
    try {
      const { assets } = createModules(store, testConfig(env));
      const page = await assets.service.listForClient({ kind: 'staff' }, clientId, {
        q: 'Hall printer',
        limit: 10,
      });
      expect(page.items).toHaveLength(0);
    } finally {
      await store.close();
    }
  }, 240_000);
});
