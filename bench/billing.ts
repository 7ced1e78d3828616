// A billing run on PostgreSQL: every client's April invoice (its agreements' recurring lines in
// advance, its approved March work in arrears), beside a raw SQL aggregation of the same entries in
// the same run. Seeded with INSERT … SELECT generate_series on a database of its own.
import { randomUUID } from 'node:crypto';
import { createModules } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openStore, type Store } from '../src/platform/db/store.js';
import { postgresUrl } from './client-create.js';
import { median, type Row } from './lib.js';

const full = process.env.BENCH_BILLING_FULL === '1';
/** The size behind BENCH_BILLING_FULL=1; a tenth of it by default, to keep `npm run bench` short. */
export const BILLING_SIZE = full
  ? { clients: 2_000, agreements: 5_000, entries: 500_000 }
  : { clients: 200, agreements: 500, entries: 50_000 };
const PERIOD = '2026-04';

/**
 * Clients in Paris at 20 % tax; agreements spread over them, four in five managed (a per-user line,
 * 5–49 users), one in five time & materials (an hourly rate line, no recurring charge); approved
 * billable work in March on 40 tasks a client, 15–104 minutes an entry, priced as entitlement prices
 * break-fix work.
 */
export async function seed(store: Store) {
  const { clients, agreements, entries } = BILLING_SIZE;
  await store.executeSql(`
    insert into clients (id, name, time_zone, tax_rate_bp)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'Bench client ' || n, 'Europe/Paris', 2000
    from generate_series(1, ${clients}) n;

    insert into agreements (id, client_id, name, kind, status, signed_on, signed_by, start_date, minimum_term_months)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
           ('00000000-0000-4000-8000-' || lpad(to_hex(1 + n % ${clients}), 12, '0'))::uuid,
           case when n % 5 = 0 then 'Hourly support' else 'Managed users' end,
           case when n % 5 = 0 then 'time_materials' else 'managed' end,
           'active', '2025-12-15', 'CEO', '2026-01-01', 0
    from generate_series(1, ${agreements}) n;

    insert into agreement_lines (id, agreement_id, description, quantity, unit_price, unit, recurring)
    select gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
           case when n % 5 = 0 then 'Hourly rate' else 'Managed users' end,
           case when n % 5 = 0 then 1 else 5 + n % 45 end,
           case when n % 5 = 0 then 9500 else 4999 end,
           case when n % 5 = 0 then 'flat' else 'per_user' end,
           n % 5 <> 0
    from generate_series(1, ${agreements}) n;

    insert into time_entries (
      id, technician_id, client_id, activity, category, work_type, started_at, ended_at, minutes, work_date,
      note, status, outcome_kind, rule_code, rule_explanation, rate, after_hours, after_hours_minutes,
      entitlement, billable_decided, billable, amount, submitted_at, reviewed_at)
    select gen_random_uuid(), '00000000-0000-4000-a000-000000000001'::uuid,
           ('00000000-0000-4000-8000-' || lpad(to_hex(1 + n % ${clients}), 12, '0'))::uuid,
           'Bench task ' || (n / ${clients}) % 40, 'network', 'remote', s, s + make_interval(mins => m), m, (s at time zone 'Europe/Paris')::date,
           '', 'approved', 'time_materials', 'BREAK_FIX', 'Break-fix at the work type rate', 9500, false, 0,
           jsonb_build_object('kind', 'time_materials', 'agreementId', null, 'rate', 9500,
             'afterHoursMultiplier', 1, 'minutes', m, 'afterHours', false, 'afterHoursMinutes', 0,
             'billableAmount', round(9500 * m / 60.0)::int,
             'rule', jsonb_build_object('code', 'BREAK_FIX', 'explanation', 'Break-fix at the work type rate')),
           true, true, round(9500 * m / 60.0)::int, s, s
    from (
      select n, 15 + n % 90 as m,
             timestamptz '2026-03-01 00:00:00+00' + make_interval(secs => (n::bigint * 2419200 / ${entries})) as s
      from generate_series(1, ${entries}) n
    ) e;
    insert into time_entry_invoices (time_entry_id, client_id, started_at)
    select id, client_id, started_at from time_entries;`);
  // As a database in use would be: vacuumed, its statistics current, so that no autovacuum of the
  // freshly seeded tables competes with the run.
  await store.executeSql('vacuum analyze');
}

/**
 * What the run writes, done by SQL alone and rolled back: an invoice per client, a line per task
 * (the same columns, into the same indexes) and each entry claimed. The floor no code above the
 * database can go below.
 */
