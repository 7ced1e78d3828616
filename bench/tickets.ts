// Tickets over HTTP on the embedded store: creation with SLA and entitlement resolved, and the queue
// view over a million tickets; each beside the same work done by raw SQL in the same run.
import { join } from 'node:path';
import autocannon from 'autocannon';
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

export const TICKETS = Number(process.env.BENCH_QUEUE_TICKETS ?? 1_000_000);
const CREATES = 6000;
const CONNECTIONS = 16;
const QUEUE_REQUESTS = 400;
const PREMIUM_24X7 = '01900000-0000-7000-8000-000000000012';

type Api = (method: string, path: string, body?: unknown) => Promise<any>;

function apiFor(url: string, token: string): Api {
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };
}

async function managedClient(api: Api): Promise<string> {
  const client = await api('POST', '/api/v1/clients', {
    name: `Bench client ${newId()}`,
    timeZone: 'Europe/London',
  });
  const stack = ['monitoring', 'patching', 'backup', 'helpdesk', 'security'];
  const agreement = await api('POST', '/api/v1/agreements', {
    clientId: client.id,
    kind: 'managed',
    name: 'Managed Complete',
    startDate: '2025-01-01',
    slaPolicyId: PREMIUM_24X7,
    coveredCategories: stack,
    coveredWorkTypes: ['remote', 'onsite'],
    lines: [{ description: 'Per user', quantity: 25, unitPrice: 9900, unit: 'per_user', categories: stack }],
  });
  await api('POST', `/api/v1/agreements/${agreement.id}/activate`, {
    signedOn: '2024-12-15',
    signedBy: 'CEO',
  });
  return client.id;
}

/** One ticket row per statement, as many in flight as the HTTP load has. */
async function rawTicketInserts(store: Store, clientId: string): Promise<number> {
  const text = `insert into tickets (id, client_id, source, type, impact, urgency, priority, status, queue, subject)
    values ($1, $2, 'api', 'incident', 'medium', 'medium', 'P3', 'new', 'service-desk', 'raw')`;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next++ < CREATES) await store.executeSql(text, [newId(), clientId]);
    }),
  );
  return CREATES / ((performance.now() - t0) / 1000);
}

/** A million tickets in a few INSERT … SELECT statements: mostly resolved, the rest open with deadlines. */
async function fill(store: Store, clients: string[], assignee: string) {
  const chunk = 100_000;
  for (let from = 0; from < TICKETS; from += chunk) {
    const to = Math.min(TICKETS, from + chunk) - 1;
    await store.executeSql(
      `insert into tickets (id, client_id, source, type, impact, urgency, priority, status, queue, subject,
         assignee_id, next_deadline_at, resolved_at, created_at, updated_at)
       select gen_random_uuid(), ($1::uuid[])[1 + (i / 10) % array_length($1::uuid[], 1)], 'api', 'incident', 'medium', 'medium',
         (array['P1','P2','P3','P4'])[1 + i % 4], case when i % 10 = 0 then 'in_progress' else 'closed' end,
         'service-desk', 'Generated ticket ' || i,
         case when i % 3 = 0 then $2::uuid end,
         case when i % 10 = 0 then now() + (i % 5000) * interval '1 minute' end,
         case when i % 10 = 0 then null else now() - interval '1 day' end,
         now() - interval '2 days', now() - interval '2 days'
       from generate_series(${from}, ${to}) as i`,
      [`{${clients.join(',')}}`, assignee],
    );
  }
  await store.executeSql('analyze tickets');
}

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.95)]!;

/** The queue's own query, straight to the store: what the HTTP view adds is the app on top. */
async function rawQueueP95(store: Store): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < QUEUE_REQUESTS; i++) {
    const t0 = performance.now();
    await store.executeSql(
      'select * from tickets where resolved_at is null order by next_deadline_at asc nulls last, number asc limit 51',
    );
    ms.push(performance.now() - t0);
  }
  return p95(ms);
}

