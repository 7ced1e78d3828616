/**
 * Receivables as of a day: what each client owes on its issued invoices, in aging buckets by days
 * past due, its credit, and how it pays (average days from issue to settlement, share settled late).
 *
 * "As of" is honoured: an invoice counts only once issued by that day, and only the payments applied
 * and credit notes issued by that day reduce it — so the aging of the last month-end can be
 * reproduced later. A client's credit is what payments received by that day still hold unapplied
 * today, plus credit notes beyond what their invoices owed (a paid invoice credited).
 */
import { and, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import {
  type AgingBucket,
  type AgingTotals,
  aging,
  agingBucket,
  daysPastDue,
  invoiceBalance,
  paymentBehaviour,
  type Settlement,
} from '../../domain/billing/index.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { invoices, paymentAllocations, payments } from './billing.tables.js';
import type { ReceivablesPorts } from './receivables.ports.js';
import { paymentVoids } from './receivables.tables.js';
import { readSettings } from './settings.service.js';
import { todayIn } from './today.js';

export type AgingAmounts = {
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
};

const bucketKeys: Record<AgingBucket, Exclude<keyof AgingAmounts, 'total'>> = {
  current: 'current',
  '1-30': 'days1to30',
  '31-60': 'days31to60',
  '61-90': 'days61to90',
  '90+': 'over90',
};

const amounts = (t: AgingTotals | undefined): AgingAmounts => ({
  current: t?.current ?? 0,
  days1to30: t?.['1-30'] ?? 0,
  days31to60: t?.['31-60'] ?? 0,
  days61to90: t?.['61-90'] ?? 0,
  over90: t?.['90+'] ?? 0,
  total: t?.total ?? 0,
});

export type ClientReceivable = {
  clientId: string;
  clientName: string;
  openBalance: number;
  /** Over-payments not yet applied to an invoice. */
  credit: number;
  /** Open balance past its due date. */
  overdue: number;
  aging: AgingAmounts;
  openInvoices: number;
  paidInvoices: number;
  /** Mean days from issue to settlement over invoices settled by payment; null before the first. */
  averageDaysToPay: number | null;
  paidLate: number;
  /** paidLate / paidInvoices (0–1); null before the first paid invoice. */
  lateShare: number | null;
  overdueInvoices: number;
};

export type OpenInvoiceAging = {
  invoiceId: string;
  number: string | null;
  clientId: string;
  clientName: string;
  issueDate: string;
  dueDate: string;
  total: number;
  balance: number;
  daysPastDue: number;
  bucket: Exclude<keyof AgingAmounts, 'total'>;
};

export type ReceivablesQuery = { asOf?: string; clientId?: string };

type IssuedInvoice = {
  id: string;
  clientId: string;
  number: string | null;
  issueDate: string;
  dueDate: string;
  total: number;
  paid: number;
  balance: number;
  /** Credit notes beyond what the invoice still owed: owed back to the client. */
  clientCredit: number;
  settledOn: string | null;
};

/** Every invoice issued by `asOf` (not void), with the money applied to it by that day. */
async function issuedAsOf(db: DbOrTx, asOf: string, clientId?: string): Promise<IssuedInvoice[]> {
  const rows = await db
    .select({
      id: invoices.id,
      clientId: invoices.clientId,
      number: invoices.number,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      total: invoices.total,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['issued', 'partially_paid', 'paid']),
        lte(invoices.issueDate, asOf),
        clientId ? eq(invoices.clientId, clientId) : undefined,
      ),
    );
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const allocations = await db
    .select({
      invoiceId: paymentAllocations.invoiceId,
      date: paymentAllocations.appliedOn,
      amount: paymentAllocations.amount,
    })
    .from(paymentAllocations)
    .where(
      and(
        lte(paymentAllocations.appliedOn, asOf),
        clientId ? eq(paymentAllocations.clientId, clientId) : undefined,
      ),
    );
  const credits = await db
    .select({ invoiceId: invoices.creditedInvoiceId, date: invoices.issueDate, amount: invoices.total })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, 'credit_note'),
        ne(invoices.status, 'void'),
        lte(invoices.issueDate, asOf),
        clientId ? eq(invoices.clientId, clientId) : undefined,
      ),
    );
  const wanted = new Set(ids);
  const group = (list: { invoiceId: string | null; date: string | null; amount: number }[]) => {
    const out = new Map<string, Settlement[]>();
    for (const s of list)
      if (s.invoiceId && s.date && wanted.has(s.invoiceId))
        out.set(s.invoiceId, [...(out.get(s.invoiceId) ?? []), { date: s.date, amount: s.amount }]);
    return out;
  };
  const paidBy = group(allocations);
  const creditedBy = group(credits);
  return rows.map((r) => {
    const money = invoiceBalance({
      status: 'issued',
      total: r.total,
      payments: paidBy.get(r.id) ?? [],
      credits: creditedBy.get(r.id) ?? [],
    });
    return {
      id: r.id,
      clientId: r.clientId,
      number: r.number,
      issueDate: r.issueDate!,
      dueDate: r.dueDate ?? r.issueDate!,
      total: r.total,
      paid: money.paid,
      balance: money.balance,
      clientCredit: money.clientCredit,
      settledOn: money.settledOn,
    };
  });
}

