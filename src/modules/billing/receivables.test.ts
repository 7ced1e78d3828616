import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildClient,
  buildUser,
  type Caller,
  call,
  expectProblem,
  unique,
  useTestApp,
} from '../../../test/support/app.js';
import { billAndIssue, type IssuedInvoice, managedUsers } from '../../../test/support/billing.js';
import { storeKinds } from '../../../test/support/stores.js';
import { invoices, paymentAllocations, payments } from './billing.tables.js';
import { paymentVoids } from './receivables.tables.js';

/**
 * Payments and receivables through the API, figures worked out by hand. Every client is billed
 * 10 users × 50.00 = 500.00 a month without tax, issued on the 1st with the default 30 days' terms:
 * January's is due 31 January, February's 3 March, March's 31 March.
 */
describe.each(storeKinds)('payments and receivables on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  let billing: Caller;
  let payer: string;
  let late: string;
  let credit: string;
  const a: Record<string, IssuedInvoice> = {};
  const b: Record<string, IssuedInvoice> = {};
  const c: Record<string, IssuedInvoice> = {};
  const api = (method: string, url: string, payload?: unknown, who: Caller = billing) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const pay = (body: Record<string, unknown>) =>
    api('POST', '/api/v1/payments', { method: 'bank_transfer', reference: 'BANK', ...body });
  const invoice = async (id: string) => (await api('GET', `/api/v1/invoices/${id}`)).data;
  const count = async (table: typeof payments | typeof paymentAllocations | typeof paymentVoids) =>
    Number((await t.current.store.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
  const ledger = async () => ({
    payments: await count(payments),
    allocations: await count(paymentAllocations),
    voids: await count(paymentVoids),
    invoices: await t.current.store.db.select().from(invoices).orderBy(invoices.id),
  });

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
    billing = await buildUser(t.current, 'billing');
    payer = (await buildClient(t.current, { name: unique('Prompt Payer'), taxRateBp: 0 })).id;
    late = (await buildClient(t.current, { name: unique('Late Ltd'), taxRateBp: 0 })).id;
    credit = (await buildClient(t.current, { name: unique('Overpayer'), taxRateBp: 0 })).id;
    for (const client of [payer, late]) {
      await managedUsers(t.current, manager, client, { startDate: '2026-01-01' });
      const into = client === payer ? a : b;
      into.jan = await billAndIssue(t.current, billing, client, '2026-01', '2026-01-01');
      into.feb = await billAndIssue(t.current, billing, client, '2026-02', '2026-02-01');
      into.mar = await billAndIssue(t.current, billing, client, '2026-03', '2026-03-01');
    }
    await managedUsers(t.current, manager, credit, { startDate: '2026-04-01' });
    c.apr = await billAndIssue(t.current, billing, credit, '2026-04', '2026-04-01');
  });

  it('bills 500.00 a month, due 30 days after issue', () => {
    expect([a.jan!, a.feb!, a.mar!].map((i) => [i.total, i.dueDate])).toEqual([
      [50_000, '2026-01-31'],
      [50_000, '2026-03-03'],
      [50_000, '2026-03-31'],
    ]);
  });

  it('a payment for one invoice pays it; part of one leaves it partially paid', async () => {
    const jan = await pay({ clientId: payer, date: '2026-01-20', amount: 50_000, invoiceId: a.jan!.id });
    expect(jan.statusCode, jan.body).toBe(201);
    expect(jan.data).toMatchObject({
      clientId: payer,
      amount: 50_000,
      currency: 'EUR',
      method: 'bank_transfer',
      reference: 'BANK',
      allocations: [
        { invoiceId: a.jan!.id, invoiceNumber: a.jan!.number, amount: 50_000, appliedOn: '2026-01-20' },
      ],
      unallocated: 0,
      voided: null,
    });
    expect(await invoice(a.jan!.id)).toMatchObject({ status: 'paid', amountPaid: 50_000, balance: 0 });

    const part = await pay({ clientId: payer, date: '2026-02-15', amount: 20_000, invoiceId: a.feb!.id });
    expect(part.statusCode, part.body).toBe(201);
    expect(await invoice(a.feb!.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: 20_000,
      balance: 30_000,
    });
  });

  it('a payment naming no invoice pays the oldest due first, and settles it on the day it was received', async () => {
    const rest = await pay({ clientId: payer, date: '2026-03-10', amount: 30_000 });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.data.allocations).toEqual([
      expect.objectContaining({ invoiceId: a.feb!.id, amount: 30_000 }),
    ]);
    expect(await invoice(a.feb!.id)).toMatchObject({ status: 'paid', balance: 0 });
    const [feb] = await t.current.store.db.select().from(invoices).where(sql`${invoices.id} = ${a.feb!.id}`);
    expect(feb!.settledOn).toBe('2026-03-10');
    const mar = await pay({ clientId: payer, date: '2026-03-15', amount: 20_000, invoiceId: a.mar!.id });
    expect(mar.statusCode).toBe(201);
    expect(await invoice(a.mar!.id)).toMatchObject({ status: 'partially_paid', balance: 30_000 });
  });

  it('refuses a payment above the open balance + 10 % with 422, writing nothing', async () => {
    const before = await ledger();
    // Open: 500.00 → at most 550.00.
    const over = await pay({ clientId: credit, date: '2026-04-02', amount: 55_001 });
    expect(expectProblem(over, 422).code).toBe('PAYMENT_EXCEEDS_LIMIT');
    expect(over.data.detail).toContain('55000');
    expect(await ledger()).toEqual(before);
  });

  it('keeps an over-payment within the limit as client credit; voiding it makes the invoice owe again', async () => {
    const most = await pay({ clientId: credit, date: '2026-04-02', amount: 55_000 });
    expect(most.statusCode, most.body).toBe(201);
    expect(most.data).toMatchObject({
      allocations: [expect.objectContaining({ invoiceId: c.apr!.id, amount: 50_000 })],
      unallocated: 5_000,
    });
    expect(await invoice(c.apr!.id)).toMatchObject({ status: 'paid', balance: 0 });

    // Paid: naming it again is refused for what it is, and nothing more can be taken.
    const before = await ledger();
    const again = await pay({ clientId: credit, date: '2026-04-02', amount: 1_000, invoiceId: c.apr!.id });
    expect(expectProblem(again, 409).code).toBe('INVOICE_PAID');
    expect(expectProblem(await pay({ clientId: credit, date: '2026-04-02', amount: 1 }), 422).code).toBe(
      'PAYMENT_EXCEEDS_LIMIT',
    );
    expect(await ledger()).toEqual(before);

    const voided = await api('POST', `/api/v1/payments/${most.data.id}/void`, { reason: 'Bounced' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.data).toMatchObject({
      allocations: [],
      unallocated: 0,
      voided: {
        reason: 'Bounced',
        allocations: [
          { invoiceId: c.apr!.id, invoiceNumber: c.apr!.number, amount: 50_000, appliedOn: '2026-04-02' },
        ],
      },
    });
    expect(await invoice(c.apr!.id)).toMatchObject({ status: 'issued', amountPaid: 0, balance: 50_000 });
    expect(
      expectProblem(await api('POST', `/api/v1/payments/${most.data.id}/void`, { reason: 'x' }), 409).code,
    ).toBe('CONFLICT');

    const real = await pay({ clientId: credit, date: '2026-04-03', amount: 52_000 });
    expect(real.data).toMatchObject({ unallocated: 2_000 });
    expect(await invoice(c.apr!.id)).toMatchObject({ status: 'paid' });
  });

  it('lists payments by client, newest first, voided ones on request', async () => {
    const list = await api('GET', `/api/v1/payments?client_id=${credit}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.data.items.map((p: any) => p.amount)).toEqual([52_000]);
    const all = await api('GET', `/api/v1/payments?client_id=${credit}&include_voided=true`);
    expect(all.data.items.map((p: any) => [p.amount, p.voided !== null])).toEqual([
      [52_000, false],
      [55_000, true],
    ]);
    const paged = await api('GET', `/api/v1/payments?client_id=${payer}&limit=2`);
    expect(paged.data.items.map((p: any) => p.date)).toEqual(['2026-03-15', '2026-03-10']);
    const next = await api(
      'GET',
      `/api/v1/payments?client_id=${payer}&limit=2&cursor=${paged.data.nextCursor}`,
    );
    expect(next.data.items.map((p: any) => p.date)).toEqual(['2026-02-15', '2026-01-20']);
    expect(next.data.nextCursor).toBeNull();
  });

  it('receivables as of 15 April: open balances in their buckets, credit, days to pay and share paid late', async () => {
    const res = await api('GET', '/api/v1/receivables?as_of=2026-04-15');
    expect(res.statusCode, res.body).toBe(200);
    const of = (id: string) => res.data.clients.find((x: any) => x.clientId === id);
    const aging = (current: number, d30: number, d60: number, d90: number, over: number) => ({
      current,
      days1to30: d30,
      days31to60: d60,
      days61to90: d90,
      over90: over,
      total: current + d30 + d60 + d90 + over,
    });
    // Late Ltd: January due 31 Jan is 74 days past, February (3 Mar) 43, March (31 Mar) 15.
    expect(of(late)).toMatchObject({
      openBalance: 150_000,
      credit: 0,
      overdue: 150_000,
      aging: aging(0, 50_000, 50_000, 50_000, 0),
      openInvoices: 3,
      paidInvoices: 0,
      averageDaysToPay: null,
      lateShare: null,
      overdueInvoices: 3,
    });
    // The payer: 19 days for January, 37 for February (settled 10 March, a week late) → 28 on average.
    expect(of(payer)).toMatchObject({
      openBalance: 30_000,
      overdue: 30_000,
      aging: aging(0, 30_000, 0, 0, 0),
      openInvoices: 1,
      paidInvoices: 2,
      averageDaysToPay: 28,
      paidLate: 1,
      lateShare: 0.5,
      overdueInvoices: 1,
    });
    // Paid two days after issue; 20.00 over-paid is its credit.
    expect(of(credit)).toMatchObject({
      openBalance: 0,
      credit: 2_000,
      paidInvoices: 1,
      averageDaysToPay: 2,
      paidLate: 0,
    });
    expect(res.data.clients.map((x: any) => x.clientId)).toEqual([late, payer, credit]);
    expect(res.data).toMatchObject({
      asOf: '2026-04-15',
      currency: 'EUR',
      total: {
        openBalance: 180_000,
        credit: 2_000,
        overdue: 180_000,
        aging: aging(0, 80_000, 50_000, 50_000, 0),
      },
    });
  });

  it('the aging report as of an earlier day counts only what was issued and paid by then', async () => {
    const res = await api('GET', '/api/v1/receivables/aging?as_of=2026-03-12');
    expect(res.statusCode, res.body).toBe(200);
    // Late Ltd's January is 40 days past due, its February 9; March is not due yet; the payer's March
    // is open whole (its part payment came on the 15th); the over-payer was not billed yet.
    expect(res.data.total).toEqual({
      current: 100_000,
      days1to30: 50_000,
      days31to60: 50_000,
      days61to90: 0,
      over90: 0,
      total: 200_000,
    });
    expect(res.data.clients.map((x: any) => [x.clientId, x.total])).toEqual([
      [late, 150_000],
      [payer, 50_000],
    ]);
    expect(res.data.invoices.map((i: any) => [i.number, i.daysPastDue, i.bucket, i.balance])).toEqual([
      [b.jan!.number, 40, 'days31to60', 50_000],
      [b.feb!.number, 9, 'days1to30', 50_000],
      [a.mar!.number, 0, 'current', 50_000],
      [b.mar!.number, 0, 'current', 50_000],
    ]);
    const later = await api('GET', `/api/v1/receivables/aging?as_of=2026-05-15&client_id=${late}`);
    // 104 days: over 90.
    expect(later.data.invoices[0]).toMatchObject({
      number: b.jan!.number,
      daysPastDue: 104,
      bucket: 'over90',
    });
  });

  it('applies client credit to the next invoice', async () => {
    c.may = await billAndIssue(t.current, billing, credit, '2026-05', '2026-05-01');
    const [p] = (await api('GET', `/api/v1/payments?client_id=${credit}`)).data.items;
    const applied = await api('POST', `/api/v1/payments/${p.id}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.data.unallocated).toBe(0);
    expect(applied.data.allocations.map((x: any) => [x.invoiceId, x.amount])).toEqual([
      [c.apr!.id, 50_000],
      [c.may!.id, 2_000],
    ]);
    expect(await invoice(c.may!.id)).toMatchObject({ status: 'partially_paid', balance: 48_000 });
    // Money entered with a day before the invoice existed is applied on its issue day.
    const early = await pay({ clientId: credit, date: '2026-04-25', amount: 1_000, invoiceId: c.may!.id });
    expect(early.data.allocations).toEqual([
      expect.objectContaining({ amount: 1_000, appliedOn: '2026-05-01' }),
    ]);
    expect(expectProblem(await api('POST', `/api/v1/payments/${p.id}/apply`, {}), 409).code).toBe('CONFLICT');
  });

  it('bad input gets 4xx problem+json and writes nothing', async () => {
    const draft = await api('POST', '/api/v1/billing/runs', {
      period: '2026-06',
      dryRun: false,
      clientId: credit,
    });
    const draftId = draft.data.clients[0].invoiceId as string;
    const before = await ledger();
    const good = { clientId: payer, date: '2026-04-01', amount: 1_000 };
    for (const [body, status, field] of [
      [{ ...good, amount: 0 }, 400, 'body.amount'],
      [{ ...good, amount: -500 }, 400, 'body.amount'],
      [{ ...good, amount: 10.5 }, 400, 'body.amount'],
      [{ ...good, date: '2026-02-30' }, 400, 'body.date'],
      [{ ...good, date: '15/04/2026' }, 400, 'body.date'],
      [{ ...good, date: '2099-01-01' }, 400, 'body.date'],
      [{ ...good, method: 'bitcoin' }, 400, 'body.method'],
      [{ ...good, extra: true }, 400, 'body'],
      [{ ...good, clientId: 'nope' }, 400, 'body.clientId'],
    ] as const) {
      const problem = expectProblem(await pay(body), status);
      expect(problem.errors?.map((e) => e.field).join(' '), JSON.stringify(body)).toContain(field);
    }
    expect(
      expectProblem(await pay({ ...good, clientId: '01900000-0000-7000-8000-0000000000ff' }), 404).code,
    ).toBe('CLIENT_NOT_FOUND');
    // Another client's invoice, and a draft, are refused for what they are.
    expect(expectProblem(await pay({ ...good, invoiceId: b.jan!.id }), 404).code).toBe('INVOICE_NOT_FOUND');
    expect(expectProblem(await pay({ ...good, clientId: credit, invoiceId: draftId }), 409).code).toBe(
      'INVOICE_NOT_ISSUED',
    );
    expectProblem(await api('GET', '/api/v1/receivables?as_of=2026-13-01'), 400);
    expectProblem(
      await api('POST', '/api/v1/payments/01900000-0000-7000-8000-0000000000ff/void', { reason: 'x' }),
      404,
    );
    expectProblem(await api('POST', `/api/v1/payments/${'0'.repeat(8)}/void`, { reason: 'x' }), 400);
    expect(await ledger()).toEqual(before);
  });

  it('is for billing staff: technicians are refused, portal users find nothing', async () => {
    const tech = await buildUser(t.current, 'technician');
    expectProblem(await api('GET', '/api/v1/receivables', undefined, tech), 403);
    expectProblem(
      await api(
        'POST',
        '/api/v1/payments',
        { clientId: payer, date: '2026-04-01', amount: 1, method: 'cash' },
        tech,
      ),
      403,
    );
    const portal = await buildUser(t.current, 'portal', { clientId: payer });
    expectProblem(await api('GET', `/api/v1/payments?client_id=${payer}`, undefined, portal), 404);
    expectProblem(await api('GET', '/api/v1/receivables/aging', undefined, portal), 404);
  });
});
