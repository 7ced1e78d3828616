/**
 * An invoice's life: draft → issued → partially paid → paid, or issued → void.
 *
 *  - A draft is the only state that may be edited or discarded; issuing gives it its number
 *    (numbering.ts) and makes it immutable. An issued invoice is corrected by credit notes.
 *  - Issuing needs at least one line and a total ≥ 0 (below zero it would be a credit note).
 *  - Payments go to issued and partially paid invoices; one with nothing left to pay refuses more
 *    (the money is client credit instead — payments.ts).
 *  - Credit notes go to any issued invoice, paid or not (crediting a paid one leaves client credit).
 *  - Voiding is for an issued invoice nobody has paid or credited; it keeps its number, so the
 *    sequence stays gap-free. A draft is discarded, not voided.
 *  - The paid states follow from the money (settlementStatus): the balance is the total less
 *    payments and credit notes; nothing left → paid ("settled"), something paid and something left
 *    → partially paid, nothing paid → issued.
 */
import { BillingRuleError } from './errors.js';

export const invoiceStatuses = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceActions = ['edit', 'discard', 'issue', 'pay', 'credit', 'void'] as const;
export type InvoiceAction = (typeof invoiceActions)[number];

const issuedStates: readonly InvoiceStatus[] = ['issued', 'partially_paid', 'paid'];

/** Throws BillingRuleError with a stable code unless an invoice in `status` allows `action`. */
export function assertInvoiceAllows(status: InvoiceStatus, action: InvoiceAction): void {
  if (status === 'void')
    throw new BillingRuleError('INVOICE_VOID', `The invoice is void; it cannot be ${done[action]}.`);
  switch (action) {
    case 'edit':
    case 'discard':
      if (status !== 'draft') {
        throw new BillingRuleError(
          'INVOICE_NOT_DRAFT',
          `The invoice is ${label[status]}: it can no longer be ${done[action]}. Correct it with a credit note.`,
        );
      }
      return;
    case 'issue':
      if (status !== 'draft')
        throw new BillingRuleError('INVOICE_ALREADY_ISSUED', 'The invoice is already issued.');
      return;
    case 'pay':
      if (status === 'paid') {
        throw new BillingRuleError(
          'INVOICE_PAID',
          'The invoice has nothing left to pay; record the money as client credit.',
        );
      }
      break;
    case 'credit':
    case 'void':
      break;
  }
  if (status === 'draft') {
    throw new BillingRuleError(
      'INVOICE_NOT_ISSUED',
      `A draft cannot be ${done[action]}; issue it first${action === 'void' ? ', or discard it' : ''}.`,
    );
  }
  if (action === 'void' && status !== 'issued') {
    throw new BillingRuleError(
      'INVOICE_HAS_SETTLEMENTS',
      'The invoice has payments; refund them and credit it instead.',
    );
  }
}

/** Throws unless an invoice in `status` may be issued with this many lines and this total. */
export function assertIssuable(status: InvoiceStatus, lineCount: number, total: number): void {
  assertInvoiceAllows(status, 'issue');
  if (lineCount === 0)
    throw new BillingRuleError('INVOICE_EMPTY', 'An invoice with no lines cannot be issued.');
  if (total < 0) {
    throw new BillingRuleError(
      'INVOICE_NEGATIVE_TOTAL',
      `The total is ${total}: a negative amount is a credit note, not an invoice.`,
    );
  }
}

/** Throws unless an issued invoice may be voided: nobody paid it, and no credit note was issued against it. */
export function assertVoidable(status: InvoiceStatus, paid: number, credited: number): void {
  assertInvoiceAllows(status, 'void');
  if (paid !== 0 || credited !== 0) {
    throw new BillingRuleError(
      'INVOICE_HAS_SETTLEMENTS',
      'The invoice has payments or credit notes; it cannot be voided.',
    );
  }
}

/** The status of an issued invoice from its money (see the file comment). */
export function settlementStatus(
  total: number,
  paid: number,
  credited: number,
): 'issued' | 'partially_paid' | 'paid' {
  if (total - paid - credited <= 0) return 'paid';
  return paid > 0 ? 'partially_paid' : 'issued';
}

export const isIssued = (status: InvoiceStatus): boolean => issuedStates.includes(status);

const label: Record<InvoiceStatus, string> = {
  draft: 'a draft',
  issued: 'issued',
  partially_paid: 'partially paid',
  paid: 'paid',
  void: 'void',
};

const done: Record<InvoiceAction, string> = {
  edit: 'edited',
  discard: 'discarded',
  issue: 'issued',
  pay: 'paid',
  credit: 'credited',
  void: 'voided',
};