/** Unapplied money of payments received by `asOf` and not voided, per client. */
async function creditByClient(db: DbOrTx, asOf: string, clientId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ clientId: payments.clientId, credit: sql<string>`sum(${payments.unallocated})` })
    .from(payments)
    .leftJoin(paymentVoids, eq(paymentVoids.paymentId, payments.id))
    .where(
      and(
        isNull(paymentVoids.paymentId),
        lte(payments.receivedOn, asOf),
        clientId ? eq(payments.clientId, clientId) : undefined,
      ),
    )
    .groupBy(payments.clientId);
  return new Map(
    rows.map((r) => [r.clientId, Number(r.credit)]).filter(([, c]) => c !== 0) as [string, number][],
  );
}

export function createReceivablesService(db: DbOrTx, ports: ReceivablesPorts) {
  async function asOfDay(asOf: string | undefined, now: Date): Promise<{ asOf: string; currency: string }> {
    const settings = await readSettings(db);
    return { asOf: asOf ?? todayIn(settings.scheduleTimeZone, now), currency: settings.currency };
  }

  return {
    /** Per client with anything owed, any credit or any invoice paid: balances, aging and how it pays. */
    async summary(query: ReceivablesQuery, now = new Date()) {
      const { asOf, currency } = await asOfDay(query.asOf, now);
      const issued = await issuedAsOf(db, asOf, query.clientId);
      const credit = await creditByClient(db, asOf, query.clientId);
      for (const i of issued)
        if (i.clientCredit > 0) credit.set(i.clientId, (credit.get(i.clientId) ?? 0) + i.clientCredit);
      const aged = aging(issued, asOf);
      const behaviour = paymentBehaviour(
        issued.map((i) => ({ ...i, issuedOn: i.issueDate })),
        asOf,
      );
      const clientIds = [...new Set([...issued.map((i) => i.clientId), ...credit.keys()])];
      const names = await ports.clientNames(clientIds);
      const clients: ClientReceivable[] = clientIds.map((clientId) => {
        const own = issued.filter((i) => i.clientId === clientId);
        const a = amounts(aged.byClient[clientId]);
        const b = behaviour[clientId];
        return {
          clientId,
          clientName: names.get(clientId) ?? clientId,
          openBalance: a.total,
          credit: credit.get(clientId) ?? 0,
          overdue: a.total - a.current,
          aging: a,
          openInvoices: own.filter((i) => i.balance > 0).length,
          paidInvoices: b?.paidInvoices ?? 0,
          averageDaysToPay: b?.averageDaysToPay ?? null,
          paidLate: b?.paidLate ?? 0,
          lateShare: b?.lateShare ?? null,
          overdueInvoices: b?.overdueOpen ?? 0,
        };
      });
      clients.sort((x, y) => y.openBalance - x.openBalance || x.clientName.localeCompare(y.clientName));
      const total = amounts(aged.total);
      return {
        asOf,
        currency,
        total: {
          openBalance: total.total,
          credit: clients.reduce((s, c) => s + c.credit, 0),
          overdue: total.total - total.current,
          aging: total,
        },
        clients,
      };
    },

    /** The aging report: buckets in all and per client, and every open invoice in its bucket. */
    async aging(query: ReceivablesQuery, now = new Date()) {
      const { asOf, currency } = await asOfDay(query.asOf, now);
      const issued = (await issuedAsOf(db, asOf, query.clientId)).filter((i) => i.balance > 0);
      const aged = aging(issued, asOf);
      const names = await ports.clientNames([...new Set(issued.map((i) => i.clientId))]);
      const nameOf = (id: string) => names.get(id) ?? id;
      const invoicesOut: OpenInvoiceAging[] = issued
        .map((i) => {
          const days = daysPastDue(i.dueDate, asOf);
          return {
            invoiceId: i.id,
            number: i.number,
            clientId: i.clientId,
            clientName: nameOf(i.clientId),
            issueDate: i.issueDate,
            dueDate: i.dueDate,
            total: i.total,
            balance: i.balance,
            daysPastDue: Math.max(0, days),
            bucket: bucketKeys[agingBucket(days)],
          };
        })
        .sort((x, y) => y.daysPastDue - x.daysPastDue || (x.number ?? '').localeCompare(y.number ?? ''));
      const clients = Object.entries(aged.byClient)
        .map(([clientId, t]) => ({ clientId, clientName: nameOf(clientId), ...amounts(t) }))
        .sort((x, y) => y.total - x.total || x.clientName.localeCompare(y.clientName));
      return { asOf, currency, total: amounts(aged.total), clients, invoices: invoicesOut };
    },
  };
}

export type ReceivablesService = ReturnType<typeof createReceivablesService>;
