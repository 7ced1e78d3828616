import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/app.js';
import { CreateAgreementBody } from '../../src/modules/agreements/agreements.schemas.js';
import { CreateTimeEntryBody } from '../../src/modules/time/time.schemas.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { testConfig } from '../support/app.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { buildIfStale, keel, killAll } from './spawn.js';

/**
 * `keel bill run` on real PostgreSQL, as separate processes: two runs of the same period at once,
 * and a run killed with SIGKILL part way and run again. Each must end with exactly one invoice per
 * client and period, every billable entry on exactly one invoice, and the totals a clean run gives
 * (the dry run's, computed before anything was billed).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const period = '2026-04';
const clientsCount = 24;

type Seeded = { store: TestStore; expected: Map<string, number>; entries: number };

/** Clients with a managed agreement and some approved hourly work in March; the dry run's totals. */
async function seed(): Promise<Seeded> {
  const store = await createTestStore('postgres');
  const keelModules = createModules(store, testConfig());
  const { clients, agreements, identity, time, billing } = keelModules;
  const manager = await identity.service.createUser({
    email: `manager-${process.pid}-${Date.now()}@example.test`,
    role: 'manager',
    password: 'correct horse battery staple',
  });
  const caller = { userId: manager.id, canApprove: true };
  let entries = 0;
  for (let i = 0; i < clientsCount; i++) {
    const client = await clients.service.createClient({
      name: `Billed ${i} ${process.pid}`,
      status: 'active',
      timeZone: 'Europe/Paris',
      taxRateBp: 2_000,
      billingAddress: {},
      notes: '',
      profile: {},
    } as never);
    const agreement = await agreements.service.create(
      staffScope,
      CreateAgreementBody.parse({
        clientId: client.id,
        kind: 'managed',
        name: 'Managed users',
        startDate: '2026-01-01',
        minimumTermMonths: 0,
        lines: [{ description: 'Users', quantity: 5 + i, unitPrice: 4_999, unit: 'per_user' }],
      }),
    );
    await agreements.service.act(staffScope, agreement.id, 'activate', {
      signedOn: '2026-01-01',
      signedBy: 'CEO',
    });
    const ids: string[] = [];
    for (let d = 0; d < 3; d++) {
      const entry = await time.service.create(
        caller,
        CreateTimeEntryBody.parse({
          clientId: client.id,
          activity: 'Network work',
          category: 'network',
          workType: 'remote',
          // One technician: each client's work in its own hour of the day, so no two entries overlap.
          startedAt: `2026-03-${String(2 + d).padStart(2, '0')}T${String(i).padStart(2, '0')}:00:00Z`,
          durationMinutes: 20 + i + d,
        }),
      );
      ids.push(entry.id);
    }
    await time.service.submit(caller, ids);
    await time.service.approve(caller, ids);
    entries += ids.length;
  }
  const dry = await billing.service.runBilling({ period, dryRun: true }, { trigger: 'cli' });
  const expected = new Map(dry.clients.filter((c) => c.total !== null).map((c) => [c.clientId, c.total!]));
  expect(expected.size).toBe(clientsCount);
  return { store, expected, entries };
}

async function check(s: Seeded) {
  const q = (text: string) => s.store.executeSql(text).then((r) => r.rows);
  const perClient = await q(
    `select client_id, count(*)::int as n, sum(total)::bigint as total from invoices
     where kind = 'invoice' and status <> 'void' and period = '${period}' group by client_id`,
  );
  expect(perClient).toHaveLength(clientsCount);
  for (const row of perClient) {
    expect(row.n).toBe(1);
    expect(Number(row.total)).toBe(s.expected.get(row.client_id));
  }
  // Each entry on exactly one standing invoice of the period, and each work line's entries counted once.
  const [claimed] = await q(
    `select count(*)::int as n, count(distinct w.time_entry_id)::int as entries
     from time_entry_invoices w join invoices i on i.id = w.invoice_id and i.period = '${period}' and i.status <> 'void'
     join time_entries t on t.id = w.time_entry_id where t.status = 'approved' and t.billable`,
  );
  expect(claimed).toEqual({ n: s.entries, entries: s.entries });
  const [work] = await q(
    `select coalesce(sum((detail->>'entries')::int), 0)::int as entries from invoice_lines
     where kind = 'work' and invoice_status <> 'void'`,
  );
  expect(work.entries).toBe(s.entries);
}

const env = (s: Seeded, extra: Record<string, string> = {}) => ({ DATABASE_URL: s.store.url!, ...extra });

describe.skipIf(!onPostgres)('keel bill run on PostgreSQL', () => {
  const seeded: Seeded[] = [];
  beforeAll(() => buildIfStale(), 240_000);
  afterAll(async () => {
    await killAll();
    for (const s of seeded) await s.store.drop();
  });

  it('two runs of the same period at once: one invoice per client, the totals of a clean run', async () => {
    const s = await seed();
    seeded.push(s);
    // A short pause after each transaction (two clients here) keeps both runs going long enough to meet.
    const slow = env(s, { KEEL_BILLING_PAUSE_MS: '40' });
    const [a, b] = await Promise.all([
      keel(['bill', 'run', '--period', period], slow, 120_000),
      keel(['bill', 'run', '--period', period], slow, 120_000),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // Between them they created each invoice once.
    const created = (out: string) => Number(/(\d+) invoice\(s\) created/.exec(out)?.[1]);
    expect(created(a.stdout) + created(b.stdout)).toBe(clientsCount);
    await check(s);
  }, 300_000);

  it('a run killed part way, then run again: one invoice per client, the totals of a clean run', async () => {
    const s = await seed();
    seeded.push(s);
    // Billing waits 150 ms after each transaction, so the kill lands part way (test hook, see bill-run.ts).
    const running = keel(
      ['bill', 'run', '--period', period],
      env(s, { KEEL_BILLING_PAUSE_MS: '150' }),
      120_000,
    );
    let billed = 0;
    for (let i = 0; i < 400 && billed < 5; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const rows = await s.store.executeSql(
        `select count(*)::int as n from invoices where period = '${period}'`,
      );
      billed = rows.rows[0].n;
    }
    await killAll(); // SIGKILL: no chance to clean up
    const killed = await running;
    expect(killed.signal).toBe('SIGKILL');
    const part = (
      await s.store.executeSql(`select count(*)::int as n from invoices where period = '${period}'`)
    ).rows[0].n;
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(clientsCount);

    const again = await keel(['bill', 'run', '--period', period], env(s), 120_000);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`${clientsCount - part} invoice\\(s\\) created`));
    await check(s);
  }, 300_000);
});
