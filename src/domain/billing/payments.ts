/**
 * Payments received and where they go.
 *
 * A payment names an invoice or not. Naming one, it pays that invoice up to its balance; without
 * one, it pays the client's open invoices oldest due date first (then oldest issue, then id). What is
 * left over is an over-payment and becomes CLIENT CREDIT — it is never spread silently over invoices
 * the client did not name; `allocateCredit` applies credit to open invoices when someone decides to.
 *
 * The limit: a single payment may not exceed the client's open balance (the sum of its open
 * invoices' balances) by more than 10 %, rounded down to the minor unit — so 1,000.00 open takes at
 * most 1,100.00, and nothing open takes nothing. A larger figure is almost always a typing slip
 * (an extra digit) or the wrong client; a real prepayment is recorded some other way.
 */
import { calendarDate, minorUnits } from './checks.js';
import { BillingRuleError, invalid } from './errors.js';

export const paymentMethods = ['bank_transfer', 'card', 'direct_debit', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export type PaymentInput = {
  date: string;
  /** Minor units, > 0. */
  amount: number;
  method: PaymentMethod;
  /** The bank's or card processor's reference; may be empty. */
  reference: string;
  /** The invoice the client says it pays; null or absent: the oldest open ones. */
  invoiceId?: string | null;
};

/** An issued invoice of the client with money still owed on it. */
export type OpenInvoice = { id: string; issuedOn: string; dueDate: string; balance: number };

export type Allocation = { invoiceId: string; amount: number };
export type PaymentAllocation = { allocations: Allocation[]; clientCredit: number };

/** How far a payment may go past the open balance: 10 % (1,000 basis points). */
export const overpaymentMarginBasisPoints = 1_000;

/** The largest single payment a client with this open balance may make. */
export function paymentLimit(openBalance: number): number {
  const open = Math.max(0, minorUnits(openBalance, 'openBalance', true));
  return open + Math.floor((open * overpaymentMarginBasisPoints) / 10_000);
}

function checkPayment(p: PaymentInput): void {
  calendarDate(p.date, 'date');
  minorUnits(p.amount, 'amount');
  if (p.amount === 0) throw invalid('amount', 'INVALID_AMOUNT', 'a payment of nothing');
  if (!paymentMethods.includes(p.method)) {
    throw invalid(
      'method',
      'INVALID_METHOD',
      `expected one of ${paymentMethods.join(', ')}, got ${JSON.stringify(p.method)}`,
    );
  }
}

function byAge(a: OpenInvoice, b: OpenInvoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issuedOn !== b.issuedOn) return a.issuedOn < b.issuedOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Applies `amount` to open invoices oldest first; what no invoice needs is left over. */
export function allocateCredit(amount: number, invoices: readonly OpenInvoice[]): PaymentAllocation {
  let left = minorUnits(amount, 'amount');
  const allocations: Allocation[] = [];
  for (const inv of [...invoices].filter((i) => i.balance > 0).sort(byAge)) {
    if (left === 0) break;
    const take = Math.min(left, inv.balance);
    allocations.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  return { allocations, clientCredit: left };
}

/** Where a payment goes (see the file comment); throws PAYMENT_EXCEEDS_LIMIT past the limit. */
export function allocatePayment(
  payment: PaymentInput,
  openInvoices: readonly OpenInvoice[],
): PaymentAllocation {
  checkPayment(payment);
  for (const [i, inv] of openInvoices.entries()) minorUnits(inv.balance, `openInvoices[${i}].balance`, true);
  const open = openInvoices.reduce((s, inv) => s + Math.max(0, inv.balance), 0);
  const limit = paymentLimit(open);
  if (payment.amount > limit) {
    throw new BillingRuleError(
      'PAYMENT_EXCEEDS_LIMIT',
      `A payment of ${payment.amount} is more than the client's open balance of ${open} plus 10 % (at most ${limit}).`,
    );
  }
  if (payment.invoiceId === undefined || payment.invoiceId === null)
    return allocateCredit(payment.amount, openInvoices);
  const invoice = openInvoices.find((i) => i.id === payment.invoiceId);
  if (!invoice)
    throw invalid(
      'invoiceId',
      'UNKNOWN_REFERENCE',
      `invoice ${payment.invoiceId} is not open for this client`,
    );
  if (invoice.balance <= 0)
    throw new BillingRuleError('INVOICE_PAID', `Invoice ${invoice.id} has nothing left to pay.`);
  const amount = Math.min(payment.amount, invoice.balance);
  return { allocations: [{ invoiceId: invoice.id, amount }], clientCredit: payment.amount - amount };
}
