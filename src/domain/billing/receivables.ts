/**
 * What an issued invoice still owes, from the money applied to it: balance = total − payments −
 * credit notes. It is settled on the day that money first reaches the total; anything beyond the
 * total (a credit note on a paid invoice) is owed back to the client as client credit. An invoice
 * of zero is paid as soon as it is issued; no money moved, so its settledOn stays null.
 */
import { addDays } from '../agreements/dates.js';
import { calendarDate, minorUnits } from './checks.js';
import { invalid } from './errors.js';
import { type InvoiceStatus, isIssued, settlementStatus } from './invoice-status.js';

/** Money applied to an invoice on a date: a payment's allocation, or a credit note. */
export type Settlement = { date: string; amount: number };

export type InvoiceMoney = {
  /** draft and void are taken as they are; an issued state is recomputed from the money. */
  status: InvoiceStatus;
  total: number;
  payments: readonly Settlement[];
  credits: readonly Settlement[];
};

export type InvoiceBalance = {
  status: InvoiceStatus;
  paid: number;
  credited: number;
  /** Still owed; never below zero. */
  balance: number;
  /** Money beyond the total, owed back to the client as credit. */
  clientCredit: number;
  /** The day payments and credits first covered the total; null while they have not. */
  settledOn: string | null;
};

/** The due date of an invoice issued on `issuedOn` with these payment terms. */
export function dueDate(issuedOn: string, paymentTermsDays: number): string {
  if (!Number.isSafeInteger(paymentTermsDays) || paymentTermsDays < 0) {
    throw invalid('paymentTermsDays', 'INVALID_POLICY', `expected whole days ≥ 0, got ${paymentTermsDays}`);
  }
  return addDays(calendarDate(issuedOn, 'issuedOn'), paymentTermsDays);
}

function checked(list: readonly Settlement[], field: string): Settlement[] {
  return list.map((s, i) => {
    calendarDate(s.date, `${field}[${i}].date`);
    minorUnits(s.amount, `${field}[${i}].amount`);
    return s;
  });
}

export function invoiceBalance(invoice: InvoiceMoney): InvoiceBalance {
  const total = minorUnits(invoice.total, 'total', true);
  const payments = checked(invoice.payments, 'payments');
  const credits = checked(invoice.credits, 'credits');
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const credited = credits.reduce((s, c) => s + c.amount, 0);
  let settledOn: string | null = null;
  let covered = 0;
  for (const s of [...payments, ...credits].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  )) {
    covered += s.amount;
    if (covered >= total) {
      settledOn = s.date;
      break;
    }
  }
  const status = isIssued(invoice.status) ? settlementStatus(total, paid, credited) : invoice.status;
  return {
    status,
    paid,
    credited,
    balance: Math.max(0, total - paid - credited),
    clientCredit: Math.max(0, paid + credited - total),
    settledOn: isIssued(invoice.status) ? settledOn : null,
  };
}
