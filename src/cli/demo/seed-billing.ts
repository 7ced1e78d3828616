/**
 * `keel seed --demo`, billing: a year of it, as the billing admin would have done it month by month.
 * For each of the 12 months before the current one, and the current one, a billing run for the
 * period (recurring fees in advance, the approved work of the months before in arrears), its drafts
 * issued on the period's first day; then two corrections by credit note, and the payments received
 * since (./payers.ts): most within terms, some late, one in part, one invoice disputed for more than
 * 90 days, one overpaid. The current period's invoices are issued and unpaid, except the hybrid
 * clients', which wait as drafts for the service manager's review of their out-of-scope work.
 *
 * Everything goes through the billing and receivables services. Idempotent, and a run cut off is
 * completed: a period counts as billed once a run for it succeeded, a draft of a past period is
 * issued, a credit note is found by its client and reason, a payment by its client and reference.
 */
import type { Keel } from '../../app.js';
import { addDays } from '../../domain/agreements/dates.js';
import { addPeriods, periodStart } from '../../domain/billing/index.js';
import type { Invoice } from '../../modules/billing/index.js';
import { staffScope } from '../../platform/auth/principal.js';
import { type BilledInvoice, creditPlans, type PlannedPayment, planPayments } from './payers.js';
import type { DemoClientRef } from './seed-agreements.js';
import { demoMsp } from './users.js';
import { workMonths } from './work.js';

type ListedInvoice = Omit<Invoice, 'lines'>;

export type BillingTally = {
  runs: number;
  issued: number;
  creditNotes: number;
  payments: number;
  /** Clients a run could not bill, in its words. */
  problems: string[];
};

/**
 * The day the MSP issues a period's invoices, and an instant on it: the run at 10:00 UTC, after the
 * last week's time was approved (./work.ts), then the issue at 11:00.
 */
const issueDay = (period: string) => periodStart(period);
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** The current period's drafts the admin holds back: hybrid clients' out-of-scope work is reviewed first. */
const heldBack = (ref: DemoClientRef) => ref.spec.kind === 'hybrid';

/** Every invoice and credit note the query selects, page by page. */
async function allInvoices(
  keel: Keel,
  query: { client_id?: string; status?: 'draft'; kind?: 'invoice' | 'credit_note' },
) {
  const out: ListedInvoice[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await keel.billing.service.listInvoices(staffScope, { limit: 200, cursor, ...query });
    out.push(...res.items);
    if (!res.nextCursor) return out;
    cursor = res.nextCursor;
  }
  throw new Error('Too many invoices to list.');
}

/** Every payment's client and reference, voided ones too (a voided payment was entered on purpose). */
async function paymentKeys(keel: Keel): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await keel.receivables.payments.list({ limit: 200, cursor, include_voided: true });
    for (const p of res.items) keys.add(`${p.clientId}|${p.reference}`);
    if (!res.nextCursor) return keys;
    cursor = res.nextCursor;
  }
  throw new Error('Too many payments to list.');
}

/**
 * Whom a run bills: every live client when they are all demo clients (one run per period, as the
 * billing admin runs it), else each demo client on its own, so a client that is not demo data is
 * never billed for the past.
 */
async function runScopes(keel: Keel, refs: readonly DemoClientRef[]): Promise<(string | null)[]> {
  const demo = new Set(refs.map((r) => r.id));
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await keel.clients.service.listClients(staffScope, { limit: 200, cursor });
    if (res.items.some((c) => !c.archived && !demo.has(c.id))) return refs.map((r) => r.id);
    if (!res.nextCursor) return [null];
    cursor = res.nextCursor;
  }
  throw new Error('Too many clients to list.');
}

/** The runs still to do: (period, client or null for all) without a run that succeeded. */
async function runsToDo(keel: Keel, refs: readonly DemoClientRef[], periods: readonly string[]) {
  const scopes = await runScopes(keel, refs);
  const done = new Set(
    (await keel.billing.service.listRuns(100_000))
      .filter((r) => r.status === 'succeeded' && !r.dryRun)
      .map((r) => `${r.period}|${r.clientId}`),
  );
  return periods.flatMap((period) =>
    scopes.filter((clientId) => !done.has(`${period}|${clientId}`)).map((clientId) => ({ period, clientId })),
  );
}

