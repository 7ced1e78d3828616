import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildClient,
  buildUser,
  type Caller,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { managedUsers } from '../../../test/support/billing.js';
import { storeKinds } from '../../../test/support/stores.js';
import { billingRuns, invoices } from './billing.tables.js';
import { scheduledBillingRuns } from './receivables.tables.js';
import { remindersJob } from './reminders.service.js';
import { scheduleJob } from './schedule.service.js';

/**
 * Scheduled billing: the cron tick is called with the instant it would run at. The MSP bills at
 * 06:00 in Paris: 05:00Z in winter, 04:00Z in summer.
 */
describe.each(storeKinds)('scheduled billing runs on %s', (kind) => {
  const t = useTestApp(kind, { jobs: { work: false } });
  let billing: Caller;
  let client: string;
  const api = (method: string, url: string, payload?: unknown) =>
    call(t.current, { method, url, payload, headers: billing.headers });
  const tick = (at: string) => t.current.keel.receivables.schedule.tick(new Date(at));
  const count = async (table: typeof billingRuns | typeof invoices) =>
    Number((await t.current.store.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
  const invoicesOf = (period: string) =>
    t.current.store.db
      .select()
      .from(invoices)
      .where(sql`${invoices.clientId} = ${client} and ${invoices.period} = ${period}`);

  beforeAll(async () => {
    billing = await buildUser(t.current, 'billing');
    const manager = await buildUser(t.current, 'manager');
    client = (await buildClient(t.current, { taxRateBp: 0 })).id;
    await managedUsers(t.current, manager, client, { startDate: '2026-03-01' });
  });

  it('keeps its cron jobs in pg-boss, which survive a restart', async () => {
    const names = (await t.current.jobs!.boss.getSchedules()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([scheduleJob, remindersJob]));
  });

  it('does nothing while the schedule is off', async () => {
    expect(await tick('2026-03-01T05:00:00Z')).toEqual([]);
    expect(await count(billingRuns)).toBe(0);
  });

  it('bills a period once at its moment, however often the tick comes', async () => {
    const on = await api('PATCH', '/api/v1/billing/settings', {
      scheduleEnabled: true,
      scheduleDay: 1,
      scheduleTime: '06:00',
      scheduleTimeZone: 'Europe/Paris',
      scheduleWorkAtPeriodEnd: true,
      scheduleAutoIssue: false,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(await tick('2026-03-01T04:59:00Z')).toEqual([]);
    const [done] = await tick('2026-03-01T05:00:00Z');
    // February's end and March's start fall on the same moment and bill the same period: one run.
    expect(done).toMatchObject({
      period: '2026-03',
      slots: ['period_end:2026-02', 'period_start:2026-03'],
      invoicesIssued: 0,
      problems: [],
    });
    const [draft] = await invoicesOf('2026-03');
    expect(draft).toMatchObject({ status: 'draft', total: 50_000, billingRunId: done!.runId });
    const [run] = await t.current.store.db.select().from(billingRuns);
    expect(run).toMatchObject({ trigger: 'schedule', period: '2026-03', status: 'succeeded' });

    expect(await tick('2026-03-01T05:10:00Z')).toEqual([]);
    expect(await tick('2026-03-03T12:00:00Z')).toEqual([]);
    expect(await count(billingRuns)).toBe(1);
    const slots = await api('GET', '/api/v1/billing/schedule/runs');
    expect(slots.data.items.map((s: any) => [s.slot, s.period, s.runId])).toEqual(
      expect.arrayContaining([
        ['period_end:2026-02', '2026-03', done!.runId],
        ['period_start:2026-03', '2026-03', done!.runId],
      ]),
    );
  });

  it('two ticks at once run the period once', async () => {
    const runs = await count(billingRuns);
    const [x, y] = await Promise.all([tick('2026-04-01T04:00:00Z'), tick('2026-04-01T04:00:00Z')]);
    expect([...x!, ...y!].map((o) => o.period)).toEqual(['2026-04']);
    expect(await count(billingRuns)).toBe(runs + 1);
    expect(await invoicesOf('2026-04')).toHaveLength(1);
  });

  it('takes over a run left by a worker that died, after its lease, without billing twice', async () => {
    // A worker claimed May's moments at 04:00Z and died.
    for (const slot of ['period_end:2026-04', 'period_start:2026-05'])
      await t.current.store.db.insert(scheduledBillingRuns).values({
        slot,
        kind: slot.startsWith('period_end') ? 'period_end' : 'period_start',
        period: '2026-05',
        dueAt: new Date('2026-05-01T04:00:00Z'),
        dueOn: '2026-05-01',
        claimedAt: new Date('2026-05-01T04:00:00Z'),
      });
    expect(await tick('2026-05-01T04:20:00Z')).toEqual([]);
    const [taken] = await tick('2026-05-01T04:31:00Z');
    expect(taken).toMatchObject({ period: '2026-05', problems: [] });
    const [may] = await invoicesOf('2026-05');
    expect(may).toMatchObject({ status: 'draft', total: 50_000 });
    expect(await tick('2026-05-01T05:31:00Z')).toEqual([]);
  });

  it('issues what it billed when auto-issue is on, numbered and due from the local day', async () => {
    await api('PATCH', '/api/v1/billing/settings', {
      sellerName: 'Northwind IT',
      scheduleAutoIssue: true,
      scheduleDay: 5,
      scheduleWorkAtPeriodEnd: false,
    });
    expect(await tick('2026-06-01T04:00:00Z')).toEqual([]);
    // 06:00 on 5 June in Paris is 04:00Z.
    const [june] = await tick('2026-06-05T04:00:00Z');
    expect(june).toMatchObject({ period: '2026-06', slots: ['period_start:2026-06'], invoicesIssued: 1 });
    const [issued] = await invoicesOf('2026-06');
    expect(issued).toMatchObject({ status: 'issued', issueDate: '2026-06-05', dueDate: '2026-07-05' });
    expect(issued!.number).toMatch(/^2026-\d{6}$/);
  });

  it('refuses a schedule the rule cannot keep, with 400, and keeps the one it had', async () => {
    const before = (await api('GET', '/api/v1/billing/settings')).json();
    expectProblem(await api('PATCH', '/api/v1/billing/settings', { scheduleDay: 31 }), 400);
    expectProblem(await api('PATCH', '/api/v1/billing/settings', { scheduleTime: '6am' }), 400);
    for (const zone of ['Europe/Nowhere', 'Paris', 'UTC+2'])
      expect(
        expectProblem(await api('PATCH', '/api/v1/billing/settings', { scheduleTimeZone: zone }), 400).errors,
      ).toEqual([expect.objectContaining({ field: 'body.scheduleTimeZone' })]);
    expect((await api('GET', '/api/v1/billing/settings')).json()).toEqual(before);
  });
});
