import { describe, expect, it } from 'vitest';
import type { Amendment } from '../agreements/amendments.js';
import { buildLine } from '../agreements/fixtures.js';
import { BillingValidationError } from './errors.js';
import { bill, managed, usersLine } from './fixtures.js';
import type { RecurringAdjustment } from './recurring-types.js';

const march = { from: '2026-03-01', to: '2026-03-31' };
const april = { from: '2026-04-01', to: '2026-04-30' };
const to15 = (effectiveOn = '2026-03-10'): Amendment => ({
  id: 'am-1',
  effectiveOn,
  kind: 'set_quantity',
  lineId: 'users',
  quantity: 15,
});

describe('recurring lines billed in advance', () => {
  it('a full month: 10 users × 50.00 = 500.00 for March', () => {
    expect(bill(managed(), '2026-03')).toEqual([
      {
        kind: 'recurring',
        key: 'recurring:agr-1:users:2026-03-01',
        agreementId: 'agr-1',
        lineId: 'users',
        role: 'recurring',
        description: 'Managed users',
        quantity: 10,
        quantitySource: 'entered',
        unitPrice: 5_000,
        amount: 50_000,
        cycle: march,
        from: '2026-03-01',
        to: '2026-03-31',
        prorated: false,
        taxable: true,
      },
    ]);
  });

  it('a start on the 17th: 500.00 × 15/31 = 241.935… → 241.94, dated 17–31 March', () => {
    const [line] = bill(managed({ startDate: '2026-03-17' }), '2026-03');
    expect(line).toMatchObject({
      from: '2026-03-17',
      to: '2026-03-31',
      prorated: true,
      quantity: 10,
      amount: 24_194,
    });
  });

  it('a quantity change known before the run: two lines, 10 users for 1–9 March and 15 for 10–31', () => {
    const lines = bill(managed(), '2026-03', { amendments: [to15()] });
    expect(lines.map((l) => [l.from, l.to, l.quantity, l.amount])).toEqual([
      // 500.00 × 9/31 = 145.161… → 145.16
      ['2026-03-01', '2026-03-09', 10, 14_516],
      // 750.00 × 22/31 = 532.258… → 532.26
      ['2026-03-10', '2026-03-31', 15, 53_226],
    ]);
  });

  it('a counted quantity is snapshotted on the line at bill time', () => {
    const agreement = managed({ lines: [usersLine({ quantitySource: 'active_contacts', quantity: 0 })] });
    const [line] = bill(agreement, '2026-03', { counts: { active_contacts: 12 } });
    expect(line).toMatchObject({ quantity: 12, quantitySource: 'active_contacts', amount: 60_000 });
  });

  it('a counted quantity with no count given is refused', () => {
    const agreement = managed({ lines: [usersLine({ quantitySource: 'managed_assets' })] });
    try {
      bill(agreement, '2026-03');
      expect.unreachable();
    } catch (err) {
      expect((err as BillingValidationError).fields).toEqual([
        expect.objectContaining({ field: 'counts.managed_assets', code: 'MISSING_COUNT' }),
      ]);
    }
  });

  it('a draft agreement bills nothing; a suspended one still bills its fee', () => {
    expect(bill(managed({ status: 'draft' }), '2026-03')).toEqual([]);
    expect(bill(managed({ status: 'suspended' }), '2026-03').map((l) => l.amount)).toEqual([50_000]);
  });

  it('a one-off line (a setup fee) is billed once; a time & materials rate line never', () => {
    const setup = buildLine({
      id: 'setup',
      description: 'Onboarding',
      quantity: 1,
      unitPrice: 25_000,
      recurring: false,
    });
    const agreement = managed({ lines: [usersLine(), setup] });
    const first = bill(agreement, '2026-03');
    expect(first.map((l) => [l.kind, l.key, l.amount])).toEqual([
      ['recurring', 'recurring:agr-1:users:2026-03-01', 50_000],
      ['one_off', 'one_off:agr-1:setup', 25_000],
    ]);
    expect(bill(agreement, '2026-04', { reviewFrom: '2026-03', billed: first }).map((l) => l.kind)).toEqual([
      'recurring',
    ]);

    const hourly = buildLine({ id: 'rate', quantity: 1, unitPrice: 9_500, recurring: false });
    expect(bill(managed({ kind: 'time_materials', lines: [hourly] }), '2026-03')).toEqual([]);
  });

  it("a block's price bills per cycle, prorated by days: 900.00 from the 17th = 900 × 15/31 = 435.48", () => {
    const price = buildLine({
      id: 'block',
      description: '10 hours of support',
      quantity: 1,
      unitPrice: 90_000,
      recurring: false,
    });
    const agreement = managed({
      kind: 'block_hours',
      startDate: '2026-03-17',
      lines: [price],
      blockHours: { hoursPerPeriod: 10, rollover: true, overageRate: 12_000 },
    });
    expect(bill(agreement, '2026-03')).toEqual([
      expect.objectContaining({ role: 'block_price', amount: 43_548, from: '2026-03-17' }),
    ]);
  });

  it("a retainer's money is topped up each cycle", () => {
    const agreement = managed({ kind: 'retainer', lines: [], retainerAmount: 200_000 });
    expect(bill(agreement, '2026-03')).toEqual([
      expect.objectContaining({
        lineId: '@retainer',
        role: 'retainer_top_up',
        quantity: 1,
        unitPrice: 200_000,
        amount: 200_000,
      }),
    ]);
  });

  it('quarterly in advance: the April run bills April–June, May and June runs bill nothing new', () => {
    const agreement = managed({ billing: { cycle: 'quarterly', timing: 'advance', paymentTermsDays: 30 } });
    const q2 = bill(agreement, '2026-04');
    expect(q2).toEqual([
      expect.objectContaining({ from: '2026-04-01', to: '2026-06-30', amount: 150_000, prorated: false }),
    ]);
    expect(bill(agreement, '2026-05', { reviewFrom: '2026-04', billed: q2 })).toEqual([]);
  });

  it('monthly in arrears: the March run bills March, which has ended', () => {
    const agreement = managed({ billing: { cycle: 'monthly', timing: 'arrears', paymentTermsDays: 30 } });
    expect(bill(agreement, '2026-03').map((l) => [l.from, l.to])).toEqual([['2026-03-01', '2026-03-31']]);
  });

  it('refuses a review start after the period billed', () => {
    expect(() => bill(managed(), '2026-03', { reviewFrom: '2026-04' })).toThrow(BillingValidationError);
    expect(() => bill(managed(), '2026-3')).toThrow(BillingValidationError);
  });
});

