import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgreement, buildLine } from '../agreements/fixtures.js';
import { bill } from './fixtures.js';
import { blockBalanceOn, type RecordedDraw, retainerBalanceOn } from './work-ledgers.js';

const block = (rollover: boolean, overrides = {}) =>
  buildAgreement({
    id: 'b1',
    kind: 'block_hours',
    startDate: '2026-01-01',
    blockHours: { hoursPerPeriod: 10, rollover, overageRate: 12_000 },
    ...overrides,
  });
const draw = (date: string, minutes: number, agreementId = 'b1'): RecordedDraw => ({
  agreementId,
  date,
  minutes,
  amount: 0,
});

describe('a block replayed from the work already invoiced', () => {
  it.each([
    // [rollover, draws, on, lots left]
    [false, [], '2026-01-15', [{ grantedFor: '2026-01-01', minutes: 600 }]],
    [false, [draw('2026-01-05', 90)], '2026-01-20', [{ grantedFor: '2026-01-01', minutes: 510 }]],
    // Without rollover January's 8.5 hours left expire; February opens with its own 10.
    [false, [draw('2026-01-05', 90)], '2026-02-03', [{ grantedFor: '2026-02-01', minutes: 600 }]],
    // With rollover they carry one cycle, capped at one allowance, and are drawn first.
    [
      true,
      [draw('2026-01-05', 90), draw('2026-02-02', 100)],
      '2026-02-20',
      [
        { grantedFor: '2026-01-01', minutes: 410 },
        { grantedFor: '2026-02-01', minutes: 600 },
      ],
    ],
    // ... and no further: January's minutes are gone in March.
    [
      true,
      [draw('2026-01-05', 90)],
      '2026-03-10',
      [
        { grantedFor: '2026-02-01', minutes: 600 },
        { grantedFor: '2026-03-01', minutes: 600 },
      ],
    ],
    // Another agreement's draws are not this block's.
    [false, [draw('2026-01-05', 90, 'other')], '2026-01-20', [{ grantedFor: '2026-01-01', minutes: 600 }]],
    // Before the agreement starts there is nothing.
    [false, [], '2025-12-20', []],
  ])('rollover %s, draws %j, on %s → %j', (rollover, draws, on, lots) => {
    expect(blockBalanceOn(block(rollover), on, draws).lots).toEqual(lots);
  });

  it('a block that starts mid-cycle is granted its share of the hours: 10 h × 15/31 days = 290 min', () => {
    expect(blockBalanceOn(block(false, { startDate: '2026-03-17' }), '2026-03-20', []).lots).toEqual([
      { grantedFor: '2026-03-01', minutes: 290 },
    ]);
  });

  it('never holds more than the allowances granted less what was drawn', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 89 }), fc.integer({ min: 0, max: 400 })), {
          maxLength: 12,
        }),
        (rollover, raw) => {
          const draws = raw
            .map(([day, minutes]) =>
              draw(new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10), minutes),
            )
            .sort((a, b) => (a.date < b.date ? -1 : 1));
          const left = blockBalanceOn(block(rollover), '2026-03-31', draws).lots.reduce(
            (s, l) => s + l.minutes,
            0,
          );
          const drawnInMarch = draws.filter((d) => d.date >= '2026-03-01').reduce((s, d) => s + d.minutes, 0);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(rollover ? 1200 : 600);
          if (!rollover) expect(left).toBe(Math.max(0, 600 - drawnInMarch));
        },
      ),
    );
  });
});

describe('a retainer replayed from its invoiced top-ups and draws', () => {
  const retainer = buildAgreement({
    id: 'r1',
    kind: 'retainer',
    startDate: '2026-01-01',
    retainerAmount: 100_000,
    lines: [buildLine({ id: 'rate', unitPrice: 10_000, recurring: false })],
  });
  const topUps = [
    ...bill(retainer, '2026-01'),
    ...bill(retainer, '2026-02', { billed: bill(retainer, '2026-01') }),
  ];
  const money = (date: string, amount: number): RecordedDraw => ({
    agreementId: 'r1',
    date,
    minutes: 0,
    amount,
  });

  it.each([
    // [on, draws, balance]
    ['2026-01-10', [], 100_000],
    ['2026-01-31', [money('2026-01-05', 30_000)], 70_000],
    // What January left carries into February, which adds its own top-up.
    ['2026-02-10', [money('2026-01-05', 30_000)], 170_000],
    ['2026-02-10', [money('2026-01-05', 30_000), money('2026-02-02', 50_000)], 120_000],
    // March's top-up has not been invoiced: only what is left of February.
    ['2026-03-10', [money('2026-02-02', 50_000)], 150_000],
  ])('on %s with draws %j: %i', (on, draws, balance) => {
    expect(retainerBalanceOn(retainer, on, topUps, draws)).toEqual({ agreementId: 'r1', balance });
  });
});