/** Drafts of demo clients to issue: every past period's, and the current one's but those held back. */
async function draftsToIssue(keel: Keel, refs: readonly DemoClientRef[], periods: readonly string[]) {
  const byId = new Map(refs.map((r) => [r.id, r]));
  const current = periods.at(-1)!;
  const drafts = (await allInvoices(keel, { status: 'draft', kind: 'invoice' })).filter((i) => {
    const ref = byId.get(i.clientId);
    return ref && periods.includes(i.period) && !(i.period === current && heldBack(ref));
  });
  // In the order the admin issues them, so numbers follow periods and client names.
  const name = (i: ListedInvoice) => byId.get(i.clientId)!.spec.name;
  return drafts.sort((a, b) => a.period.localeCompare(b.period) || name(a).localeCompare(name(b)));
}

type CreditTarget = {
  plan: (typeof creditPlans)[number];
  ref: DemoClientRef;
  invoice: Invoice;
  lineId: string;
  net: number;
};

/**
 * The credit notes still to issue: for each plan, the client's issued invoice of that period (or
 * the latest one before it) with a line of the kind to correct, unless a note with its reason exists.
 */
async function creditsToIssue(
  keel: Keel,
  refs: readonly DemoClientRef[],
  current: string,
): Promise<CreditTarget[]> {
  const out: CreditTarget[] = [];
  for (const plan of creditPlans) {
    const ref = refs.find((r) => r.spec.name === plan.client);
    if (!ref) continue;
    const own = await allInvoices(keel, { client_id: ref.id });
    if (own.some((i) => i.kind === 'credit_note' && i.notes === plan.reason)) continue;
    const target = addPeriods(current, -plan.periodsAgo);
    const candidates = own
      .filter(
        (i) => i.kind === 'invoice' && i.period <= target && i.status !== 'draft' && i.status !== 'void',
      )
      .sort((a, b) => b.period.localeCompare(a.period));
    for (const c of candidates) {
      const invoice = await keel.billing.service.getInvoice(staffScope, c.id);
      const line = invoice.lines.find((l) => l.kind === plan.line && l.net > 0);
      if (!line) continue;
      out.push({ plan, ref, invoice, lineId: line.id, net: Math.max(1, Math.round(line.net * plan.share)) });
      break;
    }
  }
  return out;
}

/** The payments the plan says were received by now and that are not recorded yet. */
async function paymentsToRecord(
  keel: Keel,
  refs: readonly DemoClientRef[],
  periods: readonly string[],
  now: Date,
): Promise<PlannedPayment[]> {
  const byId = new Map(refs.map((r) => [r.id, r]));
  const issued: BilledInvoice[] = (await allInvoices(keel, { kind: 'invoice' })).flatMap((i) => {
    const ref = byId.get(i.clientId);
    if (!ref || !i.number || !i.issueDate || !i.dueDate || !periods.includes(i.period)) return [];
    if (i.status === 'draft' || i.status === 'void') return [];
    return [
      {
        id: i.id,
        client: ref.spec,
        period: i.period,
        number: i.number,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        balance: i.balance,
      },
    ];
  });
  const today = now.toISOString().slice(0, 10);
  const recorded = await paymentKeys(keel);
  const ids = new Map(refs.map((r) => [r.spec.name, r.id]));
  return planPayments(issued, periods.at(-1)!, today).filter(
    (p) => !recorded.has(`${ids.get(p.client.name)}|${p.reference}`),
  );
}

/** Whether any period is still to bill, a draft to issue, a credit note or a payment to record. */
export async function billingPending(
  keel: Keel,
  refs: readonly DemoClientRef[],
  now = new Date(),
): Promise<boolean> {
  if (!refs.length) return false;
  const periods = workMonths(now.getTime());
  if ((await runsToDo(keel, refs, periods)).length) return true;
  if ((await draftsToIssue(keel, refs, periods)).length) return true;
  if ((await creditsToIssue(keel, refs, periods.at(-1)!)).length) return true;
  return (await paymentsToRecord(keel, refs, periods, now)).length > 0;
}

