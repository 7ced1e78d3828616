// POST /api/v1/clients over HTTP, against the raw insert rate of the same store through the same driver.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { newId } from '../src/platform/db/columns.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openStore, type Store } from '../src/platform/db/store.js';
import { type Env, freePort, keel, keelArgs, spawnNode, stop, tempDir, waitHealthy } from './lib.js';

export const REQUESTS = 3000;
export const CONNECTIONS = 16;
const WARMUP = 300;

export type CreateResult = {
  store: 'pglite' | 'postgres';
  reqPerSec: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  baselineRowsPerSec: number;
};

/** One INSERT per statement, CONNECTIONS statements in flight (as many as the HTTP load has). */
async function rawInsertRate(store: Store): Promise<number> {
  const text = 'insert into clients (id, name) values ($1, $2)';
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next++ < REQUESTS) await store.executeSql(text, [newId(), `Baseline ${randomUUID()}`]);
    }),
  );
  return REQUESTS / ((performance.now() - t0) / 1000);
}

async function load(url: string, token: string, amount: number) {
  return autocannon({
    url: `${url}/api/v1/clients`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench [<id>]', timeZone: 'Europe/Paris' }),
    idReplacement: true,
    amount,
    connections: CONNECTIONS,
  });
}

/** `storeEnv` selects the store for the CLI and the server; `openBaseline` opens a store for the raw inserts. */
async function measure(
  kind: CreateResult['store'],
  storeEnv: Env,
  openBaseline: () => Promise<Store>,
): Promise<CreateResult> {
  const env: Env = { ...storeEnv, KEEL_PASSWORD_COST: '10' };
  const email = `bench-${process.pid}@keel.local`;
  keel(['user', 'create', '--email', email, '--password', 'bench password 1234', '--role', 'admin'], env);
  const token = keel(['token', 'create', '--email', email, '--name', 'bench'], env).trim().split('\n').pop()!;

  const baselineStore = await openBaseline();
  let baselineRowsPerSec: number;
  try {
    baselineRowsPerSec = await rawInsertRate(baselineStore);
  } finally {
    await baselineStore.close();
  }

  const port = await freePort();
  const child = spawnNode([...keelArgs, 'serve'], { ...storeEnv, PORT: String(port), HOST: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(child, `${url}/api/v1/health`, performance.now());
    await load(url, token, WARMUP);
    const r = await load(url, token, REQUESTS);
    const seconds = (r.finish.getTime() - r.start.getTime()) / 1000;
    const result = {
      store: kind,
      reqPerSec: r['2xx'] / seconds,
      p99Ms: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      baselineRowsPerSec,
    };
    console.log(
      `  ${kind}: ${result.reqPerSec.toFixed(0)} req/s, p99 ${result.p99Ms} ms ` +
        `(${r['2xx']} × 201, ${r.non2xx} other, ${r.errors} errors); raw inserts ${baselineRowsPerSec.toFixed(0)} rows/s`,
    );
    return result;
  } finally {
    await stop(child);
  }
}

export async function clientCreatePglite(): Promise<CreateResult> {
  const dir = tempDir('create');
  return measure(
    'pglite',
    { KEEL_DATA_DIR: join(dir, 'served'), DATABASE_URL: undefined, KEEL_WORKER: undefined },
    async () => {
      const store = await openStore({ kind: 'pglite', dataDir: join(dir, 'baseline') });
      await migrate(store);
      return store;
    },
  );
}

/** Runs on its own database `keel_bench_<random>` of the server at `adminUrl`, dropped at the end. */
export async function clientCreatePostgres(adminUrl: string): Promise<CreateResult> {
  const name = `keel_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = await openStore({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.executeSql(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    // The CLI has migrated the database by the time the baseline opens it.
    return await measure('postgres', { DATABASE_URL: url, KEEL_WORKER: undefined }, () =>
      openStore({ kind: 'postgres', url }),
    );
  } finally {
    await admin.executeSql(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default when it answers. */
export async function postgresUrl(): Promise<string | null> {
  const explicit = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const url = explicit || 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const probe = await openStore({ kind: 'postgres', url, poolSize: 1 });
    await probe.close();
    return url;
  } catch (err) {
    if (explicit) throw err;
    return null;
  }
}