describe('changes within an already-billed period: an adjustment on the next invoice', () => {
  const marchBilled = bill(managed(), '2026-03');

  it('re-running March changes nothing', () => {
    expect(bill(managed(), '2026-03', { billed: marchBilled })).toEqual([]);
  });

  it('10 → 15 users from the 10th, recorded after March was billed: +177.42 for 10–31 March', () => {
    const lines = bill(managed(), '2026-04', {
      amendments: [to15()],
      reviewFrom: '2026-03',
      billed: marchBilled,
    });
    // Should have been 145.16 (10 users, 1–9) + 532.26 (15 users, 10–31) = 677.42; billed 500.00.
    const adjustment = lines.find((l) => l.kind === 'adjustment') as RecurringAdjustment;
    expect(adjustment).toMatchObject({
      key: 'adjustment:agr-1:users:2026-03-01:1',
      cycle: march,
      sequence: 1,
      from: '2026-03-10',
      to: '2026-03-31',
      quantity: 5,
      unitPrice: 5_000,
      amount: 17_742,
      changes: [
        {
          from: '2026-03-10',
          to: '2026-03-31',
          was: { quantity: 10, unitPrice: 5_000 },
          now: { quantity: 15, unitPrice: 5_000 },
        },
      ],
    });
    expect(adjustment.description).toContain('quantity 10 → 15, 2026-03-10 – 2026-03-31');
    // April itself is billed at 15 users: 750.00.
    expect(lines.find((l) => l.kind === 'recurring')).toMatchObject({
      cycle: april,
      quantity: 15,
      amount: 75_000,
    });
    // And nothing is billed twice when April is run again.
    expect(
      bill(managed(), '2026-04', {
        amendments: [to15()],
        reviewFrom: '2026-03',
        billed: [...marchBilled, ...lines],
      }),
    ).toEqual([]);
  });

  it('a termination on 20 March after March was billed: −177.42 for 21–31 March, nothing for April', () => {
    const ended = managed({ status: 'terminated', endDate: '2026-03-20' });
    const lines = bill(ended, '2026-04', { reviewFrom: '2026-03', billed: marchBilled });
    // Should have been 500.00 × 20/31 = 322.580… → 322.58; billed 500.00.
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'adjustment',
        from: '2026-03-21',
        to: '2026-03-31',
        quantity: -10,
        unitPrice: 5_000,
        amount: -17_742,
        changes: [
          { from: '2026-03-21', to: '2026-03-31', was: { quantity: 10, unitPrice: 5_000 }, now: null },
        ],
      }),
    ]);
  });

  it('a termination recorded after April was billed in advance credits all of April too', () => {
    const aprilBilled = bill(managed(), '2026-04', { reviewFrom: '2026-03', billed: marchBilled });
    const ended = managed({ status: 'terminated', endDate: '2026-03-20' });
    const lines = bill(ended, '2026-05', { reviewFrom: '2026-03', billed: [...marchBilled, ...aprilBilled] });
    expect(lines.map((l) => [l.kind, l.from, l.to, l.amount])).toEqual([
      ['adjustment', '2026-03-21', '2026-03-31', -17_742],
      ['adjustment', '2026-04-01', '2026-04-30', -50_000],
    ]);
  });

  it('a start on the 17th learned after the run: April in full plus 241.94 for 17–31 March', () => {
    const late = managed({ startDate: '2026-03-17' });
    const lines = bill(late, '2026-04', { reviewFrom: '2026-03' });
    expect(lines.map((l) => [l.kind, l.from, l.to, l.amount])).toEqual([
      ['adjustment', '2026-03-17', '2026-03-31', 24_194],
      ['recurring', '2026-04-01', '2026-04-30', 50_000],
    ]);
    expect(lines[0]!.description).toContain('added 10 × 50.00, 2026-03-17 – 2026-03-31');
  });

  it('a plan change on the 16th at 70.00: +103.23 for 16–31 March', () => {
    const upgrade: Amendment = {
      id: 'am-2',
      effectiveOn: '2026-03-16',
      kind: 'change_plan',
      lineId: 'users',
      planId: 'complete',
      categories: ['helpdesk'],
      unitPrice: 7_000,
      description: 'Complete plan users',
    };
    const lines = bill(managed(), '2026-04', {
      amendments: [upgrade],
      reviewFrom: '2026-03',
      billed: marchBilled,
    });
    // 500.00 × 15/31 = 241.935… → 241.94; 700.00 × 16/31 = 361.290… → 361.29; 603.23 − 500.00 = 103.23.
    expect(lines[0]).toMatchObject({
      kind: 'adjustment',
      from: '2026-03-16',
      to: '2026-03-31',
      quantity: 1,
      unitPrice: 10_323,
      amount: 10_323,
    });
    expect(lines[0]!.description).toContain('unit price 50.00 → 70.00');
    expect(lines[1]).toMatchObject({
      kind: 'recurring',
      description: 'Complete plan users',
      unitPrice: 7_000,
      amount: 70_000,
    });
  });

  it('a reversed amendment gives back what it charged, as a second adjustment', () => {
    const first = bill(managed(), '2026-04', {
      amendments: [to15()],
      reviewFrom: '2026-03',
      billed: marchBilled,
    });
    const reversal: Amendment = {
      id: 'rev-1',
      effectiveOn: '2026-03-10',
      kind: 'set_quantity',
      lineId: 'users',
      quantity: 15,
      reverses: 'am-1',
    };
    const second = bill(managed(), '2026-05', {
      amendments: [to15(), reversal],
      reviewFrom: '2026-03',
      billed: [...marchBilled, ...first],
    });
    expect(second.map((l) => [l.kind, l.key, l.amount])).toEqual([
      // March back to 10 users: 500.00 − 677.42
      ['adjustment', 'adjustment:agr-1:users:2026-03-01:2', -17_742],
      // April back to 10 users: 500.00 − 750.00
      ['adjustment', 'adjustment:agr-1:users:2026-04-01:1', -25_000],
      ['recurring', 'recurring:agr-1:users:2026-05-01', 50_000],
    ]);
  });

  it('a counted quantity keeps its snapshot: a new count changes the next period, not the billed one', () => {
    const agreement = managed({ lines: [usersLine({ quantitySource: 'active_contacts' })] });
    const first = bill(agreement, '2026-03', { counts: { active_contacts: 12 } });
    expect(bill(agreement, '2026-03', { counts: { active_contacts: 14 }, billed: first })).toEqual([]);
    const next = bill(agreement, '2026-04', {
      counts: { active_contacts: 14 },
      reviewFrom: '2026-03',
      billed: first,
    });
    expect(next.map((l) => [l.kind, l.quantity, l.amount])).toEqual([['recurring', 14, 70_000]]);
  });

  it('cycles before reviewFrom are closed', () => {
    const late = managed({ startDate: '2026-01-17' });
    expect(bill(late, '2026-03', { reviewFrom: '2026-03' }).map((l) => l.from)).toEqual(['2026-03-01']);
    expect(bill(late, '2026-03', { reviewFrom: '2026-02' }).map((l) => l.from)).toEqual([
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('a change from monthly to quarterly billing bills only what the months already billed left out', () => {
    const billed = [...bill(managed(), '2026-02'), ...marchBilled];
    const quarterly = managed({ billing: { cycle: 'quarterly', timing: 'advance', paymentTermsDays: 30 } });
    // Q1 should be 3 × 500.00; February and March were billed monthly: January is what is left.
    expect(
      bill(quarterly, '2026-04', { reviewFrom: '2026-01', billed }).map((l) => [
        l.kind,
        l.from,
        l.to,
        l.amount,
      ]),
    ).toEqual([
      ['adjustment', '2026-01-01', '2026-01-31', 50_000],
      ['recurring', '2026-04-01', '2026-06-30', 150_000],
    ]);
  });

  it('quarterly: a start on 17 February found in the April run is a catch-up for 17 Feb – 31 Mar', () => {
    const agreement = managed({
      startDate: '2026-02-17',
      billing: { cycle: 'quarterly', timing: 'advance', paymentTermsDays: 30 },
    });
    const lines = bill(agreement, '2026-04', { reviewFrom: '2026-01' });
    // 500.00 × (12/28 + 31/31) = 214.285… + 500.00 = 714.29; then Q2 = 3 × 500.00.
    expect(lines.map((l) => [l.kind, l.from, l.to, l.amount])).toEqual([
      ['adjustment', '2026-02-17', '2026-03-31', 71_429],
      ['recurring', '2026-04-01', '2026-06-30', 150_000],
    ]);
  });
});