export async function ticketsBench(): Promise<Row[]> {
  const dir = tempDir('tickets');
  const env: Env = { KEEL_DATA_DIR: join(dir, 'served'), DATABASE_URL: undefined, KEEL_PASSWORD_COST: '10' };
  const email = `bench-tickets-${process.pid}@keel.local`;
  keel(['user', 'create', '--email', email, '--password', 'bench password 1234', '--role', 'admin'], env);
  const token = keel(['token', 'create', '--email', email, '--name', 'bench'], env).trim().split('\n').pop()!;

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = spawnNode([...keelArgs, 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const api = apiFor(url, token);
  let clients: string[];
  let me: string;
  // Creates are group-committed: more requests in flight make larger batches, so the rate is
  // measured at the usual 16 connections and at 64, where it levels off on this machine.
  const creates: { connections: number; rate: number; p99: number }[] = [];
  try {
    await waitHealthy(child, `${url}/api/v1/health`, performance.now());
    clients = [await managedClient(api), await managedClient(api)];
    me = (await api('GET', '/api/v1/me')).user.id;
    const body = JSON.stringify({
      clientId: clients[0],
      subject: 'Bench ticket',
      category: 'helpdesk',
      impact: 'high',
      urgency: 'medium',
    });
    const load = (amount: number, connections = CONNECTIONS) =>
      autocannon({
        url: `${url}/api/v1/tickets`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        amount,
        connections,
      });
    await load(1000);
    for (const connections of [CONNECTIONS, 64]) {
      const r = await load(CREATES, connections);
      const rate = r['2xx'] / ((r.finish.getTime() - r.start.getTime()) / 1000);
      creates.push({ connections, rate, p99: r.latency.p99 });
      console.log(
        `  create, ${connections} connections: ${rate.toFixed(0)} req/s, p99 ${r.latency.p99} ms (${r['2xx']} × 201, ${r.non2xx} other, ${r.errors} errors)`,
      );
    }
  } finally {
    await stop(child);
  }

  const store = await openStore({ kind: 'pglite', dataDir: join(dir, 'served') });
  let rawCreate: number;
  let rawQueue: number;
  try {
    await migrate(store);
    rawCreate = await rawTicketInserts(store, clients[0]!);
    const t0 = performance.now();
    await fill(store, clients, me);
    console.log(
      `  queue: ${TICKETS.toLocaleString('en')} tickets inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    rawQueue = await rawQueueP95(store);
  } finally {
    await store.close();
  }

  child = spawnNode([...keelArgs, 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const views = [
    '',
    '&assignee=me',
    '&assignee=none',
    '&breaching_within=60',
    '&priority=P1',
    `&client_id=${clients[1]}`,
  ];
  const ms: number[] = [];
  try {
    await waitHealthy(child, `${url}/api/v1/health`, performance.now());
    for (let i = 0; i < QUEUE_REQUESTS; i++) {
      const t0 = performance.now();
      const page = await api('GET', `/api/v1/tickets?limit=50${views[i % views.length]}`);
      ms.push(performance.now() - t0);
      if (i < views.length && page.items.length === 0) throw new Error(`empty queue view ${views[i]}`);
    }
  } finally {
    await stop(child);
  }
  const queueP95 = p95(ms.slice(views.length * 2));
  console.log(
    `  queue view p95 ${queueP95.toFixed(1)} ms over HTTP; raw query p95 ${rawQueue.toFixed(1)} ms`,
  );
  return [
    ...creates.map((c) => ({
      figure: `ticket create, pglite, ${c.connections} conn.`,
      value: c.rate,
      unit: '/s',
      baseline: rawCreate,
      note: `raw ticket INSERTs; SLA + entitlement resolved; p99 ${c.p99} ms; target ≥ 1,000/s`,
    })),
    {
      figure: `queue view p95, ${TICKETS.toLocaleString('en')} tickets`,
      value: queueP95,
      unit: 'ms',
      baseline: rawQueue,
      note: 'raw queue query in-process; 6 views (mine, unassigned, breaching, P1, client); target ≤ 25 ms',
    },
  ];
}
