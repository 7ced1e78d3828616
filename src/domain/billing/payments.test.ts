import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingRuleError, BillingValidationError } from './errors.js';
import {
  allocateCredit,
  allocatePayment,
  type OpenInvoice,
  type PaymentInput,
  paymentLimit,
} from './payments.js';

const open: OpenInvoice[] = [
  { id: 'feb', issuedOn: '2026-02-01', dueDate: '2026-03-03', balance: 50_000 },
  { id: 'jan', issuedOn: '2026-01-01', dueDate: '2026-01-31', balance: 30_000 },
  { id: 'mar', issuedOn: '2026-03-01', dueDate: '2026-03-31', balance: 20_000 },
];
const pay = (o: Partial<PaymentInput>): PaymentInput => ({
  date: '2026-03-20',
  amount: 10_000,
  method: 'bank_transfer',
  reference: 'TRX-1',
  ...o,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (err instanceof BillingRuleError) return err.code;
    if (err instanceof BillingValidationError) return err.fields[0]!.code;
    throw err;
  }
};

describe('the payment limit: open balance + 10 %, rounded down', () => {
  it.each([
    [100_000, 110_000],
    [99_999, 109_998], // 9,999.9 → 9,999
    [5, 5],
    [0, 0],
    [-500, 0], // a client in credit owes nothing
  ])('open %i → at most %i', (balance, limit) => {
    expect(paymentLimit(balance)).toBe(limit);
  });
});

describe('allocating a payment', () => {
  it('a partial payment of a named invoice', () => {
    expect(allocatePayment(pay({ amount: 20_000, invoiceId: 'feb' }), open)).toEqual({
      allocations: [{ invoiceId: 'feb', amount: 20_000 }],
      clientCredit: 0,
    });
  });

  it('an over-payment of a named invoice: the balance is paid, the rest is client credit', () => {
    expect(allocatePayment(pay({ amount: 35_000, invoiceId: 'jan' }), open)).toEqual({
      allocations: [{ invoiceId: 'jan', amount: 30_000 }],
      clientCredit: 5_000,
    });
  });

  it('no invoice named: oldest due first, then client credit', () => {
    // open 1,000.00; limit 1,100.00; 1,050.00 pays jan 300, feb 500, mar 200 and leaves 50.00
    expect(allocatePayment(pay({ amount: 105_000 }), open)).toEqual({
      allocations: [
        { invoiceId: 'jan', amount: 30_000 },
        { invoiceId: 'feb', amount: 50_000 },
        { invoiceId: 'mar', amount: 20_000 },
      ],
      clientCredit: 5_000,
    });
  });

  it.each([
    ['above the limit (1,100.01 on 1,000.00 open)', pay({ amount: 110_001 }), 'PAYMENT_EXCEEDS_LIMIT'],
    ['exactly the limit', pay({ amount: 110_000 }), 'ok'],
    ['a payment of nothing', pay({ amount: 0 }), 'INVALID_AMOUNT'],
    ['a negative payment', pay({ amount: -100 }), 'INVALID_AMOUNT'],
    ['a fractional payment', pay({ amount: 10.5 }), 'INVALID_AMOUNT'],
    ['an unknown method', pay({ method: 'barter' as never }), 'INVALID_METHOD'],
    ['a bad date', pay({ date: '2026-02-30' }), 'INVALID_DATE'],
    ['an invoice that is not open', pay({ invoiceId: 'dec' }), 'UNKNOWN_REFERENCE'],
  ])('%s → %s', (_, payment, code) => {
    expect(codeOf(() => allocatePayment(payment, open))).toBe(code);
  });

  it('a client owing nothing can pay nothing; a named invoice already paid refuses more', () => {
    expect(codeOf(() => allocatePayment(pay({ amount: 1 }), []))).toBe('PAYMENT_EXCEEDS_LIMIT');
    const settled = [...open, { id: 'dec', issuedOn: '2025-12-01', dueDate: '2025-12-31', balance: 0 }];
    expect(codeOf(() => allocatePayment(pay({ invoiceId: 'dec' }), settled))).toBe('INVOICE_PAID');
  });

  it('client credit applied later goes oldest first', () => {
    expect(allocateCredit(40_000, open)).toEqual({
      allocations: [
        { invoiceId: 'jan', amount: 30_000 },
        { invoiceId: 'feb', amount: 10_000 },
      ],
      clientCredit: 0,
    });
  });

  it('always: allocations + credit = the payment, no invoice gets more than its balance', () => {
    const invoices = fc.array(fc.nat(100_000), { maxLength: 6 }).map((bs) =>
      bs.map((balance, i) => ({
        id: `i${i}`,
        issuedOn: '2026-01-01',
        dueDate: `2026-01-${String(10 + i)}`,
        balance,
      })),
    );
    fc.assert(
      fc.property(
        invoices,
        fc.integer({ min: 1, max: 700_000 }),
        fc.option(fc.nat(5), { nil: null }),
        (inv, amount, target) => {
          const invoiceId = target !== null && inv[target] && inv[target].balance > 0 ? inv[target].id : null;
          const total = inv.reduce((s, i) => s + i.balance, 0);
          if (amount > paymentLimit(total)) {
            expect(codeOf(() => allocatePayment(pay({ amount, invoiceId }), inv))).toBe(
              'PAYMENT_EXCEEDS_LIMIT',
            );
            return;
          }
          const a = allocatePayment(pay({ amount, invoiceId }), inv);
          expect(a.allocations.reduce((s, x) => s + x.amount, 0) + a.clientCredit).toBe(amount);
          for (const x of a.allocations)
            expect(x.amount).toBeLessThanOrEqual(inv.find((i) => i.id === x.invoiceId)!.balance);
          expect(a.clientCredit).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
