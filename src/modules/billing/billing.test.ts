import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildClient,
  buildContact,
  buildUser,
  type Caller,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { billingRuns, invoiceLines, invoices } from './billing.tables.js';
import { abandonedAfterMs } from './billing-run.service.js';

/**
 * Billing through the API, with totals worked out by hand. Clients are billed in Paris (UTC+1 in
 * March) with 20 % tax; the seeded work type 'remote' rounds each entry up to a quarter hour.
 */
describe.each(storeKinds)('billing on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  let billingUser: Caller;
  let tech: Caller;
  const api = (method: string, url: string, payload?: unknown, who: Caller = billingUser) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const run = (period: string, extra: Record<string, unknown> = {}) =>
    api('POST', '/api/v1/billing/runs', { period, dryRun: false, ...extra });
  const count = async (table: typeof invoices | typeof invoiceLines | typeof billingRuns) =>
    Number((await t.current.store.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
  const snapshot = async () => ({
    invoices: await t.current.store.db.select().from(invoices).orderBy(invoices.id),
    lines: await t.current.store.db.select().from(invoiceLines).orderBy(invoiceLines.id),
    runs: await count(billingRuns),
  });

  async function agreement(clientId: string, body: Record<string, unknown>) {
    const a = await api('POST', '/api/v1/agreements', { clientId, minimumTermMonths: 0, ...body }, manager);
    expect(a.statusCode, a.body).toBe(201);
    const on = await api(
      'POST',
      `/api/v1/agreements/${a.data.id}/activate`,
      { signedOn: '2026-01-01', signedBy: 'Director' },
      manager,
    );
    expect(on.statusCode, on.body).toBe(200);
    return a.data as { id: string; lines: { id: string }[] };
  }
  const users = (startDate: string, quantity = 10) => ({
    kind: 'managed',
    name: 'Managed users',
    startDate,
    lines: [{ description: 'Managed users', quantity, unitPrice: 5_000, unit: 'per_user' }],
  });

  async function approvedEntry(clientId: string, startedAt: string, durationMinutes: number) {
    const e = await api(
      'POST',
      '/api/v1/time-entries',
      { clientId, activity: 'Support', workType: 'remote', startedAt, durationMinutes, note: 'Printer' },
      tech,
    );
    expect(e.statusCode, e.body).toBe(201);
    expect((await api('POST', '/api/v1/time-entries/submit', { ids: [e.data.id] }, tech)).statusCode).toBe(
      200,
    );
    expect(
      (await api('POST', '/api/v1/time-entries/approve', { ids: [e.data.id] }, manager)).statusCode,
    ).toBe(200);
    return e.data.id as string;
  }

  let managed: string;
  let managedAgreement: { id: string; lines: { id: string }[] };
  let late: string;
  let hourly: string;
  let entries: string[];
  let pendingEntry: string;

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
    billingUser = await buildUser(t.current, 'billing');
    tech = await buildUser(t.current, 'technician');
    managed = (await buildClient(t.current)).id;
    late = (await buildClient(t.current)).id;
    hourly = (await buildClient(t.current)).id;
    await buildContact(t.current, hourly, { isBilling: true, email: 'ap@hourly.test' });
    managedAgreement = await agreement(managed, users('2026-01-01'));
    await agreement(late, users('2026-03-17'));
    await agreement(hourly, {
      kind: 'time_materials',
      name: 'Hourly',
      startDate: '2026-01-01',
      afterHoursMultiplier: 1.5,
      lines: [{ description: 'Hourly rate', quantity: 1, unitPrice: 10_000, unit: 'flat', recurring: false }],
    });
    entries = [
      // Tuesday 3 March, 10:00 in Paris: 7 minutes, rounded up to 15 → 100.00 × 0.25 = 25.00
      await approvedEntry(hourly, '2026-03-03T10:00:00+01:00', 7),
      // Saturday 7 March: two hours after hours at × 1.5 → 300.00
      await approvedEntry(hourly, '2026-03-07T10:00:00+01:00', 120),
    ];
    const pending = await api(
      'POST',
      '/api/v1/time-entries',
      {
        clientId: hourly,
        activity: 'Support',
        workType: 'remote',
        startedAt: '2026-04-02T10:00:00+02:00',
        durationMinutes: 30,
      },
      tech,
    );
    pendingEntry = pending.data.id;
  });

  const invoiceOf = async (clientId: string, period: string) => {
    const list = await api('GET', `/api/v1/invoices?client_id=${clientId}&period=${period}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.data.items).toHaveLength(1);
    const one = await api('GET', `/api/v1/invoices/${list.data.items[0].id}`);
    expect(one.statusCode).toBe(200);
    return one.data;
  };

  it('a March run: a full month, and a start on the 17th prorated by days', async () => {
    const res = await run('2026-03');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({ period: '2026-03', status: 'succeeded', problems: [] });
    const full = await invoiceOf(managed, '2026-03');
    // 10 users × 50.00 = 500.00; tax 20 % = 100.00
    expect(full).toMatchObject({
      status: 'draft',
      number: null,
      subtotal: 50_000,
      taxTotal: 10_000,
      total: 60_000,
    });
    expect(full.lines).toEqual([
      expect.objectContaining({
        kind: 'recurring',
        quantity: 10,
        unit: 'user',
        unitPrice: 5_000,
        amount: 50_000,
        servicePeriod: { from: '2026-03-01', to: '2026-03-31' },
        tax: 10_000,
      }),
    ]);
    // 500.00 × 15/31 = 241.935… → 241.94; tax 48.388 → 48.39
    expect(await invoiceOf(late, '2026-03')).toMatchObject({
      subtotal: 24_194,
      taxTotal: 4_839,
      total: 29_033,
    });
  });

  it('an April run: the quantity change from 10 to 15 users on 10 March as its own line, and March’s work in arrears', async () => {
    const amend = await api(
      'POST',
      `/api/v1/agreements/${managedAgreement.id}/amendments`,
      {
        kind: 'set_quantity',
        lineId: managedAgreement.lines[0]!.id,
        quantity: 15,
        effectiveOn: '2026-03-10',
      },
      manager,
    );
    expect(amend.statusCode, amend.body).toBe(201);
    expect((await run('2026-04')).statusCode).toBe(201);

    const april = await invoiceOf(managed, '2026-04');
    expect(april.lines.map((l: any) => [l.kind, l.quantity, l.servicePeriod, l.amount])).toEqual([
      // 5 more users × 50.00 × 22/31 = 177.419… → 177.42
      ['adjustment', 5, { from: '2026-03-10', to: '2026-03-31' }, 17_742],
      ['recurring', 15, { from: '2026-04-01', to: '2026-04-30' }, 75_000],
    ]);
    // 927.42 + 20 % (185.484 → 185.48) = 1,112.90
    expect(april).toMatchObject({ subtotal: 92_742, taxTotal: 18_548, total: 111_290 });

    const work = await invoiceOf(hourly, '2026-04');
    expect(work.lines.map((l: any) => [l.kind, l.timeEntryId, l.quantity, l.amount])).toEqual([
      ['work', entries[0], 0.25, 2_500],
      ['work', entries[1], 2, 30_000],
    ]);
    // 325.00 + 65.00
    expect(work).toMatchObject({ subtotal: 32_500, taxTotal: 6_500, total: 39_000, paymentTermsDays: 30 });
    const claimed = await api(
      'GET',
      `/api/v1/time-entries?client_id=${hourly}&invoiced=true`,
      undefined,
      manager,
    );
    expect(claimed.json().items.map((e: any) => [e.id, e.invoiceId, e.locked])).toEqual(
      entries.map((id) => [id, work.id, 'invoiced']),
    );
  });

  it('running a period again changes nothing', async () => {
    const before = await snapshot();
    const again = await run('2026-04');
    expect(again.statusCode).toBe(201);
    expect(again.data).toMatchObject({
      invoicesCreated: 0,
      invoicesUpdated: 0,
      linesAdded: 0,
      amountAdded: 0,
    });
    const after = await snapshot();
    expect(after.invoices).toEqual(before.invoices);
    expect(after.lines).toEqual(before.lines);
    expect(after.runs).toBe(before.runs + 1);
  });

  it('a run whose process stopped is reported failed once it has been silent too long', async () => {
    const db = t.current.store.db;
    const silentSince = new Date(Date.now() - abandonedAfterMs - 60_000);
    const [killed, recent] = await db
      .insert(billingRuns)
      .values([
        {
          period: '2026-01',
          dryRun: false,
          trigger: 'cli',
          startedBy: 'cli',
          clientsTotal: 9,
          startedAt: silentSince,
          updatedAt: silentSince,
        },
        { period: '2026-01', dryRun: false, trigger: 'cli', startedBy: 'cli', clientsTotal: 9 },
      ])
      .returning();
    const got = await api('GET', `/api/v1/billing/runs/${killed!.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.data).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted/) });
    expect((await api('GET', `/api/v1/billing/runs/${recent!.id}`)).data.status).toBe('running');
    await db.delete(billingRuns).where(sql`${billingRuns.id} in (${killed!.id}, ${recent!.id})`);
  });

  it('work approved after the run is added to the still-draft invoice, not to a second one', async () => {
    const draft = await invoiceOf(hourly, '2026-04');
    // Thursday 12 March, 45 minutes → 75.00
    const late = await approvedEntry(hourly, '2026-03-12T14:00:00+01:00', 45);
    const again = await run('2026-04', { clientId: hourly });
    expect(again.data.clients[0]).toMatchObject({
      outcome: 'updated',
      invoiceId: draft.id,
      linesAdded: 1,
      amountAdded: 7_500,
    });
    const after = await invoiceOf(hourly, '2026-04');
    expect(after.lines.map((l: any) => l.timeEntryId)).toEqual([...entries, late]);
    // 400.00 + 80.00
    expect(after).toMatchObject({ subtotal: 40_000, taxTotal: 8_000, total: 48_000 });
    entries.push(late);
  });

  it('a dry run writes nothing and answers what would be billed', async () => {
    const before = await snapshot();
    const dry = await run('2026-05', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.data.id).toBeNull();
    const forManaged = dry.data.clients.find((c: any) => c.clientId === managed);
    expect(forManaged).toMatchObject({ outcome: 'created', amountAdded: 75_000, total: 90_000 });
    expect(forManaged.lines).toEqual([
      expect.objectContaining({ key: expect.stringMatching(/^recurring:/), amount: 75_000 }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('bad input gets 4xx problem+json and writes nothing', async () => {
    const before = await snapshot();
    for (const period of ['2026-3', '2026-13', '26-03', '']) {
      const problem = expectProblem(await run(period), 400);
      expect(problem.errors?.[0]).toMatchObject({ field: 'body.period', code: 'INVALID_PERIOD' });
    }
    expectProblem(await run('2026-03', { clientId: '01900000-0000-7000-8000-0000000000ff' }), 404);
    expectProblem(await api('GET', '/api/v1/invoices?period=March'), 400);
    expectProblem(await api('GET', '/api/v1/billing/leaks?period=2026-1'), 400);
    expect((await snapshot()).invoices).toEqual(before.invoices);
  });

  it('issuing numbers the invoice gap-free; issuing twice or editing it afterwards → 409, nothing written', async () => {
    const draft = await invoiceOf(managed, '2026-03');
    // Until the billing settings name the seller, nothing can be issued, and nothing changes.
    const unnamed = expectProblem(await api('POST', `/api/v1/invoices/${draft.id}/issue`, {}), 409);
    expect(unnamed.code).toBe('SELLER_NOT_SET');
    expect(await invoiceOf(managed, '2026-03')).toEqual(draft);
    const named = await api('PATCH', '/api/v1/billing/settings', { sellerName: 'Northwind IT' });
    expect(named.statusCode, named.body).toBe(200);
    const issued = await api('POST', `/api/v1/invoices/${draft.id}/issue`, { issueDate: '2026-03-02' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.data).toMatchObject({
      status: 'issued',
      number: '2026-000001',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
    });
    const second = await invoiceOf(late, '2026-03');
    const next = await api('POST', `/api/v1/invoices/${second.id}/issue`, { issueDate: '2026-03-20' });
    expect(next.data.number).toBe('2026-000002');

    const before = await snapshot();
    expect(expectProblem(await api('POST', `/api/v1/invoices/${draft.id}/issue`, {}), 409).code).toBe(
      'INVOICE_ALREADY_ISSUED',
    );
    const edit = await api('POST', `/api/v1/invoices/${draft.id}/charges`, {
      description: 'Late fee',
      unitPrice: 1_000,
    });
    expect(expectProblem(edit, 409).code).toBe('INVOICE_NOT_DRAFT');
    const discount = await api('PUT', `/api/v1/invoices/${draft.id}/discounts`, {
      invoice: { kind: 'percent', basisPoints: 1_000 },
    });
    expect(expectProblem(discount, 409).code).toBe('INVOICE_NOT_DRAFT');
    expect(expectProblem(await api('DELETE', `/api/v1/invoices/${draft.id}`), 409).code).toBe(
      'INVOICE_NOT_DRAFT',
    );
    expect(await snapshot()).toEqual(before);

    // A re-run of March leaves the issued invoice alone.
    const rerun = await run('2026-03', { clientId: managed });
    expect(rerun.data.clients[0]).toMatchObject({ outcome: 'skipped', invoiceId: draft.id });
  });

  it('a draft takes manual charges and discounts; totals follow', async () => {
    const draft = await invoiceOf(hourly, '2026-04');
    const added = await api('POST', `/api/v1/invoices/${draft.id}/charges`, {
      description: 'SSD 1 TB',
      quantity: 2,
      unitPrice: 8_950,
    });
    expect(added.statusCode, added.body).toBe(201);
    // 400.00 + 179.00 = 579.00; tax 115.80
    expect(added.data).toMatchObject({ subtotal: 57_900, taxTotal: 11_580, total: 69_480 });
    const ssd = added.data.lines.find((l: any) => l.kind === 'charge');
    const discounted = await api('PUT', `/api/v1/invoices/${draft.id}/discounts`, {
      lines: [{ lineId: ssd.id, discount: { kind: 'percent', basisPoints: 1_000 } }],
    });
    // 10 % off the SSDs: 17.90; net 561.10, tax 112.22, total 673.32
    expect(discounted.data).toMatchObject({
      discountTotal: 1_790,
      netTotal: 56_110,
      taxTotal: 11_222,
      total: 67_332,
    });
    const work = added.data.lines.find((l: any) => l.kind === 'work');
    expect(
      expectProblem(await api('DELETE', `/api/v1/invoices/${draft.id}/lines/${work.id}`), 409).code,
    ).toBe('INVOICE_LINE_NOT_REMOVABLE');
    const removed = await api('DELETE', `/api/v1/invoices/${draft.id}/lines/${ssd.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.data).toMatchObject({ subtotal: 40_000, discountTotal: 0, total: 48_000 });
    const bad = await api('PUT', `/api/v1/invoices/${draft.id}/discounts`, {
      invoice: { kind: 'fixed', amount: 1_000_000 },
    });
    expect(expectProblem(bad, 400).errors?.[0]).toMatchObject({ code: 'INVALID_DISCOUNT' });
  });

  it('a credit note credits an issued invoice by lines and references it; more than is left → 422', async () => {
    const invoice = await invoiceOf(managed, '2026-04');
    await api('POST', `/api/v1/invoices/${invoice.id}/issue`, { issueDate: '2026-04-01' });
    const adjustment = invoice.lines.find((l: any) => l.kind === 'adjustment');
    const note = await api('POST', `/api/v1/invoices/${invoice.id}/credit-notes`, {
      kind: 'lines',
      lines: [{ lineId: adjustment.id }],
      reason: 'Users added by mistake',
    });
    expect(note.statusCode, note.body).toBe(201);
    // 177.42 and its share of the tax: 35.48 (the line's own share)
    expect(note.data).toMatchObject({
      kind: 'credit_note',
      status: 'issued',
      number: 'CN-2026-000001',
      creditedInvoiceId: invoice.id,
      netTotal: 17_742,
      taxTotal: adjustment.tax,
      total: 17_742 + adjustment.tax,
    });
    const after = await api('GET', `/api/v1/invoices/${invoice.id}`);
    expect(after.data).toMatchObject({
      amountCredited: 17_742 + adjustment.tax,
      balance: 111_290 - 17_742 - adjustment.tax,
    });
    const again = await api('POST', `/api/v1/invoices/${invoice.id}/credit-notes`, {
      kind: 'lines',
      lines: [{ lineId: adjustment.id }],
    });
    expect(expectProblem(again, 422).code).toBe('CREDIT_EXCEEDS_REMAINING');
    // Credited invoices are not voided.
    expect(
      expectProblem(await api('POST', `/api/v1/invoices/${invoice.id}/void`, { reason: 'x' }), 409).code,
    ).toBe('INVOICE_HAS_SETTLEMENTS');
  });

  it('voiding an unpaid issued invoice keeps its number and lets its work be billed again', async () => {
    const invoice = await invoiceOf(hourly, '2026-04');
    const issued = await api('POST', `/api/v1/invoices/${invoice.id}/issue`, {});
    expect(issued.data.number).toMatch(/^\d{4}-\d{6}$/);
    const voided = await api('POST', `/api/v1/invoices/${invoice.id}/void`, { reason: 'Wrong client' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.data).toMatchObject({
      status: 'void',
      number: issued.data.number,
      voidReason: 'Wrong client',
    });
    const rebill = await run('2026-04', { clientId: hourly });
    expect(rebill.data.clients[0]).toMatchObject({ outcome: 'created', amountAdded: 40_000 });
  });

  it('portal users see their own client’s issued invoices, never drafts, and cannot run billing', async () => {
    const portal = await buildUser(t.current, 'portal', { clientId: managed });
    const list = await api('GET', '/api/v1/invoices', undefined, portal);
    expect(list.statusCode).toBe(200);
    expect(list.data.items.length).toBeGreaterThan(0);
    for (const i of list.data.items) {
      expect(i.clientId).toBe(managed);
      expect(i.status).not.toBe('draft');
    }
    const other = (await api('GET', `/api/v1/invoices?client_id=${hourly}&status=draft`)).data.items[0];
    expectProblem(await api('GET', `/api/v1/invoices/${other.id}`, undefined, portal), 404);
    const own = await api('GET', `/api/v1/invoices/${list.data.items[0].id}`, undefined, portal);
    expect(own.data.lines[0].detail).toBeUndefined();
    // Staff-only routes do not exist for portal users.
    expectProblem(await api('POST', '/api/v1/billing/runs', { period: '2026-05' }, portal), 404);
    expectProblem(await api('GET', '/api/v1/invoices', undefined, tech), 403);
  });

  it('the leak report lists entries pending approval and agreements with nothing billed for the period', async () => {
    const fresh = (await buildClient(t.current)).id;
    const unbilled = await agreement(fresh, users('2026-02-01', 3));
    const report = await api('GET', '/api/v1/billing/leaks?period=2026-04');
    expect(report.statusCode, report.body).toBe(200);
    expect(report.data.pendingApproval.map((p: any) => p.entryId)).toContain(pendingEntry);
    expect(report.data.agreementsNotBilled).toEqual([
      {
        agreementId: unbilled.id,
        clientId: fresh,
        name: 'Managed users',
        cycle: { from: '2026-04-01', to: '2026-04-30' },
      },
    ]);
    expect(report.data.unbilledWork).toEqual([]);
  });

  it('a counted quantity is snapshotted on the line; the leak report shows a count that changed since', async () => {
    const counted = (await buildClient(t.current)).id;
    await buildContact(t.current, counted);
    await buildContact(t.current, counted);
    await agreement(counted, {
      ...users('2026-05-01'),
      lines: [
        {
          description: 'Per contact',
          quantity: 0,
          unitPrice: 2_000,
          unit: 'per_user',
          quantitySource: 'active_contacts',
        },
      ],
    });
    const res = await run('2026-05', { clientId: counted });
    expect(res.data.clients[0]).toMatchObject({ outcome: 'created', amountAdded: 4_000 });
    expect((await invoiceOf(counted, '2026-05')).lines[0]).toMatchObject({ quantity: 2, unitPrice: 2_000 });
    await buildContact(t.current, counted);
    const report = await api('GET', `/api/v1/billing/leaks?period=2026-05&client_id=${counted}`);
    expect(report.data.quantityMismatches).toEqual([
      expect.objectContaining({ clientId: counted, source: 'active_contacts', counted: 3, billed: 2 }),
    ]);
    // A re-run keeps what was billed for the days already billed.
    expect((await run('2026-05', { clientId: counted })).data.clients[0]).toMatchObject({
      outcome: 'unchanged',
    });
  });

  it('block hours: work draws the month’s two hours in order, the rest is overage; drawn work is billed once', async () => {
    const block = (await buildClient(t.current)).id;
    await agreement(block, {
      kind: 'block_hours',
      name: 'Two hours a month',
      startDate: '2026-01-01',
      blockHours: { hoursPerPeriod: 2, overageRate: 12_000 },
    });
    // 90 minutes drawn; then 45 → rounded to 45: 30 drawn and 15 over at 120.00 = 30.00
    const first = await approvedEntry(block, '2026-03-16T10:00:00+01:00', 90);
    const second = await approvedEntry(block, '2026-03-18T10:00:00+01:00', 45);
    expect((await run('2026-04', { clientId: block })).data.clients[0]).toMatchObject({
      outcome: 'created',
      amountAdded: 3_000,
    });
    // Both entries are the same work, so one line; it keeps each day's draw for the block's ledger.
    const invoice = await invoiceOf(block, '2026-04');
    expect(
      invoice.lines.map((l: any) => [
        l.quantity,
        l.detail.entries,
        l.detail.drawnMinutes,
        l.detail.overageMinutes,
        l.detail.draws,
        l.amount,
      ]),
    ).toEqual([
      [
        2.25,
        2,
        120,
        15,
        [
          { date: '2026-03-16', minutes: 90, amount: 0 },
          { date: '2026-03-18', minutes: 30, amount: 0 },
        ],
        3_000,
      ],
    ]);
    const onInvoice = await api('GET', `/api/v1/time-entries?client_id=${block}&invoiced=true`);
    expect(onInvoice.data.items.map((e: any) => [e.id, e.invoiceId])).toEqual([
      [first, invoice.id],
      [second, invoice.id],
    ]);
    expect((await run('2026-04', { clientId: block })).data.clients[0]).toMatchObject({
      outcome: 'unchanged',
    });
  });

  it('lists invoices by cursor and updated_since', async () => {
    const first = await api('GET', '/api/v1/invoices?limit=2');
    expect(first.data.items).toHaveLength(2);
    const rest = await api('GET', `/api/v1/invoices?limit=200&cursor=${first.data.nextCursor}`);
    const all = await api('GET', '/api/v1/invoices?limit=200');
    expect([...first.data.items, ...rest.data.items].map((i: any) => i.id)).toEqual(
      all.data.items.map((i: any) => i.id),
    );
    const future = await api('GET', '/api/v1/invoices?updated_since=2999-01-01T00:00:00Z');
    expect(future.data.items).toEqual([]);
    expectProblem(await api('GET', '/api/v1/invoices?cursor=nonsense'), 400);
  });
});
