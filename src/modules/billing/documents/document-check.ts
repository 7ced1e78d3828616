/**
 * A document is checked before it is printed or exported: a PDF whose lines do not add up to its
 * total, or an export the accounting package would book differently from the invoice the client
 * received, is worse than no document. The billing rules decide the figures; this only verifies
 * that they are whole minor units and that the totals are the sums they claim to be.
 */
import { AppError, type FieldError } from '../../../platform/errors.js';
import { isIsoDate } from './dates.js';
import type { InvoiceDocument } from './document.js';
import { isCurrency } from './money.js';
import { isQuantity } from './quantity.js';

/** Every way `doc` is malformed or does not add up; empty when it is sound. */
export function invoiceDocumentProblems(doc: InvoiceDocument): FieldError[] {
  const problems: FieldError[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const money = (field: string, value: number) => {
    if (!Number.isSafeInteger(value)) fail(field, 'must be a whole number of minor units');
  };
  const date = (field: string, value: string) => {
    if (!isIsoDate(value)) fail(field, 'must be a calendar date written YYYY-MM-DD');
  };

  if (doc.kind !== 'invoice' && doc.kind !== 'credit_note') fail('kind', 'must be invoice or credit_note');
  if (doc.number !== null && doc.number.trim() === '')
    fail('number', 'must be null for a draft, or a number');
  if (doc.kind === 'credit_note' && !doc.creditsInvoiceNumber) {
    fail('creditsInvoiceNumber', 'a credit note must name the invoice it credits');
  }
  if (doc.kind === 'invoice' && doc.creditsInvoiceNumber !== null) {
    fail('creditsInvoiceNumber', 'only a credit note credits an invoice');
  }
  if (!isCurrency(doc.currency)) fail('currency', 'must be an ISO 4217 currency code');
  if (doc.locale) {
    try {
      new Intl.Locale(doc.locale);
    } catch {
      fail('locale', 'must be a BCP 47 locale');
    }
  }
  date('issueDate', doc.issueDate);
  if (doc.dueDate !== null) {
    date('dueDate', doc.dueDate);
    if (doc.dueDate < doc.issueDate) fail('dueDate', 'must not be before the issue date');
  }
  if (doc.period) {
    date('period.start', doc.period.start);
    date('period.end', doc.period.end);
    if (doc.period.end < doc.period.start) fail('period.end', 'must not be before the start');
  }
  if (!doc.seller.name.trim()) fail('seller.name', 'must not be empty');
  if (!doc.buyer.name.trim()) fail('buyer.name', 'must not be empty');
  if (doc.lines.length === 0) fail('lines', 'a document needs at least one line');

  let gross = 0;
  let discounts = 0;
  let taxes = 0;
  doc.lines.forEach((line, i) => {
    const at = `lines[${i}]`;
    if (!line.description.trim()) fail(`${at}.description`, 'must not be empty');
    if (!isQuantity(line.quantity)) fail(`${at}.quantity`, 'must be a number with at most two decimals');
    money(`${at}.unitPrice`, line.unitPrice);
    money(`${at}.discount`, line.discount);
    money(`${at}.taxAmount`, line.taxAmount);
    money(`${at}.amount`, line.amount);
    // A discount takes part of a line away: of a charge, a positive sum; of a credit (a negative
    // line under an invoice discount), a negative one that makes the credit smaller. Never more
    // than the line, and never adding to it.
    const before = line.amount + line.discount;
    if (Math.sign(line.discount) * Math.sign(before) < 0 || Math.abs(line.discount) > Math.abs(before))
      fail(`${at}.discount`, 'must take part of the line away, not add to it');
    if (!Number.isInteger(line.taxRateBp) || line.taxRateBp < 0) {
      fail(`${at}.taxRateBp`, 'must be a whole, non-negative number of basis points');
    }
    if (line.servicePeriod) {
      date(`${at}.servicePeriod.from`, line.servicePeriod.from);
      date(`${at}.servicePeriod.to`, line.servicePeriod.to);
      if (line.servicePeriod.to < line.servicePeriod.from) {
        fail(`${at}.servicePeriod.to`, 'must not be before the start');
      }
    }
    gross += line.amount + line.discount;
    discounts += line.discount;
    taxes += line.taxAmount;
  });

  for (const field of [
    'subtotal',
    'discountTotal',
    'taxTotal',
    'total',
    'amountPaid',
    'balanceDue',
  ] as const) {
    money(field, doc[field]);
  }
  const sum = (field: string, claimed: number, actual: number, what: string) => {
    if (claimed !== actual) fail(field, `is ${claimed} but ${what} is ${actual}`);
  };
  sum('subtotal', doc.subtotal, gross, 'the sum of line amounts before discount');
  sum('discountTotal', doc.discountTotal, discounts, 'the sum of line discounts');
  sum('taxTotal', doc.taxTotal, taxes, 'the sum of line taxes');
  sum('total', doc.total, doc.subtotal - doc.discountTotal + doc.taxTotal, 'subtotal − discounts + tax');
  sum('balanceDue', doc.balanceDue, doc.total - doc.amountPaid, 'total − amount paid');
  if (doc.total < 0) fail('total', 'must not be negative: a negative invoice is a credit note');
  return problems;
}

/** Throws UNPROCESSABLE with every problem when `doc` is malformed or does not add up. */
export function assertInvoiceDocument(doc: InvoiceDocument): void {
  const problems = invoiceDocumentProblems(doc);
  if (problems.length > 0) {
    const name = doc.number ?? `draft ${doc.kind === 'invoice' ? 'invoice' : 'credit note'}`;
    throw new AppError('UNPROCESSABLE', `${name} cannot be presented: its figures are not sound`, problems);
  }
}

/**
 * Throws UNPROCESSABLE, naming each document by its place in the list, unless every document is
 * sound and issued: the accounting package gets numbered documents only, never drafts.
 */
export function assertExportable(docs: InvoiceDocument[]): void {
  const problems = docs.flatMap((doc, i) => {
    const own = invoiceDocumentProblems(doc);
    if (doc.number === null)
      own.push({ field: 'number', message: 'is a draft: only issued documents are exported' });
    return own.map((p) => ({ ...p, field: `documents[${i}].${p.field}` }));
  });
  if (problems.length > 0) {
    throw new AppError('UNPROCESSABLE', 'some documents cannot be exported to accounting', problems);
  }
}
