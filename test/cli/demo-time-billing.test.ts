import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { demoClients } from '../../src/cli/demo/clients.js';
import {
  type BilledInvoice,
  creditPlans,
  disputingPayer,
  latePayers,
  overpayer,
  partialPayer,
  planPayments,
} from '../../src/cli/demo/payers.js';
import { demoStaff } from '../../src/cli/demo/users.js';
import { type PlannedEntry, planWork, type WorkTicket, workMonths } from '../../src/cli/demo/work.js';
import { seedDemo as seedDemoUpTo } from '../../src/cli/seed-demo.js';
import { addDays } from '../../src/domain/agreements/dates.js';
import { addPeriods, periodStart } from '../../src/domain/billing/index.js';
import type { Invoice } from '../../src/modules/billing/index.js';
import type { TimeEntry } from '../../src/modules/time/index.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { useTestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';

// The stages after this file's subject are left out: a full seed takes a minute or more.
const seedDemo = (keel: Parameters<typeof seedDemoUpTo>[0], log: (line: string) => void) =>
  seedDemoUpTo(keel, log, { upTo: 'billing' });

const MINUTE = 60_000;
const DAY = 86_400_000;
const specOf = (name: string) => demoClients.find((c) => c.name === name)!;
const tom = demoStaff.find((u) => u.name === 'Tom Becker')!.email;
const priya = demoStaff.find((u) => u.name === 'Priya Raman')!.email;

/** Monday 00:00 UTC of an instant's week. */
const mondayOf = (t: number) => {
  const day = Math.floor(t / DAY);
  return (day - ((((day + 4) % 7) + 6) % 7)) * DAY;
};

