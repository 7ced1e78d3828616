import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLine } from '../agreements/fixtures.js';
import { decideEntitlement } from '../entitlement/decide.js';
import { blockAgreement, context, work } from '../entitlement/fixtures.js';
import { type ClientInvoiceInput, planClientInvoice, reviewFromOf } from './client-invoice.js';
import { bill, managed } from './fixtures.js';
import type { BillingLine } from './invoice-lines.js';
import type { AgreementCharge } from './recurring-types.js';
import type { BillableEntry, WorkLine } from './work-types.js';

const workTypes = [
  { code: 'remote', defaultRate: 9_000, incrementMinutes: 15, minimumMinutes: 0 },
  { code: 'onsite', defaultRate: 12_000, incrementMinutes: 15, minimumMinutes: 60 },
];

const input = (overrides: Partial<ClientInvoiceInput>): ClientInvoiceInput => ({
  period: '2026-04',
  reviewMonths: 12,
  agreements: [],
  counts: {},
  billed: [],
  draws: [],
  entries: [],
  workTypes,
  charges: [],
  ...overrides,
});

const agreementCharges = (lines: BillingLine[]) =>
  lines.filter(
    (l): l is AgreementCharge => l.kind === 'recurring' || l.kind === 'adjustment' || l.kind === 'one_off',
  );

describe('how far back a run corrects an agreement', () => {
  const march = bill(managed(), '2026-03');
  it.each([
    // [start, period, look-back months, billed, review from]
    ['2025-01-01', '2026-04', 12, [], '2026-04'], // never billed, long running: from this period
    ['2026-02-10', '2026-04', 12, [], '2026-04'],
    ['2026-03-17', '2026-04', 12, [], '2026-03'], // started after March's run: billed from its start
    ['2026-03-01', '2026-04', 12, [], '2026-03'],
    ['2026-04-10', '2026-04', 12, [], '2026-04'],
    ['2026-06-01', '2026-04', 12, [], '2026-04'], // not started yet
    ['2026-03-17', '2026-04', 0, [], '2026-04'], // no look-back at all
    ['2025-01-01', '2026-04', 12, march, '2026-03'], // from the first period billed
    ['2025-01-01', '2027-06', 12, march, '2026-06'], // but never more than the look-back
  ])('start %s, run %s, look-back %i → %s', (startDate, period, months, billed, expected) => {
    expect(reviewFromOf({ id: 'agr-1', startDate }, period, months, billed as AgreementCharge[])).toBe(
      expected,
    );
  });
});

describe("one client's plan", () => {
  it('an agreement that started on 17 March, first billed in April: 17–31 March and all of April', () => {
    const plan = planClientInvoice(
      input({ agreements: [{ agreement: managed({ startDate: '2026-03-17' }), amendments: [] }] }),
    );
    expect(plan.lines.map((l) => [l.key, l.from, l.to, l.amount])).toEqual([
      // 500.00 × 15/31 = 241.935… → 241.94
      ['adjustment:agr-1:users:2026-03-01:1', '2026-03-17', '2026-03-31', 24_194],
      ['recurring:agr-1:users:2026-04-01', '2026-04-01', '2026-04-30', 50_000],
    ]);
    expect(plan.reviewFrom).toEqual({ 'agr-1': '2026-03' });
  });

  it('a quantity increase from 10 to 15 users on 10 March, recorded after March was billed', () => {
    const plan = planClientInvoice(
      input({
        agreements: [
          {
            agreement: managed(),
            amendments: [
              { id: 'am', effectiveOn: '2026-03-10', kind: 'set_quantity', lineId: 'users', quantity: 15 },
            ],
          },
        ],
        billed: bill(managed(), '2026-03'),
      }),
    );
    // 5 more users × 50.00 × 22/31 = 177.419… → 177.42; April at 15 × 50.00
    expect(plan.lines.map((l) => [l.key, l.quantity, l.amount])).toEqual([
      ['adjustment:agr-1:users:2026-03-01:1', 5, 17_742],
      ['recurring:agr-1:users:2026-04-01', 15, 75_000],
    ]);
  });

  function blockEntry(id: string, start: string, minutes: number): BillableEntry {
    const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    const unit = work({ start, end, category: 'network', workType: 'remote' });
    const ctx = context({ agreements: [blockAgreement()], blockBalances: { b1: 600 } });
    return {
      id,
      start,
      date: start.slice(0, 10),
      workType: 'remote',
      description: `work ${id}`,
      outcome: decideEntitlement(unit, ctx),
      billableOverride: null,
    };
  }

  it('work of two months draws each month from its own cycle: 10 h a month, overage at 120.00', () => {
    const block = blockAgreement({ startDate: '2026-01-01' });
    const plan = planClientInvoice(
      input({
        agreements: [{ agreement: block, amendments: [] }],
        // Already invoiced: 9 hours of February.
        draws: [{ agreementId: 'b1', date: '2026-02-03', minutes: 540, amount: 0 }],
        entries: [
          blockEntry('feb', '2026-02-20T09:00:00Z', 120), // 60 min left in February: 60 drawn, 60 overage
          blockEntry('mar1', '2026-03-05T09:00:00Z', 300), // March opens with 600
          blockEntry('mar2', '2026-03-06T09:00:00Z', 360), // 300 left: 300 drawn, 60 overage
        ],
      }),
    );
    const work = plan.lines.filter((l): l is WorkLine => l.kind === 'work');
    expect(work.map((l) => [l.entryId, l.drawnMinutes, l.overageMinutes, l.amount])).toEqual([
      ['feb', 60, 60, 12_000],
      ['mar1', 300, 0, 0],
      ['mar2', 300, 60, 12_000],
    ]);
  });

  it('charges outside agreements are billed as quantity × unit price', () => {
    const plan = planClientInvoice(
      input({
        charges: [
          { id: 'c1', description: 'SSD', date: '2026-03-24', quantity: 2, unitPrice: 8_950, taxable: true },
        ],
      }),
    );
    expect(plan.lines.map((l) => [l.key, l.amount])).toEqual([['charge:c1', 17_900]]);
  });

  it('running a period again, with what it billed standing, adds nothing', () => {
    const setup = buildLine({ id: 'setup', description: 'Onboarding', unitPrice: 25_000, recurring: false });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (startDay, quantity, months) => {
          const agreement = managed({
            startDate: `2026-02-${String(startDay).padStart(2, '0')}`,
            lines: [buildLine({ id: 'users', quantity, unitPrice: 4_999, unit: 'per_user' }), setup],
          });
          const agreements = [{ agreement, amendments: [] }];
          let billed: AgreementCharge[] = [];
          for (let m = 0; m <= months; m++) {
            const period = `2026-${String(3 + m).padStart(2, '0')}`;
            billed = [
              ...billed,
              ...agreementCharges(planClientInvoice(input({ period, agreements, billed })).lines),
            ];
            expect(planClientInvoice(input({ period, agreements, billed })).lines).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
