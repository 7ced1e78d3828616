import { describe, expect, it } from 'vitest';
import { BillingRuleError } from './errors.js';
import {
  assertInvoiceAllows,
  assertIssuable,
  assertVoidable,
  type InvoiceAction,
  type InvoiceStatus,
  invoiceActions,
  invoiceStatuses,
  settlementStatus,
} from './invoice-status.js';

const outcome = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (err instanceof BillingRuleError) return err.code;
    throw err;
  }
};

describe('what each invoice state allows', () => {
  // biome-ignore format: one state per line reads as a table
  const table: Record<InvoiceStatus, Record<InvoiceAction, string>> = {
    draft:          { edit: 'ok', discard: 'ok', issue: 'ok', pay: 'INVOICE_NOT_ISSUED', credit: 'INVOICE_NOT_ISSUED', void: 'INVOICE_NOT_ISSUED' },
    issued:         { edit: 'INVOICE_NOT_DRAFT', discard: 'INVOICE_NOT_DRAFT', issue: 'INVOICE_ALREADY_ISSUED', pay: 'ok', credit: 'ok', void: 'ok' },
    partially_paid: { edit: 'INVOICE_NOT_DRAFT', discard: 'INVOICE_NOT_DRAFT', issue: 'INVOICE_ALREADY_ISSUED', pay: 'ok', credit: 'ok', void: 'INVOICE_HAS_SETTLEMENTS' },
    paid:           { edit: 'INVOICE_NOT_DRAFT', discard: 'INVOICE_NOT_DRAFT', issue: 'INVOICE_ALREADY_ISSUED', pay: 'INVOICE_PAID', credit: 'ok', void: 'INVOICE_HAS_SETTLEMENTS' },
    void:           { edit: 'INVOICE_VOID', discard: 'INVOICE_VOID', issue: 'INVOICE_VOID', pay: 'INVOICE_VOID', credit: 'INVOICE_VOID', void: 'INVOICE_VOID' },
  };
  const cases = invoiceStatuses.flatMap((s) => invoiceActions.map((a) => [s, a, table[s][a]] as const));

  it.each(cases)('%s invoice, %s → %s', (status, action, expected) => {
    expect(outcome(() => assertInvoiceAllows(status, action))).toBe(expected);
  });

  it('editing an issued invoice says to use a credit note', () => {
    expect(() => assertInvoiceAllows('issued', 'edit')).toThrow(/credit note/);
  });

  it.each([
    ['draft', 3, 10_000, 'ok'],
    ['draft', 1, 0, 'ok'],
    ['draft', 0, 0, 'INVOICE_EMPTY'],
    ['draft', 2, -1, 'INVOICE_NEGATIVE_TOTAL'],
    ['issued', 2, 100, 'INVOICE_ALREADY_ISSUED'],
  ] as const)(
    'issuing a %s invoice with %i lines and a total of %i → %s',
    (status, lines, total, expected) => {
      expect(outcome(() => assertIssuable(status, lines, total))).toBe(expected);
    },
  );

  it.each([
    ['issued', 0, 0, 'ok'],
    ['issued', 0, 500, 'INVOICE_HAS_SETTLEMENTS'],
    ['issued', 100, 0, 'INVOICE_HAS_SETTLEMENTS'],
    ['draft', 0, 0, 'INVOICE_NOT_ISSUED'],
  ] as const)('voiding a %s invoice paid %i and credited %i → %s', (status, paid, credited, expected) => {
    expect(outcome(() => assertVoidable(status, paid, credited))).toBe(expected);
  });

  it.each([
    [78_000, 0, 0, 'issued'],
    [78_000, 30_000, 0, 'partially_paid'],
    [78_000, 78_000, 0, 'paid'],
    [78_000, 0, 12_000, 'issued'],
    [78_000, 66_000, 12_000, 'paid'],
    [78_000, 0, 78_000, 'paid'],
    [0, 0, 0, 'paid'],
  ] as const)('total %i, paid %i, credited %i → %s', (total, paid, credited, expected) => {
    expect(settlementStatus(total, paid, credited)).toBe(expected);
  });
});