describe('the demo time sheets (planWork)', () => {
  // A Monday late in the month, and a Wednesday early in one, across a new year.
  const nows = [Date.parse('2026-11-23T17:15:00Z'), Date.parse('2027-01-06T08:40:00Z')];
  const ticketsAt = (now: number): WorkTicket[] => [
    {
      id: '019a0000-0000-7000-8000-000000000001',
      client: 'Brightwater Dental Group',
      assignee: tom,
      source: 'email',
      subject: 'Printer jams',
      createdAt: now - 10 * DAY,
      resolvedAt: now - 10 * DAY + 3 * 3_600_000,
    },
    {
      id: '019a0000-0000-7000-8000-000000000002',
      client: 'Harborview Credit Union',
      assignee: priya,
      source: 'alert',
      subject: 'Disk full on HCU-FS01',
      createdAt: now - 20 * DAY,
      // Resolved quicker than the usual effort: the entry is what fitted.
      resolvedAt: now - 20 * DAY + 12 * MINUTE,
    },
    {
      id: '019a0000-0000-7000-8000-000000000003',
      client: 'Kestrel Legal LLP',
      assignee: null,
      source: 'portal',
      subject: 'Unassigned',
      createdAt: now - 5 * DAY,
      resolvedAt: null,
    },
  ];

  it.each(nows)('is the same plan every time (now = %s)', (now) => {
    const input = { now, clients: demoClients, tickets: ticketsAt(now) };
    expect(planWork(input)).toEqual(planWork(input));
  });

  it.each(nows)('gives a sensible year: volume, people, never two things at once (now = %s)', (now) => {
    const plan = planWork({ now, clients: demoClients, tickets: ticketsAt(now) });
    expect(plan.length).toBeGreaterThanOrEqual(1_200);
    expect(plan.length).toBeLessThanOrEqual(3_000);
    const first = Date.parse(`${workMonths(now)[0]}-01T00:00:00Z`);
    for (const e of plan) {
      expect(e.start).toBeGreaterThanOrEqual(first - DAY);
      expect(e.end).toBeLessThanOrEqual(now - 5 * MINUTE);
      expect(e.end - e.start).toBeGreaterThanOrEqual(5 * MINUTE);
      expect(e.end - e.start).toBeLessThanOrEqual(6 * 60 * MINUTE);
      expect(e.start % MINUTE).toBe(0);
      expect(demoStaff.map((u) => u.email)).toContain(e.technician);
      // Exactly one subject, as the time service requires.
      expect([e.ticketId, e.activity].filter((x) => x !== null)).toHaveLength(1);
    }
    for (const who of demoStaff.map((u) => u.email)) {
      const own = plan.filter((e) => e.technician === who).sort((a, b) => a.start - b.start);
      for (let i = 1; i < own.length; i++) expect(own[i]!.start).toBeGreaterThanOrEqual(own[i - 1]!.end);
    }
    // Every month of the year has work, the current one so far included.
    const months = new Set(plan.map((e) => new Date(e.start).toISOString().slice(0, 7)));
    for (const m of workMonths(now).slice(0, -1)) expect(months.has(m), m).toBe(true);
  });

  it.each(nows)(
    'works for clients with signed agreements, from their start, and never for prospects (now = %s)',
    (now) => {
      const plan = planWork({ now, clients: demoClients, tickets: [] });
      const byClient = new Map<string, PlannedEntry[]>();
      for (const e of plan) if (e.client) byClient.set(e.client, [...(byClient.get(e.client) ?? []), e]);
      for (const spec of demoClients) {
        const own = byClient.get(spec.name) ?? [];
        if (spec.kind === 'prospect' || spec.status !== 'active') expect(own, spec.name).toHaveLength(0);
        if (spec.kind === 'contract') expect(own.length, spec.name).toBeGreaterThanOrEqual(30);
        const from = spec.intendedAgreements
          .filter((a) => a.status === 'active')
          .map((a) => a.startsOn)
          .sort()[0];
        for (const e of own)
          expect(e.start, spec.name).toBeGreaterThanOrEqual(Date.parse(`${from}T00:00:00Z`) - DAY);
      }
      // Realistic work types, after hours now and then, the staff's own work, and reviews the plan includes.
      const types = new Set(plan.map((e) => e.workType));
      for (const t of ['remote', 'onsite', 'after-hours', 'project', 'internal'])
        expect(types.has(t), t).toBe(true);
      for (const e of plan.filter((x) => x.workType === 'internal')) expect(e.client).toBeNull();
      // The block of hours runs out at quarter end: that work is overage.
      const block = specOf('Fairway Insurance Brokers').intendedAgreements.find(
        (a) => a.kind === 'block-hours' && !a.ending,
      )!;
      const drawn = new Map<string, number>();
      for (const e of plan)
        if (e.client === 'Fairway Insurance Brokers' && ['remote', 'onsite'].includes(e.workType)) {
          const month = new Date(e.start).toISOString().slice(0, 7);
          drawn.set(month, (drawn.get(month) ?? 0) + (e.end - e.start) / MINUTE);
        }
      expect([...drawn.values()].some((m) => m > block.blockHours! * 60)).toBe(true);
      expect([...drawn.values()].some((m) => m < block.blockHours! * 60)).toBe(true);
      const reviews = plan.filter((e) => e.activity === 'Quarterly business review');
      expect(reviews.length).toBeGreaterThanOrEqual(10);
      for (const e of reviews) expect(e.override?.billable).toBe(false);
    },
  );

  it.each(nows)(
    'is approved weekly; the last two weeks wait in the queue, this week is draft (now = %s)',
    (now) => {
      const plan = planWork({ now, clients: demoClients, tickets: ticketsAt(now) });
      const weeksAgo = (e: PlannedEntry) => Math.round((mondayOf(now) - mondayOf(e.start)) / (7 * DAY));
      for (const e of plan) {
        const ago = weeksAgo(e);
        if (ago === 0) expect(e.status).toBe('draft');
        if (ago >= 3) expect(e.status).toBe('approved');
        if (e.status === 'rejected') expect(ago).toBe(1);
        if (e.status === 'draft') continue;
        expect(e.submittedAt!).toBeGreaterThanOrEqual(e.end);
        expect(e.submittedAt!).toBeLessThan(now);
        if (e.status === 'submitted') expect(e.reviewedAt).toBeNull();
        else {
          expect(e.reviewedAt!).toBeGreaterThan(e.submittedAt!);
          expect(e.reviewedAt!).toBeLessThan(now);
        }
        // Approved before the next month's billing run (the 1st, 10:00 UTC) when the month is over.
        const nextMonth = Date.parse(
          `${periodStart(addPeriods(new Date(e.start).toISOString().slice(0, 7), 1))}T00:00:00Z`,
        );
        if (e.status === 'approved' && nextMonth + 12 * 3_600_000 < now)
          expect(e.reviewedAt!).toBeLessThanOrEqual(nextMonth + 10 * 3_600_000);
      }
      const count = (s: string) => plan.filter((e) => e.status === s).length;
      expect(count('submitted')).toBeGreaterThanOrEqual(5);
      expect(count('rejected')).toBeGreaterThanOrEqual(2);
      expect(count('approved') / plan.length).toBeGreaterThan(0.9);
    },
  );

  it('logs a ticket’s work by its assignee, after it came in and before it was resolved', () => {
    const now = nows[0]!;
    const tickets = ticketsAt(now);
    const plan = planWork({ now, clients: demoClients, tickets });
    for (const t of tickets) {
      const own = plan.filter((e) => e.ticketId === t.id);
      if (!t.assignee) {
        expect(own).toHaveLength(0);
        continue;
      }
      expect(own).toHaveLength(1);
      expect(own[0]!.technician).toBe(t.assignee);
      expect(own[0]!.start).toBeGreaterThan(t.createdAt);
      expect(own[0]!.end).toBeLessThanOrEqual(t.resolvedAt ?? now);
    }
  });
});

