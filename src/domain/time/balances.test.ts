import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, blockAgreement, retainerAgreement } from '../entitlement/fixtures.js';
import { balancesAfter, drawPeriod } from './balances.js';

describe('draw periods', () => {
  it.each([
    ['monthly', '2026-03-17', '2026-03-01', '2026-03-31'],
    ['monthly', '2026-02-01', '2026-02-01', '2026-02-28'],
    ['monthly', '2028-02-29', '2028-02-01', '2028-02-29'],
    ['monthly', '2026-12-31', '2026-12-01', '2026-12-31'],
    ['quarterly', '2026-01-01', '2026-01-01', '2026-03-31'],
    ['quarterly', '2026-05-20', '2026-04-01', '2026-06-30'],
    ['quarterly', '2026-09-30', '2026-07-01', '2026-09-30'],
    ['quarterly', '2026-11-02', '2026-10-01', '2026-12-31'],
    ['annual', '2026-07-04', '2026-01-01', '2026-12-31'],
  ] as const)('%s period of %s is %s … %s', (cycle, date, from, to) => {
    expect(drawPeriod(cycle, date)).toEqual({ from, to });
  });

  it('refuses what is not a date', () => {
    expect(() => drawPeriod('monthly', '2026-3-1')).toThrow(RangeError);
  });

  it('every period holds its date and the day after its end starts the next one (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('monthly', 'quarterly', 'annual' as const),
        fc.integer({ min: 0, max: 365 * 30 }),
        (cycle, n) => {
          const date = new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const { from, to } = drawPeriod(cycle, date);
          expect(from <= date && date <= to).toBe(true);
          const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(drawPeriod(cycle, next).from).toBe(next);
        },
      ),
    );
  });
});

describe('balances after what other entries drew', () => {
  const agreements = [agreement(), blockAgreement(), retainerAgreement()];

  it.each([
    // drawn, → block minutes left, retainer left
    [{ blockMinutes: {}, retainerAmount: {} }, 600, 500_000],
    [{ blockMinutes: { b1: 90 }, retainerAmount: { r1: 20_000 } }, 510, 480_000],
    // Drawn past the opening balance: nothing left, never less.
    [{ blockMinutes: { b1: 700 }, retainerAmount: { r1: 600_000 } }, 0, 0],
  ])('%o', (drawn, block, retainer) => {
    expect(balancesAfter(agreements, drawn)).toEqual({
      blockBalances: { b1: block },
      retainerBalances: { r1: retainer },
    });
  });
});
