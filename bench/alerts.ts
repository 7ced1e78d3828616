// Alert intake over HTTP: Alertmanager webhooks of 100 alerts (90% repeats of alerts already open),
// acknowledged once stored, against the same store's raw rate of inserting the same event rows in
// 100-row INSERTs, measured in the same run.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { newId } from '../src/platform/db/columns.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openStore, type Store } from '../src/platform/db/store.js';
import {
  type Env,
  freePort,
  keel,
  keelArgs,
  type Row,
  spawnNode,
  stop,
  tempDir,
  waitHealthy,
} from './lib.js';

export const BATCH = 100;
const REPEATS = 90;
const BATCHES = Number(process.env.BENCH_ALERT_BATCHES ?? 300);
const WARMUP_BATCHES = 30;
const CONNECTIONS = 8;
/** Alerts already open that the repeats are drawn from. */
const POOL = 2000;

type AmAlert = {
  status: 'firing';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  fingerprint: string;
};

const startsAt = new Date(Date.now() - 3_600_000).toISOString();

function alertOf(n: number): AmAlert {
  const instance = `host${n}.bench.example:9100`;
  return {
    status: 'firing',
    // Warnings: recorded and counted, no ticket, so the figure is intake's own.
    labels: { alertname: 'DiskFilling', severity: 'warning', customer: 'bench', instance, job: 'node' },
    annotations: { summary: `Disk on ${instance} fills up`, description: 'Less than 10% free on /var' },
    startsAt,
    endsAt: '0001-01-01T00:00:00Z',
    fingerprint: n.toString(16).padStart(16, '0'),
  };
}

const webhook = (alerts: AmAlert[]) =>
  JSON.stringify({
    version: '4',
    groupKey: '{}:{alertname="DiskFilling"}',
    status: 'firing',
    receiver: 'keel',
    groupLabels: { alertname: 'DiskFilling' },
    commonLabels: { alertname: 'DiskFilling' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.bench:9093',
    alerts,
  });

/** Batches of 100: 90 repeats of pool alerts (distinct within a batch), 10 never seen before. */
function batches(count: number, firstNew: number): { bodies: string[]; alerts: AmAlert[][] } {
  const alerts: AmAlert[][] = [];
  let fresh = firstNew;
  for (let b = 0; b < count; b++) {
    const picked = new Set<number>();
    while (picked.size < REPEATS) picked.add(Math.floor(Math.random() * POOL));
    const batch = [...picked].map(alertOf);
    for (let i = REPEATS; i < BATCH; i++) batch.push(alertOf(fresh++));
    alerts.push(batch);
  }
  return { bodies: alerts.map(webhook), alerts };
}

const eventColumns = [
  'id',
  'alert_id',
  'integration',
  'fingerprint',
  'status',
  'severity',
  'summary',
  'occurred_at',
  'received_at',
  'client_id',
  'asset_id',
  'outcome',
  'silenced_by',
  'labels',
  'identity',
];

/** The same events as rows, inserted 100 to a statement, as many statements in flight as HTTP has. */
async function rawInsertRate(store: Store, alerts: AmAlert[][], clientId: string): Promise<number> {
  const placeholders = Array.from(
    { length: BATCH },
    (_, r) => `(${eventColumns.map((_, c) => `$${r * eventColumns.length + c + 1}`).join(', ')})`,
  ).join(', ');
  const text = `insert into alert_events (${eventColumns.join(', ')}) values ${placeholders}`;
  const now = new Date().toISOString();
  const params = alerts.map((batch) =>
    batch.flatMap((a) => [
      newId(),
      null,
      'alertmanager',
      `alertmanager:${a.fingerprint}`,
      'firing',
      'warning',
      a.annotations.summary,
      a.startsAt,
      now,
      clientId,
      null,
      'repeat',
      null,
      JSON.stringify(a.labels),
      JSON.stringify({
        instance: a.labels.instance,
        host: a.labels.instance!.split(':')[0],
        service: 'node',
      }),
    ]),
  );
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < params.length) await store.executeSql(text, params[next++]);
    }),
  );
  return (params.length * BATCH) / ((performance.now() - t0) / 1000);
}