describe('the demo payments (planPayments)', () => {
  const today = '2026-11-23';
  const current = '2026-11';
  let seq = 0;
  const invoice = (client: string, period: string, balance: number, terms = 14): BilledInvoice => {
    const issueDate = periodStart(period);
    return {
      id: `019a0000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
      client: specOf(client),
      period,
      number: `${period.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      issueDate,
      dueDate: addDays(issueDate, terms),
      balance,
    };
  };
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

  it.each([
    ['Brightwater Dental Group', 30],
    ['Kaufmann Elektro GmbH', 14],
    ['Hudson Valley Print Shop', 14],
  ])('%s pays within its %s days, the whole balance, quoting the invoice number', (client, terms) => {
    const inv = invoice(client, '2026-06', 123_456, terms);
    const [p] = planPayments([inv], current, today);
    expect(p!.invoiceId).toBe(inv.id);
    expect(p!.amount).toBe(123_456);
    expect(p!.date > inv.issueDate && p!.date <= inv.dueDate).toBe(true);
    expect(p!.reference).toContain(inv.number);
  });

  it.each(Object.entries(latePayers))(
    '%s pays every invoice %s days after its due date',
    (client, [min, max]) => {
      const invoices = ['2026-03', '2026-04', '2026-05', '2026-06'].map((p) =>
        invoice(client, p, 50_000, 30),
      );
      const paid = planPayments(invoices, current, today);
      expect(paid).toHaveLength(4);
      for (const p of paid) {
        const late = days(invoices.find((i) => i.id === p.invoiceId)!.dueDate, p.date);
        expect(late).toBeGreaterThanOrEqual(min);
        expect(late).toBeLessThanOrEqual(max);
      }
    },
  );

  it('leaves the current period unpaid, and whatever falls due today or later', () => {
    const now = invoice('Brightwater Dental Group', current, 10_000, 30);
    expect(planPayments([now], current, today)).toEqual([]);
    const late = invoice('Lone Star Title & Escrow', '2026-10', 10_000, 45);
    expect(planPayments([late], current, today)).toEqual([]);
    const settled = invoice('Brightwater Dental Group', '2026-05', 0, 30);
    expect(planPayments([settled], current, today)).toEqual([]);
  });

  it('has one client dispute its latest invoice over 90 days overdue, and pay the others', () => {
    const client = disputingPayer.client;
    const invoices = ['2026-04', '2026-05', '2026-07', '2026-08', '2026-09'].map((p) =>
      invoice(client, p, 20_000),
    );
    const paid = new Set(planPayments(invoices, current, today).map((p) => p.invoiceId));
    // 2026-08-15 is 100 days before today; 2026-09-15, 69.
    expect(invoices.filter((i) => !paid.has(i.id)).map((i) => i.period)).toEqual(['2026-08']);
  });

  it('has one client pay half of its latest invoice a month overdue, in whole units rounded down', () => {
    const client = partialPayer.client;
    const invoices = [invoice(client, '2026-08', 30_000), invoice(client, '2026-09', 12_345)];
    const paid = planPayments(invoices, current, today);
    const part = paid.find((p) => p.invoiceId === invoices[1]!.id)!;
    expect(part.amount).toBe(6_100);
    expect(part.reference).toMatch(/\(part\)$/);
    expect(paid.find((p) => p.invoiceId === invoices[0]!.id)!.amount).toBe(30_000);
  });

  it.each([
    [18_796, 20_000],
    [20_000, 25_000],
  ])('has one client pay last period’s %s as %s: the rest is its credit', (balance, amount) => {
    const inv = invoice(overpayer.client, '2026-10', balance);
    const [p] = planPayments([inv], current, today);
    expect(p!.amount).toBe(amount);
  });

  it('pays in the order the money came in', () => {
    const invoices = demoClients
      .filter((c) => c.kind === 'contract')
      .flatMap((c) => ['2026-07', '2026-08'].map((p) => invoice(c.name, p, 1_000, 30)));
    const dates = planPayments(invoices, current, today).map((p) => p.date);
    expect(dates).toEqual([...dates].sort());
  });
});

async function allEntries(app: App): Promise<TimeEntry[]> {
  const out: TimeEntry[] = [];
  const caller = { userId: '019a0000-0000-7000-8000-000000000000', canApprove: true };
  let cursor: string | undefined;
  for (;;) {
    const page = await app.keel.time.service.list({ limit: 200, cursor }, caller);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

async function allInvoices(app: App): Promise<Omit<Invoice, 'lines'>[]> {
  const out: Omit<Invoice, 'lines'>[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await app.keel.billing.service.listInvoices(staffScope, { limit: 200, cursor });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

async function paymentCount(app: App): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await app.keel.receivables.payments.list({ limit: 200, cursor, include_voided: true });
    n += page.items.length;
    if (!page.nextCursor) return n;
    cursor = page.nextCursor;
  }
}

describe.each(storeKinds)('seedDemo time and billing on %s', (kind) => {
  const app = useTestApp(kind);
  let summary = '';
  const periods = workMonths(Date.now());
  const current = periods.at(-1)!;
  const ids = new Map<string, string>();
  const audited = async () =>
    (await app.current.store.executeSql('select count(*)::int as n from audit_log')).rows[0].n as number;

  it('seeds a year of time entries through entitlement, mostly approved, some still in the queue', async () => {
    summary = await seedDemo(app.current.keel, () => {});
    const clients = await app.current.keel.clients.service.listClients(staffScope, { limit: 200 });
    for (const c of clients.items) ids.set(c.name, c.id);
    const entries = await allEntries(app.current);
    expect(entries.length).toBeGreaterThanOrEqual(1_200);
    expect(entries.length).toBeLessThanOrEqual(3_000);
    const count = (f: (e: TimeEntry) => boolean) => entries.filter(f).length;
    expect(count((e) => e.status === 'approved') / entries.length).toBeGreaterThan(0.9);
    expect(count((e) => e.status === 'submitted')).toBeGreaterThanOrEqual(5);
    expect(count((e) => e.status === 'rejected')).toBeGreaterThanOrEqual(2);
    // Entitlement decided: covered, drawn from the block and the retainer, out of scope, T&M, internal.
    for (const k of ['covered', 'block', 'retainer', 'out_of_scope', 'time_materials', 'internal'])
      expect(
        count((e) => e.entitlement.kind === k),
        k,
      ).toBeGreaterThan(0);
    expect(count((e) => e.entitlement.afterHours)).toBeGreaterThan(0);
    expect(count((e) => e.ticketId !== null)).toBeGreaterThan(100);
    // The block ran over some month: overage is billed.
    const fairway = ids.get('Fairway Insurance Brokers')!;
    expect(entries.some((e) => e.clientId === fairway && e.entitlement.kind === 'block' && e.billable)).toBe(
      true,
    );
    expect(summary).toMatch(/Time entries \(GET \/api\/v1\/time-entries\): [\d,]+ by the demo staff since /);
  }, 600_000);

  it('bills every month: a run per period, its invoices issued on the 1st, credit notes and payments', async () => {
    const runs = await app.current.keel.billing.service.listRuns(1_000);
    const invoices = await allInvoices(app.current);
    for (const period of periods) {
      expect(
        runs.some((r) => r.period === period && r.status === 'succeeded'),
        period,
      ).toBe(true);
      const own = invoices.filter((i) => i.period === period && i.kind === 'invoice');
      expect(own.length, period).toBeGreaterThanOrEqual(20);
      const issued = own.filter((i) => i.status !== 'draft');
      for (const i of issued) expect(i.issueDate, period).toBe(periodStart(period));
      // Past periods are all issued; the current one holds back only the hybrid clients' drafts.
      const drafts = own
        .filter((i) => i.status === 'draft')
        .map((i) => i.buyer.name)
        .sort();
      const hybrids = demoClients.filter((c) => c.kind === 'hybrid').map((c) => c.name);
      if (period === current)
        expect(drafts.every((n) => hybrids.includes(n)) && drafts.length > 0).toBe(true);
      else expect(drafts, period).toEqual([]);
    }
    // The current period is issued and unpaid.
    expect(invoices.filter((i) => i.period === current && i.amountPaid > 0)).toEqual([]);
    const notes = invoices.filter((i) => i.kind === 'credit_note');
    expect(notes.map((n) => n.notes).sort()).toEqual(creditPlans.map((c) => c.reason).sort());
    for (const n of notes) {
      const credited = invoices.find((i) => i.id === n.creditedInvoiceId)!;
      expect(credited.amountCredited).toBe(n.total);
      expect(n.issueDate).toBe(addDays(credited.issueDate!, 6));
    }
    expect(summary).toMatch(
      new RegExp(`Billing \\(GET /api/v1/invoices\\): ${periods[0]} to ${current}, [\\d,]+ invoices`),
    );
  }, 120_000);

  it('shows late payers, a partial payment, an invoice 90+ days overdue and an overpayment in receivables', async () => {
    const { total, clients } = await app.current.keel.receivables.receivables.summary({});
    const of = (name: string) => clients.find((c) => c.clientId === ids.get(name))!;
    for (const name of Object.keys(latePayers)) {
      const c = of(name);
      expect(c.paidInvoices, name).toBeGreaterThanOrEqual(6);
      expect(c.lateShare, name).toBe(1);
      expect(c.averageDaysToPay!, name).toBeGreaterThan(40);
      expect(c.overdue, name).toBeGreaterThan(0);
    }
    const prompt = of('Brightwater Dental Group');
    expect(prompt.lateShare).toBe(0);
    expect(prompt.overdue).toBe(0);
    expect(of(disputingPayer.client).aging.over90).toBeGreaterThan(0);
    expect(of(overpayer.client).credit).toBeGreaterThan(0);
    const partial = (await allInvoices(app.current)).filter(
      (i) => i.clientId === ids.get(partialPayer.client) && i.status === 'partially_paid',
    );
    expect(partial).toHaveLength(1);
    expect(of(partialPayer.client).aging.days31to60 + of(partialPayer.client).aging.days61to90).toBe(
      partial[0]!.balance,
    );
    expect(total.aging.current).toBeGreaterThan(0);
    expect(total.aging.days1to30).toBeGreaterThan(0);
    expect(total.aging.days31to60 + total.aging.days61to90).toBeGreaterThan(0);
    expect(total.aging.over90).toBeGreaterThan(0);
    expect(summary).toMatch(/Late payers \(paid late of paid, average days to pay\): /);
  }, 60_000);

  it('leaves the leak report something to show: this month’s work waiting for the next run, entries pending approval', async () => {
    const billing = app.current.keel.billing.service;
    const reports = await Promise.all([
      billing.leakReport(current),
      billing.leakReport(addPeriods(current, -1)),
    ]);
    expect(reports[0]!.unbilledWork.length).toBeGreaterThan(0);
    expect(reports.reduce((n, r) => n + r.pendingApproval.length, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('adds nothing the second time: no entry, invoice, payment or audit record', async () => {
    const before = {
      audit: await audited(),
      entries: (await allEntries(app.current)).length,
      invoices: (await allInvoices(app.current)).length,
      payments: await paymentCount(app.current),
    };
    const lines: string[] = [];
    const again = await seedDemo(app.current.keel, (line) => void lines.push(line));
    expect(again).toMatch(/demo data already present/i);
    expect(lines).toHaveLength(1);
    expect(await audited()).toBe(before.audit);
    expect((await allEntries(app.current)).length).toBe(before.entries);
    expect((await allInvoices(app.current)).length).toBe(before.invoices);
    expect(await paymentCount(app.current)).toBe(before.payments);
  }, 120_000);
});

describe.each(storeKinds)('seedDemo cut off among the time entries, then the payments, on %s', (kind) => {
  const app = useTestApp(kind);

  it('completes the time sheets and the payments, without duplicates', async () => {
    const keel = app.current.keel;
    const imports = keel.time.imports;
    // The first import call goes through, the next one fails: the cut comes between two of them.
    let calls = 0;
    let written = 0;
    const createMany = (async (...args: Parameters<typeof imports.createMany>) => {
      if (++calls > 1) throw new Error('power cut');
      const entries = await imports.createMany(...args);
      written += entries.length;
      return entries;
    }) as typeof imports.createMany;
    await expect(
      seedDemo({ ...keel, time: { ...keel.time, imports: { ...imports, createMany } } }, () => {}),
    ).rejects.toThrow('power cut');
    expect(written).toBeGreaterThan(0);
    expect((await allEntries(app.current)).length).toBe(written);

    const payments = keel.receivables.payments;
    let paid = 0;
    const record = ((...args: Parameters<typeof payments.record>) => {
      if (++paid > 100) throw new Error('power cut');
      return payments.record(...args);
    }) as typeof payments.record;
    const lines: string[] = [];
    await expect(
      seedDemo({ ...keel, receivables: { ...keel.receivables, payments: { ...payments, record } } }, (line) =>
        lines.push(line),
      ),
    ).rejects.toThrow('power cut');
    expect(lines[0]).toMatch(/partly present/);
    expect(await paymentCount(app.current)).toBe(100);

    const summary = await seedDemo(keel, () => {});
    expect(summary).not.toMatch(/Created now: [\d,]+ time entr/);
    expect(summary).toMatch(
      /Created now: 0 billing runs, 0 invoices issued, 0 credit notes, [1-9]\d* payments?\./,
    );
    const stored = await allEntries(app.current);
    expect(new Set(stored.map((e) => `${e.technicianId}|${e.startedAt}`)).size).toBe(stored.length);
    expect(stored.filter((e) => e.status === 'draft').length).toBeLessThan(stored.length / 20);
    const invoices = (await allInvoices(app.current)).filter((i) => i.kind === 'invoice');
    expect(new Set(invoices.map((i) => `${i.clientId}|${i.period}`)).size).toBe(invoices.length);
    const references = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const page = await keel.receivables.payments.list({ limit: 200, cursor, include_voided: true });
      for (const p of page.items) {
        expect(references.has(`${p.clientId}|${p.reference}`), p.reference).toBe(false);
        references.add(`${p.clientId}|${p.reference}`);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(await seedDemo(keel, () => {})).toMatch(/demo data already present/i);
  }, 900_000);
});