async function rawWrites(store: Store): Promise<number> {
  const t0 = performance.now();
  await store.executeSql(`
    begin;
    insert into invoices (id, client_id, period, payment_terms_days, currency, buyer)
    select gen_random_uuid(), id, '2099-01', 30, 'EUR', '{}' from clients;
    insert into invoice_lines (id, invoice_id, invoice_status, client_id, position, key, kind, description,
      time_entry_id, from_date, to_date, quantity, unit, unit_price, amount, net, tax, gross, detail)
    select gen_random_uuid(), i.id, 'draft', t.client_id,
      row_number() over (partition by t.client_id order by min(t.started_at)), 'raw:' || min(t.id::text), 'work',
      'remote: ' || t.activity, null, min(t.work_date), max(t.work_date), round(sum(t.minutes) / 60.0, 3), 'hour',
      min(t.rate), sum(t.amount), sum(t.amount), sum(t.amount) / 5, sum(t.amount) + sum(t.amount) / 5,
      jsonb_build_object('outcomeKind', min(t.outcome_kind), 'ruleCode', min(t.rule_code), 'workType', 'remote',
        'entries', count(*), 'workedMinutes', sum(t.minutes), 'billedMinutes', sum(t.minutes), 'afterHoursMinutes', 0,
        'afterHoursMultiplier', 1, 'rate', min(t.rate), 'drawnMinutes', 0, 'drawnAmount', 0,
        'overageMinutes', 0, 'draws', '[]'::jsonb, 'note', min(t.rule_explanation))
    from time_entries t join invoices i on i.client_id = t.client_id and i.period = '2099-01'
    group by i.id, t.client_id, t.activity;
    update time_entry_invoices w set invoice_id = i.id
    from invoices i where i.client_id = w.client_id and i.period = '2099-01';
    rollback;`);
  return performance.now() - t0;
}

/** The same entries summed per client by SQL alone: what the run is set beside. */
async function rawAggregation(store: Store): Promise<number> {
  const t0 = performance.now();
  const res = await store.executeSql(`
    select client_id, count(*) as entries, sum(amount) as amount, sum(minutes) as minutes
    from time_entries
    where status = 'approved' and billable and started_at < '2026-04-01'
    group by client_id`);
  if (res.rows.length !== BILLING_SIZE.clients) throw new Error(`aggregated ${res.rows.length} clients`);
  return performance.now() - t0;
}

export async function billingBench(): Promise<Row[]> {
  const adminUrl = await postgresUrl();
  if (!adminUrl) {
    console.log('  postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return [];
  }
  const name = `keel_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = await openStore({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.executeSql(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const store = await openStore({ kind: 'postgres', url: u.toString(), poolSize: 10 });
  try {
    await migrate(store);
    const seedStarted = performance.now();
    await seed(store);
    console.log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const baselines = [await rawAggregation(store), await rawAggregation(store), await rawAggregation(store)];
    const { billing } = createModules(store, loadConfig({ LOG_LEVEL: 'silent' }));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const run = await billing.service.runBilling({ period: PERIOD, dryRun: false }, { trigger: 'cli' });
    const runMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    if (run.problems.length) throw new Error(`billing problems: ${JSON.stringify(run.problems.slice(0, 3))}`);
    const check = await store.executeSql(`
      select (select count(*) from invoices where period = '${PERIOD}')::int as invoices,
             (select sum((detail->>'entries')::int) from invoice_lines where kind = 'work')::int as work,
             (select count(*) from time_entry_invoices where invoice_id is null)::int as unclaimed`);
    const { invoices, work, unclaimed } = check.rows[0];
    if (invoices !== BILLING_SIZE.clients || work !== BILLING_SIZE.entries || unclaimed !== 0)
      throw new Error(`billed ${invoices} invoices, ${work} work lines, ${unclaimed} entries left`);
    const rerunStarted = performance.now();
    const rerun = await billing.service.runBilling({ period: PERIOD, dryRun: false }, { trigger: 'cli' });
    const rerunMs = performance.now() - rerunStarted;
    if (rerun.linesAdded !== 0) throw new Error(`a second run added ${rerun.linesAdded} lines`);
    baselines.push(await rawAggregation(store));
    const sqlMs = median(baselines);
    const writesMs = await rawWrites(store);
    const size = `${BILLING_SIZE.clients.toLocaleString('en')} clients / ${BILLING_SIZE.agreements.toLocaleString('en')} agreements / ${BILLING_SIZE.entries.toLocaleString('en')} entries`;
    console.log(
      `  run ${Math.round(runMs)} ms (${Math.round(nodeCpuMs)} ms of this process's CPU; ${run.linesAdded.toLocaleString('en')} lines), second run ${Math.round(rerunMs)} ms, raw SQL aggregation ${Math.round(sqlMs)} ms, raw SQL writes ${Math.round(writesMs)} ms`,
    );
    return [
      {
        figure: `billing run, ${size}`,
        value: runMs,
        unit: 'ms',
        baseline: sqlMs,
        note: `raw SQL aggregation of the same entries${full ? '; target ≤ 10,000 ms' : '; BENCH_BILLING_FULL=1 for the issue’s size'}`,
      },
      {
        figure: 'billing run, same size',
        value: runMs,
        unit: 'ms',
        baseline: writesMs,
        note: 'raw SQL writing the same invoices and lines and claiming the entries (rolled back)',
      },
      {
        figure: 'billing run again (nothing to add)',
        value: rerunMs,
        unit: 'ms',
        baseline: sqlMs,
        note: 'raw SQL aggregation of the same entries',
      },
    ];
  } finally {
    await store.close();
    await admin.executeSql(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}
