import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntitlementOutcome } from '../entitlement/types.js';
import { blockAllowance } from './block-ledger.js';
import { managed } from './fixtures.js';
import { billWork, roundedMinutes } from './work.js';
import type { BillableEntry } from './work-types.js';

const rule = fc.record({
  incrementMinutes: fc.integer({ min: 0, max: 60 }),
  minimumMinutes: fc.integer({ min: 0, max: 120 }),
});

const base = (minutes: number, afterHoursMinutes: number) => ({
  minutes,
  afterHours: afterHoursMinutes > 0,
  afterHoursMinutes,
  billableAmount: 0,
});
const outcome: fc.Arbitrary<EntitlementOutcome> = fc
  .tuple(fc.integer({ min: 1, max: 600 }), fc.nat(100), fc.constantFrom('block', 'retainer', 'tm', 'covered'))
  .map(([minutes, share, kind]) => {
    const ah = Math.floor((minutes * share) / 100);
    const rule = { code: 'BREAK_FIX' as const, explanation: 'x' };
    if (kind === 'block') {
      return {
        ...base(minutes, ah),
        rule,
        kind: 'block',
        agreementId: 'b1',
        minutesDrawn: minutes,
        overageMinutes: 0,
        overageRate: 12_000,
        afterHoursMultiplier: 1.5,
        balanceAfter: 0,
      };
    }
    if (kind === 'retainer') {
      return {
        ...base(minutes, ah),
        rule,
        kind: 'retainer',
        agreementId: 'r1',
        rate: 10_000,
        afterHoursMultiplier: 2,
        amountDrawn: 0,
        shortfall: 0,
        balanceAfter: 0,
      };
    }
    if (kind === 'tm')
      return {
        ...base(minutes, ah),
        rule,
        kind: 'time_materials',
        agreementId: null,
        rate: 9_000,
        afterHoursMultiplier: 1,
      };
    return { ...base(minutes, ah), rule, kind: 'covered', agreementId: 'm1' };
  });
const entries = fc
  .array(fc.tuple(outcome, fc.integer({ min: 0, max: 10_000 })), { maxLength: 25 })
  .map((xs) =>
    xs.map(
      ([o, t], i): BillableEntry => ({
        id: `e${i}`,
        start: new Date(Date.UTC(2026, 2, 1) + t * 60_000).toISOString(),
        date: '2026-03-01',
        workType: 'remote',
        description: 'work',
        outcome: o,
        billableOverride: null,
      }),
    ),
  );

describe('work billing, for any entries', () => {
  it('rounding never bills less than worked, lands on the increment or the minimum, and is the least such', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), rule, (worked, r) => {
        const billed = roundedMinutes(worked, r);
        const step = Math.max(1, r.incrementMinutes);
        expect(billed).toBeGreaterThanOrEqual(worked);
        expect(billed).toBeGreaterThanOrEqual(r.minimumMinutes);
        expect(billed % step === 0 || billed === r.minimumMinutes).toBe(true);
        expect(billed - step < Math.max(worked, r.minimumMinutes)).toBe(true);
      }),
    );
  });

  it('draws never exceed the balances; drawn + overage = billed minutes; one line per client entry', () => {
    fc.assert(
      fc.property(entries, rule, fc.nat(3_000), fc.nat(300_000), (es, r, minutes, money) => {
        const result = billWork({
          entries: es,
          workTypes: [{ code: 'remote', defaultRate: 9_000, ...r }],
          blocks: [{ agreementId: 'b1', lots: [{ grantedFor: '2026-03-01', minutes }] }],
          retainers: [{ agreementId: 'r1', balance: money }],
        });
        expect(result.lines.map((l) => l.entryId).sort()).toEqual(es.map((e) => e.id).sort());
        const blockLines = result.lines.filter((l) => l.outcomeKind === 'block');
        const drawn = blockLines.reduce((s, l) => s + l.drawnMinutes, 0);
        expect(drawn).toBe(
          Math.min(
            minutes,
            blockLines.reduce((s, l) => s + l.billedMinutes, 0),
          ),
        );
        for (const l of blockLines) expect(l.drawnMinutes + l.overageMinutes).toBe(l.billedMinutes);
        expect(result.blocks[0]!.lots[0]!.minutes).toBe(minutes - drawn);
        const retained = result.lines
          .filter((l) => l.outcomeKind === 'retainer')
          .reduce((s, l) => s + l.drawnAmount, 0);
        expect(retained).toBeLessThanOrEqual(money);
        expect(result.retainers[0]!.balance).toBe(money - retained);
        for (const l of result.lines) {
          expect(Number.isSafeInteger(l.amount) && l.amount >= 0).toBe(true);
          if (l.outcomeKind === 'covered') expect(l.amount).toBe(0);
        }
      }),
    );
  });

  it('the order entries are given in does not change what they bill', () => {
    fc.assert(
      fc.property(entries, fc.nat(2_000), (es, minutes) => {
        const input = (list: BillableEntry[]) => ({
          entries: list,
          workTypes: [{ code: 'remote', defaultRate: 9_000, incrementMinutes: 15, minimumMinutes: 30 }],
          blocks: [{ agreementId: 'b1', lots: [{ grantedFor: '2026-03-01', minutes }] }],
          retainers: [{ agreementId: 'r1', balance: 50_000 }],
        });
        expect(billWork(input([...es].reverse()))).toEqual(billWork(input(es)));
      }),
    );
  });
});

describe('block allowance', () => {
  const block = (o: Parameters<typeof managed>[0]) =>
    managed({
      kind: 'block_hours',
      blockHours: { hoursPerPeriod: 10, rollover: false, overageRate: 1 },
      ...o,
    });
  const march = { from: '2026-03-01', to: '2026-03-31' };
  it.each([
    ['a whole month', {}, 600],
    // 600 × 15/31 = 290.32… → 290
    ['from the 17th', { startDate: '2026-03-17' }, 290],
    // 600 × 20/31 = 387.09… → 387
    ['ended on the 20th', { endDate: '2026-03-20', status: 'terminated' as const }, 387],
    ['a draft', { status: 'draft' as const }, 0],
    ['not yet started', { startDate: '2026-04-01' }, 0],
  ])('%s: %i minutes', (_, o, expected) => {
    expect(blockAllowance(block(o), march)).toBe(expected);
  });
});
