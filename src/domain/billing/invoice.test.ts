import { describe, expect, it } from 'vitest';
import type { Amendment } from '../agreements/amendments.js';
import { buildLine } from '../agreements/fixtures.js';
import { decideEntitlement } from '../entitlement/decide.js';
import { context, agreement as entitlementAgreement, evening, work } from '../entitlement/fixtures.js';
import { billCharges } from './charges.js';
import { creditNote } from './credit-notes.js';
import { bill, managed } from './fixtures.js';
import { openRetainerCycle, retainerTopUp } from './retainer-ledger.js';
import { invoiceTotals } from './totals.js';
import { billWork } from './work.js';

describe("one client's April invoice, end to end", () => {
  it('recurring lines, an adjustment for March, out-of-scope work after hours, a product, a discount, tax; then a credit note', () => {
    const marchBilled = bill(managed(), '2026-03');
    const to15: Amendment = {
      id: 'am-1',
      effectiveOn: '2026-03-10',
      kind: 'set_quantity',
      lineId: 'users',
      quantity: 15,
    };
    const recurring = bill(managed(), '2026-04', {
      amendments: [to15],
      reviewFrom: '2026-03',
      billed: marchBilled,
    });
    const onsite = work({ workType: 'onsite', ...evening });
    const { lines: workLines } = billWork({
      entries: [
        {
          id: 'e1',
          start: onsite.start,
          date: '2026-03-24',
          workType: 'onsite',
          description: 'Server room',
          outcome: decideEntitlement(onsite, context({ agreements: [entitlementAgreement()] })),
          billableOverride: null,
        },
      ],
      workTypes: [{ code: 'onsite', defaultRate: 12_000, incrementMinutes: 15, minimumMinutes: 60 }],
      blocks: [],
      retainers: [],
    });
    const products = billCharges([
      { id: 'p1', description: 'SSD 1 TB', date: '2026-03-24', quantity: 2, unitPrice: 8_950, taxable: true },
    ]);
    const lines = [...recurring, ...workLines, ...products];
    expect(lines.map((l) => [l.key, l.amount])).toEqual([
      // 10 → 15 users from 10 March: 677.42 − 500.00
      ['adjustment:agr-1:users:2026-03-01:1', 17_742],
      // April at 15 users × 50.00
      ['recurring:agr-1:users:2026-04-01', 75_000],
      // an hour on site after 18:00, outside the managed scope: 110.00 × 1.5
      ['work:e1', 16_500],
      // 2 × 89.50
      ['charge:p1', 17_900],
    ]);

    const totals = invoiceTotals({
      lines: lines.map((l) => ({
        key: l.key,
        amount: l.amount,
        taxable: l.taxable,
        discount: l.key === 'charge:p1' ? { kind: 'percent', basisPoints: 1_000 } : null,
      })),
      taxRate: 2_000,
    });
    // subtotal 177.42 + 750.00 + 165.00 + 179.00 = 1,271.42; 10 % off the SSDs = 17.90
    // net 1,253.52; tax 20 % = 250.704 → 250.70; total 1,504.22
    expect(totals).toMatchObject({
      subtotal: 127_142,
      discount: 1_790,
      net: 125_352,
      tax: 25_070,
      total: 150_422,
    });

    // The client disputes the on-site hour: a credit note for that line, with its share of tax —
    // 250.70 × 165.00 / 1,253.52 = 32.9995…, which the largest remainder rounds to 33.00.
    const note = creditNote({ id: 'inv-1', status: 'issued', lines: totals.lines }, [], {
      kind: 'lines',
      lines: [{ lineKey: 'work:e1' }],
    });
    const workTax = totals.lines.find((l) => l.key === 'work:e1')!.tax;
    expect(note).toMatchObject({ net: 16_500, tax: workTax, total: 16_500 + workTax });
    expect(workTax).toBe(3_300);
  });

  it("a retainer's cycle opens with what was carried plus what was invoiced for it", () => {
    const retainer = managed({
      id: 'r1',
      kind: 'retainer',
      startDate: '2026-03-17',
      retainerAmount: 200_000,
      lines: [buildLine({ id: 'rate', unitPrice: 10_000, recurring: false })],
    });
    const billed = bill(retainer, '2026-03');
    // The hourly rate line is no charge; the top-up is prorated: 2,000.00 × 15/31 = 967.741… → 967.74
    expect(billed.map((l) => [l.lineId, l.amount])).toEqual([['@retainer', 96_774]]);
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect(retainerTopUp(billed, 'r1', march)).toBe(96_774);
    expect(retainerTopUp(billed, 'other', march)).toBe(0);
    expect(openRetainerCycle(12_500, retainerTopUp(billed, 'r1', march))).toBe(109_274);
  });
});
