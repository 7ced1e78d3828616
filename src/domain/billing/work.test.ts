import { describe, expect, it } from 'vitest';
import { decideEntitlement } from '../entitlement/decide.js';
import {
  blockAgreement as B,
  context,
  evening,
  agreement as M,
  retainerAgreement as R,
  timeMaterialsAgreement as T,
  work,
} from '../entitlement/fixtures.js';
import type { EntitlementContext, WorkUnit } from '../entitlement/types.js';
import { closeBlockCycle, openBlockCycle, rolloverPolicyOf } from './block-ledger.js';
import { BillingValidationError } from './errors.js';
import { billWork, roundedMinutes } from './work.js';
import type { BillableEntry, WorkInput, WorkTypeBilling } from './work-types.js';

const workTypes: WorkTypeBilling[] = [
  { code: 'remote', defaultRate: 9_000, incrementMinutes: 15, minimumMinutes: 0 },
  { code: 'onsite', defaultRate: 12_000, incrementMinutes: 15, minimumMinutes: 60 },
];

/** Paris is UTC+1 on 12 March 2024: 'HH:MM' Paris → an instant. */
const paris = (hhmm: string, day = '2024-03-12') => {
  const [h, m] = hhmm.split(':').map(Number);
  return `${day}T${String(h! - 1).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
};

function entry(
  id: string,
  w: Partial<WorkUnit>,
  ctx: Partial<EntitlementContext>,
  override: boolean | null = null,
): BillableEntry {
  const unit = work(w);
  return {
    id,
    start: unit.start,
    date: unit.start.slice(0, 10),
    workType: unit.workType,
    description: `task ${id}`,
    outcome: decideEntitlement(unit, context(ctx)),
    billableOverride: override,
  };
}

const billed = (input: Partial<WorkInput> & Pick<WorkInput, 'entries'>) =>
  billWork({ workTypes, blocks: [], retainers: [], ...input });

describe('rounding increment, then minimum charge', () => {
  it.each([
    [7, 15, 0, 15],
    [15, 15, 0, 15],
    [61, 15, 0, 75],
    [20, 15, 60, 60], // 20 → 30 → minimum 60
    [70, 15, 60, 75],
    [45, 0, 0, 45], // no increment
    [45, 1, 0, 45],
    [50, 30, 45, 60], // 50 → 60, above the minimum
    [10, 0, 25, 25], // a minimum that is no multiple of the increment stands as it is
    [0, 15, 60, 0], // nothing worked bills nothing
  ])('%i min, increment %i, minimum %i → %i', (worked, increment, minimum, expected) => {
    expect(roundedMinutes(worked, { incrementMinutes: increment, minimumMinutes: minimum })).toBe(expected);
  });
});

describe('work billed in arrears', () => {
  const tm = { agreements: [T()] };

  it('rounding increments: 7 min → 15 and 61 min → 75 at 95.00/h', () => {
    const { lines } = billed({
      entries: [
        entry('e1', { start: paris('10:00'), end: paris('10:07') }, tm),
        entry('e2', { start: paris('11:00'), end: paris('12:01') }, tm),
      ],
    });
    // 95.00 × 15/60 = 23.75; 95.00 × 75/60 = 118.75
    expect(
      lines.map((l) => [l.key, l.workedMinutes, l.billedMinutes, l.quantity, l.unitPrice, l.amount]),
    ).toEqual([
      ['work:e1', 7, 15, 0.25, 9_500, 2_375],
      ['work:e2', 61, 75, 1.25, 9_500, 11_875],
    ]);
  });

  it('a minimum charge: 20 minutes of on-site break-fix bill one hour at 120.00', () => {
    const { lines } = billed({
      entries: [entry('e1', { workType: 'onsite', start: paris('10:00'), end: paris('10:20') }, {})],
    });
    expect(lines[0]).toMatchObject({
      outcomeKind: 'time_materials',
      agreementId: null,
      billedMinutes: 60,
      rate: 12_000,
      amount: 12_000,
    });
  });

  it('out-of-scope work under a managed agreement: on site is not covered, billed at its 110.00 out-of-scope rate', () => {
    // 45 min on site → 45 → minimum 60: 110.00
    const { lines } = billed({
      entries: [
        entry(
          'e1',
          { workType: 'onsite', start: paris('10:00'), end: paris('10:45') },
          { agreements: [M()] },
        ),
      ],
    });
    expect(lines[0]).toMatchObject({
      outcomeKind: 'out_of_scope',
      ruleCode: 'OUTSIDE_MANAGED_SCOPE',
      agreementId: 'm1',
      amount: 11_000,
    });
  });

  it('after-hours multiplier: an hour on site 18:00–19:00 bills 110.00 × 1.5 = 165.00', () => {
    const { lines } = billed({
      entries: [entry('e1', { workType: 'onsite', ...evening }, { agreements: [M()] })],
    });
    expect(lines[0]).toMatchObject({ afterHoursMinutes: 60, afterHoursMultiplier: 1.5, amount: 16_500 });
  });

  it('partly after hours: 17:30–18:10 on site, 10 of 40 min after 18:00, bills 60 min of which 10 ×1.5', () => {
    // 40 → 45 → minimum 60; the 20 added minutes are in hours (not all the work was after hours):
    // 110.00 × (50 + 10 × 1.5) / 60 = 110.00 × 65/60 = 119.166… → 119.17
    const { lines } = billed({
      entries: [
        entry(
          'e1',
          { workType: 'onsite', start: paris('17:30'), end: paris('18:10') },
          { agreements: [M()] },
        ),
      ],
    });
    expect(lines[0]).toMatchObject({
      workedMinutes: 40,
      billedMinutes: 60,
      afterHoursMinutes: 10,
      amount: 11_917,
    });
  });

  it('wholly after hours, the minutes rounding adds are after hours too', () => {
    // 18:00–18:50 = 50 → 60, all after hours: 110.00 × 1.5 = 165.00
    const { lines } = billed({
      entries: [
        entry(
          'e1',
          { workType: 'onsite', start: paris('18:00'), end: paris('18:50') },
          { agreements: [M()] },
        ),
      ],
    });
    expect(lines[0]).toMatchObject({ afterHoursMinutes: 60, amount: 16_500 });
  });

  it('covered work is on the invoice at zero; internal work is left off', () => {
    const result = billed({
      entries: [
        entry('e1', {}, { agreements: [M()] }),
        entry('e2', { internal: true, start: paris('12:00'), end: paris('12:30') }, {}),
      ],
    });
    expect(result.lines).toEqual([
      expect.objectContaining({
        key: 'work:e1',
        outcomeKind: 'covered',
        amount: 0,
        quantity: 1,
        rate: null,
        unitPrice: 0,
      }),
    ]);
    expect(result.skipped).toEqual([{ entryId: 'e2', reason: expect.stringContaining('internal work') }]);
  });

  it('an override that differs from the decision wins', () => {
    const { lines } = billed({
      entries: [
        // time & materials written off: nothing billed
        entry('e1', {}, tm, false),
        // covered, billed anyway: the work type's 90.00 for the hour
        entry('e2', { start: paris('12:00'), end: paris('13:00') }, { agreements: [M()] }, true),
        // an override equal to the decision changes nothing: 95.00
        entry('e3', { start: paris('14:00'), end: paris('15:00') }, tm, true),
      ],
    });
    expect(lines.map((l) => [l.entryId, l.amount, l.note.slice(0, 10)])).toEqual([
      ['e1', 0, 'Not billed'],
      ['e2', 9_000, 'Billed by '],
      ['e3', 9_500, 'Time & mat'],
    ]);
  });

  it('refuses unknown work types, entries given twice, and draws on a ledger not given', () => {
    const e = entry('e1', {}, tm);
    expect(() => billed({ entries: [{ ...e, workType: 'carpentry' }] })).toThrow(BillingValidationError);
    expect(() => billed({ entries: [e, e] })).toThrow(BillingValidationError);
    expect(() =>
      billed({ entries: [entry('e2', {}, { agreements: [B()], blockBalances: { b1: 600 } })] }),
    ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ code: 'MISSING_LEDGER' })] }));
  });
});

describe('block hours: allowance, rollover and overage', () => {
  // 10 hours a month, unused hours roll over one month (capped at 10 hours), overage 120.00/h ×1.5 after hours.
  const block = B({ blockHours: { hoursPerPeriod: 10, rollover: true, overageRate: 12_000 } });
  const policy = rolloverPolicyOf(block.blockHours!);
  const ctx = { agreements: [block], blockBalances: { b1: 600 } };
  const jan = { from: '2024-01-01', to: '2024-01-31' };
  const feb = { from: '2024-02-01', to: '2024-02-29' };
  const at = (id: string, day: string, from: string, to: string) =>
    entry(id, { start: paris(from, day), end: paris(to, day) }, ctx);

  it('carries 2.5 unused hours into February, then bills the hour beyond 12.5 as overage', () => {
    // January: 3 × 2.5 h = 7.5 h of 10 drawn; 150 min roll over.
    const janOpen = openBlockCycle({
      agreementId: 'b1',
      cycle: jan,
      carried: [],
      allowanceMinutes: 600,
      rollover: policy,
    });
    const janWork = billed({
      entries: [
        at('j1', '2024-01-09', '09:00', '11:30'),
        at('j2', '2024-01-10', '09:00', '11:30'),
        at('j3', '2024-01-11', '09:00', '11:30'),
      ],
      blocks: [janOpen.balance],
    });
    expect(janWork.lines.map((l) => [l.drawnMinutes, l.amount])).toEqual([
      [150, 0],
      [150, 0],
      [150, 0],
    ]);
    const janClose = closeBlockCycle({ balance: janWork.blocks[0]!, cycle: jan, rollover: policy });
    expect(janClose).toEqual({ carried: [{ grantedFor: '2024-01-01', minutes: 150 }], expiredMinutes: 0 });

    // February: 150 carried + 600 = 750 min. 6 h + 6 h + 1.5 h = 810 min: the last 60 are overage.
    const febOpen = openBlockCycle({
      agreementId: 'b1',
      cycle: feb,
      carried: janClose.carried,
      allowanceMinutes: 600,
      rollover: policy,
    });
    expect(febOpen.balance.lots).toEqual([
      { grantedFor: '2024-01-01', minutes: 150 },
      { grantedFor: '2024-02-01', minutes: 600 },
    ]);
    const febWork = billed({
      entries: [
        at('f1', '2024-02-06', '09:00', '15:00'),
        at('f2', '2024-02-07', '09:00', '15:00'),
        at('f3', '2024-02-08', '09:00', '10:30'),
      ],
      blocks: [febOpen.balance],
    });
    // f1 draws the 150 carried first, then 210 of February's; f2 360; f3 the last 30, and 60 over at 120.00 = 120.00.
    expect(febWork.lines.map((l) => [l.entryId, l.drawnMinutes, l.overageMinutes, l.amount])).toEqual([
      ['f1', 360, 0, 0],
      ['f2', 360, 0, 0],
      ['f3', 30, 60, 12_000],
    ]);
    expect(febWork.lines[2]!.note).toContain(
      'Drew 30 of 90 min from the block (30 → 0 min left); overage 60 min at 12000/h',
    );
    expect(febWork.blocks[0]!.lots).toEqual([
      { grantedFor: '2024-01-01', minutes: 0 },
      { grantedFor: '2024-02-01', minutes: 0 },
    ]);
  });

  it('rolled-over hours live one month: what is left of them then expires, and the carry is capped at one allowance', () => {
    const opened = openBlockCycle({
      agreementId: 'b1',
      cycle: feb,
      carried: [{ grantedFor: '2024-01-01', minutes: 150 }],
      allowanceMinutes: 600,
      rollover: policy,
    });
    const used = billed({ entries: [at('f1', '2024-02-06', '09:00', '10:45')], blocks: [opened.balance] });
    // 105 min drawn from January's 150: 45 left of it, which expire at February's end; February's 600 roll over.
    expect(closeBlockCycle({ balance: used.blocks[0]!, cycle: feb, rollover: policy })).toEqual({
      carried: [{ grantedFor: '2024-02-01', minutes: 600 }],
      expiredMinutes: 45,
    });
    // A cap below what is left trims the oldest first.
    const capped = closeBlockCycle({
      balance: {
        agreementId: 'b1',
        lots: [
          { grantedFor: '2024-01-01', minutes: 100 },
          { grantedFor: '2024-02-01', minutes: 300 },
        ],
      },
      cycle: feb,
      rollover: { periods: 2, capMinutes: 350 },
    });
    expect(capped).toEqual({
      carried: [
        { grantedFor: '2024-01-01', minutes: 50 },
        { grantedFor: '2024-02-01', minutes: 300 },
      ],
      expiredMinutes: 50,
    });
  });

  it('without rollover, unused hours expire at the cycle end, and carried lots at the next opening', () => {
    expect(
      closeBlockCycle({
        balance: { agreementId: 'b1', lots: [{ grantedFor: '2024-02-01', minutes: 90 }] },
        cycle: feb,
        rollover: null,
      }),
    ).toEqual({
      carried: [],
      expiredMinutes: 90,
    });
    const opened = openBlockCycle({
      agreementId: 'b1',
      cycle: feb,
      carried: [{ grantedFor: '2024-01-01', minutes: 30 }],
      allowanceMinutes: 600,
      rollover: null,
    });
    expect(opened).toEqual({
      balance: { agreementId: 'b1', lots: [{ grantedFor: '2024-02-01', minutes: 600 }] },
      expiredMinutes: 30,
    });
  });

  it('after-hours overage is multiplied: 30 min over after 18:00 = 120.00 × 0.5 h × 1.5 = 90.00', () => {
    const { lines } = billed({
      entries: [at('e1', '2024-03-12', '18:00', '19:00')],
      blocks: [{ agreementId: 'b1', lots: [{ grantedFor: '2024-03-01', minutes: 30 }] }],
    });
    expect(lines[0]).toMatchObject({
      drawnMinutes: 30,
      overageMinutes: 30,
      afterHoursMinutes: 60,
      amount: 9_000,
    });
  });

  it('an overage takes the after-hours share of its entry: 17:00–19:00 with 60 min left', () => {
    // 60 of 120 min over; 60 of 120 after hours → 30 of the overage: 120.00 × (30 + 30 × 1.5)/60 = 150.00
    const { lines } = billed({
      entries: [at('e1', '2024-03-12', '17:00', '19:00')],
      blocks: [{ agreementId: 'b1', lots: [{ grantedFor: '2024-03-01', minutes: 60 }] }],
    });
    expect(lines[0]).toMatchObject({ overageMinutes: 60, amount: 15_000 });
  });
});

describe('retainer drawdown', () => {
  const ctx = { agreements: [R()], retainerBalances: { r1: 100_000 } };
  it('draws the work value until the money runs out, then bills the rest', () => {
    const result = billed({
      entries: [
        // 50 min → 60 at 100.00: 100.00 drawn, 50.00 left
        entry('e1', { start: paris('09:00'), end: paris('09:50') }, ctx),
        // 60 min after hours ×1.5 = 150.00: 50.00 drawn, 100.00 billed
        entry('e2', evening, ctx),
        // the retainer is empty: 100.00 billed
        entry('e3', { start: paris('10:00', '2024-03-13'), end: paris('11:00', '2024-03-13') }, ctx),
      ],
      retainers: [{ agreementId: 'r1', balance: 15_000 }],
    });
    expect(result.lines.map((l) => [l.entryId, l.drawnAmount, l.amount])).toEqual([
      ['e1', 10_000, 0],
      ['e2', 5_000, 10_000],
      ['e3', 0, 10_000],
    ]);
    expect(result.retainers).toEqual([{ agreementId: 'r1', balance: 0 }]);
  });
});
