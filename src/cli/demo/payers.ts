/**
 * How the demo clients pay, and the corrections the billing admin made: most pay within their terms,
 * a few are consistently late, one pays an invoice in part, one leaves an invoice unpaid for more
 * than 90 days, one overpays and keeps a credit; two invoices were corrected by credit notes.
 *
 * Data and planning only (./seed-billing.ts writes it through the receivables service), and
 * deterministic: a payment's day comes from a generator seeded by the client's name and the period.
 * The current period's invoices are left unpaid, so receivables and aging show what is owed today.
 */
import { addDays } from '../../domain/agreements/dates.js';
import { type PaymentMethod, previousPeriod } from '../../domain/billing/index.js';
import type { DemoClientSpec } from './clients.js';
import { seededRng } from './random.js';

/** Clients that pay every invoice this many days after its due date (a range, drawn per invoice). */
export const latePayers: Readonly<Record<string, [min: number, max: number]>> = {
  'Lone Star Title & Escrow': [20, 45],
  'Casa Oliveira Restaurantes': [25, 60],
  'Bistro Verde': [30, 60],
  'Bellamy & Cross Recruitment': [20, 35],
};

/** Pays its latest invoice that is a month overdue in part: the share, in whole currency units, rounded down. */
export const partialPayer = { client: 'Studio Tremblay Photographie', share: 0.5, overdueDays: 30 };

/** Leaves its latest invoice that is more than 90 days overdue unpaid: it disputes the charge. */
export const disputingPayer = { client: 'Kowalczyk Auto Repair', overdueDays: 91 };

/** Pays last period's invoice rounded up to the next 50.00: what is over stays as the client's credit. */
export const overpayer = { client: 'Tidewater Marine Supply', roundTo: 5000 };

/** Corrections by credit note: which client, how many periods ago, which line and how much of it. */
export const creditPlans: readonly {
  client: string;
  periodsAgo: number;
  line: 'work' | 'recurring';
  share: number;
  reason: string;
}[] = [
  {
    client: 'Hudson Valley Print Shop',
    periodsAgo: 4,
    line: 'work',
    share: 0.5,
    reason:
      'Half of the on-site time credited: our technician waited for a replacement part that should have been on the van.',
  },
  {
    client: 'Summit Ridge Family Medicine',
    periodsAgo: 2,
    line: 'recurring',
    share: 0.1,
    reason: 'Service credit of 10 %: the resolution target was missed during the practice-management outage.',
  },
];

/** How a client usually pays, by where it is and what it buys. */
export function methodOf(spec: DemoClientSpec): PaymentMethod {
  const rng = seededRng(`method|${spec.name}`);
  if (spec.currency === 'USD') return rng.pick(['bank_transfer', 'cheque', 'card'] as const);
  if (spec.currency === 'EUR' && (spec.kind === 'subscription' || spec.kind === 'reseller'))
    return 'direct_debit';
  return 'bank_transfer';
}

const prefixes: Record<PaymentMethod, string> = {
  bank_transfer: 'TRF',
  direct_debit: 'DD',
  cheque: 'CHQ',
  card: 'CARD',
  cash: 'CASH',
  other: 'PAY',
};

/** What the bank statement shows: the method and the invoice number the client quoted. */
export const referenceOf = (method: PaymentMethod, invoiceNumber: string, part = false) =>
  `${prefixes[method]} ${invoiceNumber}${part ? ' (part)' : ''}`;

/** An issued invoice of a demo client, as receivables sees it. */
export type BilledInvoice = {
  id: string;
  client: DemoClientSpec;
  period: string;
  number: string;
  issueDate: string;
  dueDate: string;
  /** What is left to pay after credit notes and any payment. */
  balance: number;
};

export type PlannedPayment = {
  invoiceId: string;
  client: DemoClientSpec;
  date: string;
  amount: number;
  method: PaymentMethod;
  reference: string;
  note: string;
};

/** The latest invoice of a client whose due date is at least `days` before today. */
function latestOverdue(invoices: readonly BilledInvoice[], client: string, today: string, days: number) {
  const limit = addDays(today, -days);
  return (
    invoices
      .filter((i) => i.client.name === client && i.dueDate <= limit)
      .sort((a, b) => a.issueDate.localeCompare(b.issueDate))
      .at(-1) ?? null
  );
}

/**
 * The payments received by yesterday for the invoices before `current` (the current period's are
 * not paid yet), each naming its invoice, in the order they were received.
 */
export function planPayments(
  invoices: readonly BilledInvoice[],
  current: string,
  today: string,
): PlannedPayment[] {
  const disputed = latestOverdue(invoices, disputingPayer.client, today, disputingPayer.overdueDays);
  const partial = latestOverdue(invoices, partialPayer.client, today, partialPayer.overdueDays);
  const out: PlannedPayment[] = [];
  for (const inv of invoices) {
    if (inv.period >= current || inv.balance <= 0 || inv.id === disputed?.id) continue;
    const spec = inv.client;
    const rng = seededRng(`pay|${spec.name}|${inv.period}`);
    const method = methodOf(spec);
    const terms = Math.max(0, Math.round((Date.parse(inv.dueDate) - Date.parse(inv.issueDate)) / 86_400_000));
    const late = latePayers[spec.name];
    const date = late
      ? addDays(inv.dueDate, rng.int(late[0], late[1]))
      : addDays(
          inv.issueDate,
          method === 'direct_debit' ? 7 : rng.int(Math.min(5, terms), Math.max(5, terms - 2)),
        );
    if (date >= today) continue;
    let amount = inv.balance;
    let note = '';
    if (inv.id === partial?.id) {
      amount = Math.floor((inv.balance * partialPayer.share) / 100) * 100;
      note = 'Paid half; the client asked to pay the rest next month.';
    } else if (spec.name === overpayer.client && inv.period === previousPeriod(current)) {
      amount = (Math.floor(inv.balance / overpayer.roundTo) + 1) * overpayer.roundTo;
      note = 'Paid a rounded amount: the difference is kept as credit.';
    }
    if (amount <= 0) continue;
    out.push({
      invoiceId: inv.id,
      client: spec,
      date,
      amount,
      method,
      reference: referenceOf(method, inv.number, inv.id === partial?.id),
      note,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference));
}