async function post(url: string, token: string, body: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/integrations/alertmanager`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Posts every body, CONNECTIONS at a time; the latency of each is its acknowledgement. */
async function load(url: string, token: string, bodies: string[]) {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const start = performance.now();
        const status = await post(url, token, body);
        latencies.push(performance.now() - start);
        if (status !== 202) failed++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    alertsPerSec: ((bodies.length - failed) * BATCH) / seconds,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)]!,
    failed,
  };
}

export type AlertIntakeResult = {
  store: 'pglite' | 'postgres';
  alertsPerSec: number;
  p99Ms: number;
  failed: number;
  baselineRowsPerSec: number;
};

async function measure(
  kind: AlertIntakeResult['store'],
  storeEnv: Env,
  openBaseline: () => Promise<Store>,
): Promise<AlertIntakeResult> {
  const env: Env = { ...storeEnv, KEEL_PASSWORD_COST: '10' };
  const email = `bench-alerts-${process.pid}@keel.local`;
  keel(['user', 'create', '--email', email, '--password', 'bench password 1234', '--role', 'admin'], env);
  const token = keel(['token', 'create', '--email', email, '--name', 'bench'], env).trim().split('\n').pop()!;

  const pool = Array.from({ length: POOL / BATCH }, (_, b) =>
    webhook(Array.from({ length: BATCH }, (_, i) => alertOf(b * BATCH + i))),
  );
  const warmup = batches(WARMUP_BATCHES, POOL).bodies;
  const run = batches(BATCHES, POOL + WARMUP_BATCHES * (BATCH - REPEATS));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode([...keelArgs, 'serve'], { ...storeEnv, PORT: String(port), HOST: '127.0.0.1' });
  let result: Omit<AlertIntakeResult, 'baselineRowsPerSec'>;
  let clientId: string;
  try {
    await waitHealthy(child, `${url}/api/v1/health`, performance.now());
    const call = async (path: string, body: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const data = (await res.json()) as { id: string };
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
      return data;
    };
    clientId = (await call('/api/v1/clients', { name: `Bench alerts ${randomUUID()}`, timeZone: 'UTC' })).id;
    await call('/api/v1/alert-mapping-rules', {
      clientId,
      matchers: [{ field: 'labels.customer', op: '=', value: 'bench' }],
    });
    // The pool's alerts open first, so the run's repeats find them open.
    await load(url, token, pool);
    await load(url, token, warmup);
    const r = await load(url, token, run.bodies);
    result = { store: kind, ...r };
  } finally {
    await stop(child);
  }

  const baselineStore = await openBaseline();
  let baselineRowsPerSec: number;
  try {
    baselineRowsPerSec = await rawInsertRate(baselineStore, run.alerts, clientId);
  } finally {
    await baselineStore.close();
  }
  console.log(
    `  ${kind}: ${result.alertsPerSec.toFixed(0)} alerts/s, p99 ack ${result.p99Ms.toFixed(1)} ms ` +
      `(${BATCHES} × ${BATCH} alerts, ${result.failed} not 202); raw 100-row INSERTs ${baselineRowsPerSec.toFixed(0)} rows/s`,
  );
  return { ...result, baselineRowsPerSec };
}

export async function alertIntakePglite(): Promise<AlertIntakeResult> {
  const dir = tempDir('alerts');
  return measure(
    'pglite',
    { KEEL_DATA_DIR: join(dir, 'served'), DATABASE_URL: undefined, KEEL_WORKER: undefined },
    async () => {
      // The server's folder, once it has stopped: the same store, migrated and warm.
      const store = await openStore({ kind: 'pglite', dataDir: join(dir, 'served') });
      await migrate(store);
      return store;
    },
  );
}

/** Runs on its own database of the server at `adminUrl`, dropped at the end. */
export async function alertIntakePostgres(adminUrl: string): Promise<AlertIntakeResult> {
  const name = `keel_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = await openStore({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.executeSql(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    return await measure('postgres', { DATABASE_URL: url, KEEL_WORKER: undefined }, () =>
      openStore({ kind: 'postgres', url, poolSize: CONNECTIONS }),
    );
  } finally {
    await admin.executeSql(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

export function alertRows(results: AlertIntakeResult[]): Row[] {
  return results.map((r) => ({
    figure: `alert intake, ${r.store}`,
    value: r.alertsPerSec,
    unit: '/s',
    baseline: r.baselineRowsPerSec,
    note: `raw 100-row INSERTs of the same events; target ≥ 0.50×; p99 ack ${r.p99Ms.toFixed(1)} ms${r.failed ? `; ${r.failed} not 202` : ''}`,
  }));
}