export async function seedBilling(
  keel: Keel,
  refs: readonly DemoClientRef[],
  log: (line: string) => void,
  now = new Date(),
): Promise<BillingTally> {
  const tally: BillingTally = { runs: 0, issued: 0, creditNotes: 0, payments: 0, problems: [] };
  if (!refs.length) return tally;
  const billing = keel.billing.service;
  // Invoices name who issues them: the demo MSP, unless someone has named a seller already.
  if (!(await billing.getSettings()).sellerName.trim())
    await billing.updateSettings({
      sellerName: demoMsp.name,
      sellerAddress: {
        line1: '14 Grand Canal Quay',
        city: 'Dublin',
        postalCode: 'D02 X576',
        country: 'Ireland',
      },
      sellerEmail: `accounts@${demoMsp.domain}`,
      sellerTaxId: 'IE 3481920LH',
      sellerPhone: '+353 1 555 0142',
    });
  const periods = workMonths(now.getTime());
  const names = new Map(refs.map((r) => [r.id, r.spec.name]));

  // Month by month: the run on the 1st, then its drafts issued that day, before the next month's run.
  const runs = await runsToDo(keel, refs, periods);
  for (const period of periods) {
    const mine = runs.filter((r) => r.period === period);
    for (const run of mine) {
      const result = await billing.runBilling(
        { period, clientId: run.clientId, dryRun: false },
        { trigger: 'cli', now: at(issueDay(period), 10) },
      );
      tally.runs++;
      for (const p of result.problems)
        tally.problems.push(`${period} ${names.get(p.clientId) ?? p.clientId}: ${p.error}`);
    }
    const drafts = (await draftsToIssue(keel, refs, periods)).filter((d) => d.period === period);
    for (const d of drafts) {
      await billing.issueInvoice(d.id, { issueDate: issueDay(period) }, at(issueDay(period), 11));
      tally.issued++;
    }
    if (mine.length || drafts.length)
      log(
        `Billing ${period}: ${mine.length ? 'run, ' : ''}${drafts.length} invoices issued on ${issueDay(period)}`,
      );
  }

  for (const c of await creditsToIssue(keel, refs, periods.at(-1)!)) {
    const day = addDays(c.invoice.issueDate!, 6);
    await billing.createCreditNote(
      c.invoice.id,
      { kind: 'lines', lines: [{ lineId: c.lineId, net: c.net }], issueDate: day, reason: c.plan.reason },
      at(day, 10),
    );
    tally.creditNotes++;
    log(`Credit note for ${c.ref.spec.name}, invoice ${c.invoice.number}: ${c.plan.reason}`);
  }

  const ids = new Map(refs.map((r) => [r.spec.name, r.id]));
  const payments = await paymentsToRecord(keel, refs, periods, now);
  if (payments.length) log(`Payments: ${payments.length} to record…`);
  for (const p of payments) {
    await keel.receivables.payments.record(
      {
        clientId: ids.get(p.client.name)!,
        date: p.date,
        amount: p.amount,
        method: p.method,
        reference: p.reference,
        note: p.note,
        invoiceId: p.invoiceId,
      },
      now,
    );
    tally.payments++;
  }
  return tally;
}

export type BillingCounts = {
  periods: string[];
  invoices: number;
  drafts: number;
  creditNotes: number;
  payments: number;
  receivables: Awaited<ReturnType<Keel['receivables']['receivables']['summary']>>;
};

/** The demo clients' invoices, credit notes and payments of the year, and receivables as of today. */
export async function billingCounts(
  keel: Keel,
  refs: readonly DemoClientRef[],
  now = new Date(),
): Promise<BillingCounts> {
  const periods = workMonths(now.getTime());
  const demo = new Set(refs.map((r) => r.id));
  const all = (await allInvoices(keel, {})).filter((i) => demo.has(i.clientId) && periods.includes(i.period));
  const invoices = all.filter((i) => i.kind === 'invoice' && i.status !== 'void');
  let payments = 0;
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await keel.receivables.payments.list({ limit: 200, cursor });
    payments += res.items.filter((p) => demo.has(p.clientId)).length;
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return {
    periods,
    invoices: invoices.length,
    drafts: invoices.filter((i) => i.status === 'draft').length,
    creditNotes: all.filter((i) => i.kind === 'credit_note').length,
    payments,
    receivables: await keel.receivables.receivables.summary({}, now),
  };
}
