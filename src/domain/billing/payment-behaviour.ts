/**
 * How a client pays: over its invoices settled by payment (invoiceBalance's settledOn, with something
 * paid — an invoice settled only by a credit note was never paid), the average days from issue to
 * settlement and the share settled after the due date; and how many of its open invoices are past
 * due as of a date.
 */
import { calendarDate } from './checks.js';
import { daysBetween } from './periods.js';

export type PaymentHistoryInvoice = {
  clientId: string;
  issuedOn: string;
  dueDate: string;
  /** null while not settled. */
  settledOn: string | null;
  paid: number;
  /** Still owed. */
  balance: number;
};

export type PaymentBehaviour = {
  paidInvoices: number;
  /** Mean of days from issue to settlement; null when nothing was paid yet. */
  averageDaysToPay: number | null;
  paidLate: number;
  /** paidLate / paidInvoices, 0–1; null when nothing was paid yet. */
  lateShare: number | null;
  /** Open invoices past their due date as of the date asked. */
  overdueOpen: number;
};

export function paymentBehaviour(
  invoices: readonly PaymentHistoryInvoice[],
  asOf: string,
): Record<string, PaymentBehaviour> {
  calendarDate(asOf, 'asOf');
  const sums: Record<string, { paid: number; days: number; late: number; overdue: number }> = {};
  invoices.forEach((inv, i) => {
    calendarDate(inv.issuedOn, `invoices[${i}].issuedOn`);
    calendarDate(inv.dueDate, `invoices[${i}].dueDate`);
    const s = sums[inv.clientId] ?? { paid: 0, days: 0, late: 0, overdue: 0 };
    sums[inv.clientId] = s;
    if (inv.settledOn !== null && inv.paid > 0) {
      calendarDate(inv.settledOn, `invoices[${i}].settledOn`);
      s.paid += 1;
      s.days += daysBetween(inv.issuedOn, inv.settledOn);
      if (inv.settledOn > inv.dueDate) s.late += 1;
    } else if (inv.balance > 0 && asOf > inv.dueDate) {
      s.overdue += 1;
    }
  });
  const out: Record<string, PaymentBehaviour> = {};
  for (const [clientId, s] of Object.entries(sums)) {
    out[clientId] = {
      paidInvoices: s.paid,
      averageDaysToPay: s.paid ? s.days / s.paid : null,
      paidLate: s.late,
      lateShare: s.paid ? s.late / s.paid : null,
      overdueOpen: s.overdue,
    };
  }
  return out;
}
