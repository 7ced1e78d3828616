import { describe, expect, it } from 'vitest';
import { aging, agingBucket } from './aging.js';
import { paymentBehaviour } from './payment-behaviour.js';
import { dueDate, invoiceBalance } from './receivables.js';
import { defaultReminderPolicy, type ReminderCandidate, remindersDue } from './reminders.js';

describe('invoice balance from payments and credit notes', () => {
  const issued = { status: 'issued' as const, total: 78_000 };
  it.each([
    [
      'nothing paid',
      [],
      [],
      { status: 'issued', paid: 0, balance: 78_000, clientCredit: 0, settledOn: null },
    ],
    [
      'a partial payment',
      [{ date: '2026-03-10', amount: 30_000 }],
      [],
      { status: 'partially_paid', balance: 48_000, settledOn: null },
    ],
    [
      'paid in two parts, settled on the second',
      [
        { date: '2026-03-25', amount: 48_000 },
        { date: '2026-03-10', amount: 30_000 },
      ],
      [],
      { status: 'paid', paid: 78_000, balance: 0, settledOn: '2026-03-25' },
    ],
    [
      'a credit note only lowers what is owed',
      [],
      [{ date: '2026-03-05', amount: 12_000 }],
      { status: 'issued', credited: 12_000, balance: 66_000 },
    ],
    [
      'credited after being paid: the excess is client credit',
      [{ date: '2026-03-10', amount: 78_000 }],
      [{ date: '2026-03-20', amount: 12_000 }],
      { status: 'paid', balance: 0, clientCredit: 12_000, settledOn: '2026-03-10' },
    ],
  ])('%s', (_, payments, credits, expected) => {
    expect(invoiceBalance({ ...issued, payments, credits })).toMatchObject(expected);
  });

  it('a draft or void invoice keeps its status', () => {
    expect(invoiceBalance({ status: 'void', total: 100, payments: [], credits: [] }).status).toBe('void');
    expect(invoiceBalance({ status: 'draft', total: 100, payments: [], credits: [] })).toMatchObject({
      status: 'draft',
      settledOn: null,
    });
  });

  it('is due after the payment terms', () => {
    expect(dueDate('2026-03-01', 30)).toBe('2026-03-31');
    expect(dueDate('2026-12-15', 30)).toBe('2027-01-14');
  });
});

describe('aging buckets as of 30 June 2026', () => {
  it.each([
    [-5, 'current'],
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
  ] as const)('%i days past due → %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });

  it('sums open balances per client and in all', () => {
    const result = aging(
      [
        { clientId: 'a', dueDate: '2026-07-15', balance: 1_000 }, // not due: current
        { clientId: 'a', dueDate: '2026-06-30', balance: 2_000 }, // due today: current
        { clientId: 'a', dueDate: '2026-05-31', balance: 3_000 }, // 30 days: 1–30
        { clientId: 'b', dueDate: '2026-05-30', balance: 4_000 }, // 31 days: 31–60
        { clientId: 'b', dueDate: '2026-04-01', balance: 5_000 }, // 90 days: 61–90
        { clientId: 'b', dueDate: '2026-03-31', balance: 6_000 }, // 91 days: 90+
        { clientId: 'b', dueDate: '2026-01-01', balance: 0 }, // paid: left out
      ],
      '2026-06-30',
    );
    expect(result.byClient).toEqual({
      a: { current: 3_000, '1-30': 3_000, '31-60': 0, '61-90': 0, '90+': 0, total: 6_000 },
      b: { current: 0, '1-30': 0, '31-60': 4_000, '61-90': 5_000, '90+': 6_000, total: 15_000 },
    });
    expect(result.total).toEqual({
      current: 3_000,
      '1-30': 3_000,
      '31-60': 4_000,
      '61-90': 5_000,
      '90+': 6_000,
      total: 21_000,
    });
  });
});

describe('payment behaviour per client', () => {
  it('average days to pay, share paid late, open overdue', () => {
    const result = paymentBehaviour(
      [
        // 19 days, on time
        {
          clientId: 'a',
          issuedOn: '2026-01-01',
          dueDate: '2026-01-31',
          settledOn: '2026-01-20',
          paid: 100,
          balance: 0,
        },
        // 40 days, 10 late
        {
          clientId: 'a',
          issuedOn: '2026-02-01',
          dueDate: '2026-03-03',
          settledOn: '2026-03-13',
          paid: 100,
          balance: 0,
        },
        // settled by a credit note alone: not a payment
        {
          clientId: 'a',
          issuedOn: '2026-03-01',
          dueDate: '2026-03-31',
          settledOn: '2026-03-05',
          paid: 0,
          balance: 0,
        },
        // open and past due
        {
          clientId: 'a',
          issuedOn: '2026-04-01',
          dueDate: '2026-05-01',
          settledOn: null,
          paid: 50,
          balance: 50,
        },
        // open, not yet due
        {
          clientId: 'b',
          issuedOn: '2026-06-01',
          dueDate: '2026-07-01',
          settledOn: null,
          paid: 0,
          balance: 100,
        },
      ],
      '2026-06-30',
    );
    expect(result).toEqual({
      a: { paidInvoices: 2, averageDaysToPay: 29.5, paidLate: 1, lateShare: 0.5, overdueOpen: 1 },
      b: { paidInvoices: 0, averageDaysToPay: null, paidLate: 0, lateShare: null, overdueOpen: 0 },
    });
  });
});

describe('reminders for overdue invoices (first 7 days past due, then every 14, at most 3)', () => {
  const inv = (o: Partial<ReminderCandidate>): ReminderCandidate => ({
    invoiceId: 'i1',
    clientId: 'a',
    status: 'issued',
    dueDate: '2026-06-01',
    balance: 10_000,
    lastRemindedOn: null,
    remindersSent: 0,
    ...o,
  });
  it.each([
    ['6 days past due: not yet', inv({}), '2026-06-07', null],
    ['7 days past due: the first', inv({}), '2026-06-08', 1],
    [
      '13 days after the last: not yet',
      inv({ lastRemindedOn: '2026-06-08', remindersSent: 1 }),
      '2026-06-21',
      null,
    ],
    [
      '14 days after the last: the second',
      inv({ lastRemindedOn: '2026-06-08', remindersSent: 1 }),
      '2026-06-22',
      2,
    ],
    ['three sent: no more', inv({ lastRemindedOn: '2026-06-01', remindersSent: 3 }), '2026-09-01', null],
    ['partially paid still owes', inv({ status: 'partially_paid' }), '2026-06-20', 1],
    ['paid', inv({ status: 'paid', balance: 0 }), '2026-06-20', null],
    ['a draft', inv({ status: 'draft' }), '2026-06-20', null],
    ['void', inv({ status: 'void' }), '2026-06-20', null],
  ])('%s', (_, candidate, asOf, number) => {
    const due = remindersDue([candidate], asOf, defaultReminderPolicy);
    expect(due.map((d) => d.reminderNumber)).toEqual(number === null ? [] : [number]);
  });

  it('says how overdue the invoice is', () => {
    expect(
      remindersDue([inv({})], '2026-06-30', { firstAfterDays: 1, repeatEveryDays: 7, maxReminders: null }),
    ).toEqual([{ invoiceId: 'i1', clientId: 'a', daysOverdue: 29, reminderNumber: 1 }]);
  });
});
