// `npm run bench`: every figure beside a baseline measured in the same run, as a ratio.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  type AlertIntakeResult,
  alertIntakePglite,
  alertIntakePostgres,
  alertRows,
  BATCH,
} from './alerts.js';
import { BILLING_SIZE, billingBench } from './billing.js';
import { classificationBench } from './classification.js';
import {
  CONNECTIONS,
  type CreateResult,
  clientCreatePglite,
  clientCreatePostgres,
  postgresUrl,
  REQUESTS,
} from './client-create.js';
import { coldStart } from './cold-start.js';
import { entitlementBench } from './entitlement.js';
import { cleanup, ensureBuilt, keelArgs, printTable, type Row, root } from './lib.js';
import { DUES, slaCalendarBench } from './sla-calendar.js';
import { TICKETS, ticketsBench } from './tickets.js';

const started = performance.now();
const loadAtStart = loadavg()[0]!;
ensureBuilt();
console.log(
  `Load average at start: ${loadAtStart.toFixed(2)} on ${cpus().length} cores (other work skews every figure).`,
);

console.log('Cold start and idle memory (3 runs each, medians)');
const cold = await coldStart();

console.log(
  `Client create: ${REQUESTS} × POST /api/v1/clients, ${CONNECTIONS} connections (after a warm-up)`,
);
const creates: CreateResult[] = [await clientCreatePglite()];
const pgUrl = await postgresUrl();
if (pgUrl) creates.push(await clientCreatePostgres(pgUrl));
else console.log('  postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');

const rows: Row[] = [
  {
    figure: 'restart to healthy',
    value: cold.restartMs,
    unit: 'ms',
    baseline: cold.bareMs,
    note: 'bare node http server; target ≤ 3,000 ms',
  },
  {
    figure: 'first start to healthy',
    value: cold.firstStartMs,
    unit: 'ms',
    baseline: cold.bareMs,
    note: 'bare node http server (empty data folder)',
  },
  {
    figure: 'idle RSS, worker on',
    value: cold.idleRssMb,
    unit: 'MB',
    baseline: cold.bareRssMb,
    note: 'bare node http server; target ≤ 250 MB',
  },
];
for (const c of creates) {
  rows.push({
    figure: `client create, ${c.store}`,
    value: c.reqPerSec,
    unit: '/s',
    baseline: c.baselineRowsPerSec,
    note: `raw INSERTs, ${CONNECTIONS} in flight; p99 ${c.p99Ms} ms${c.non2xx + c.errors ? `; ${c.non2xx} non-2xx, ${c.errors} errors` : ''}`,
  });
}
console.log('Classification: 10,000 generated clients (median of 7 rounds)');
rows.push(...(await classificationBench()));
console.log('Entitlement: 1,000,000 checks');
rows.push(...(await entitlementBench()));
console.log(`SLA calendar: ${DUES.toLocaleString('en')} due times`);
rows.push(...(await slaCalendarBench()));
console.log(
  `Tickets: create over HTTP, then the queue view over ${TICKETS.toLocaleString('en')} tickets (BENCH_QUEUE_TICKETS)`,
);
rows.push(...(await ticketsBench()));
console.log(
  `Billing run on PostgreSQL: ${BILLING_SIZE.clients.toLocaleString('en')} clients, ${BILLING_SIZE.entries.toLocaleString('en')} time entries (BENCH_BILLING_FULL=1: the issue's 2,000 / 500,000)`,
);
rows.push(...(await billingBench()));
console.log(`Alert intake: Alertmanager webhooks of ${BATCH} alerts (90% repeats) over HTTP`);
const intake: AlertIntakeResult[] = [await alertIntakePglite()];
if (pgUrl) intake.push(await alertIntakePostgres(pgUrl));
rows.push(...alertRows(intake));
printTable(rows);

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const out = join(root, 'bench/results');
mkdirSync(out, { recursive: true });
const report = {
  at: new Date().toISOString(),
  commit,
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  server: `node ${keelArgs.map((a) => a.replace(root, '')).join(' ')} serve`,
  loadAverage: { start: loadAtStart, end: loadavg()[0] },
  figures: rows.map((r) => ({ ...r, ratio: r.value / r.baseline })),
  coldStart: cold,
  clientCreate: { requests: REQUESTS, connections: CONNECTIONS, results: creates },
};
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote bench/results/latest.json in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
cleanup();
