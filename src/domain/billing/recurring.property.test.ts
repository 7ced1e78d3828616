import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Amendment } from '../agreements/amendments.js';
import { addDays } from '../agreements/dates.js';
import { buildLine } from '../agreements/fixtures.js';
import type { Agreement } from '../agreements/types.js';
import { bill, managed, runMonths, totalsByLineAndCycle } from './fixtures.js';
import { addPeriods, periodOf } from './periods.js';
import type { AgreementCharge } from './recurring-types.js';

const first = '2026-01';
const day = fc.integer({ min: 0, max: 200 }).map((n) => addDays('2026-01-01', n));
const lineId = fc.constantFrom('a', 'b', 'c');
const change = fc.oneof(
  fc.record({
    kind: fc.constant('set_quantity' as const),
    lineId,
    quantity: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('set_price' as const),
    lineId,
    unitPrice: fc.integer({ min: 0, max: 90_000 }),
  }),
  fc.record({
    kind: fc.constant('add_line' as const),
    line: fc
      .record({
        id: lineId,
        quantity: fc.integer({ min: 1, max: 20 }),
        unitPrice: fc.integer({ min: 1, max: 9_000 }),
      })
      .map((l) => buildLine(l)),
  }),
  fc.record({ kind: fc.constant('remove_line' as const), lineId }),
);
/** An amendment and the month it was recorded in: on or after its effective month, up to three months later. */
const recorded = fc.tuple(day, change, fc.integer({ min: 0, max: 3 })).map(([effectiveOn, c, lag]) => ({
  effectiveOn,
  change: c,
  lag,
}));
const scenario = fc.record({
  start: day,
  end: fc.option(day, { nil: null }),
  endLag: fc.integer({ min: 0, max: 3 }),
  cycle: fc.constantFrom('monthly', 'quarterly', 'annual') as fc.Arbitrary<Agreement['billing']['cycle']>,
  timing: fc.constantFrom('advance', 'arrears') as fc.Arbitrary<Agreement['billing']['timing']>,
  lines: fc.uniqueArray(
    fc.record({
      id: lineId,
      quantity: fc.integer({ min: 0, max: 30 }),
      unitPrice: fc.integer({ min: 0, max: 12_345 }),
    }),
    { selector: (l) => l.id, minLength: 1, maxLength: 3 },
  ),
  amendments: fc.array(recorded, { maxLength: 6 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function agreementOf(s: Scenario, knowEnd: boolean): Agreement {
  const end = s.end !== null && s.end >= s.start && knowEnd ? s.end : null;
  return managed({
    startDate: s.start,
    endDate: end,
    status: end ? 'terminated' : 'active',
    billing: { cycle: s.cycle, timing: s.timing, paymentTermsDays: 30 },
    lines: s.lines.map((l) => buildLine(l)),
  });
}

const amendmentsOf = (s: Scenario, known: (a: Scenario['amendments'][number]) => boolean): Amendment[] =>
  s.amendments.flatMap((a, i) =>
    known(a) ? [{ id: `am-${i}`, effectiveOn: a.effectiveOn, ...a.change } as Amendment] : [],
  );

const recordedIn = (a: { effectiveOn: string; lag: number }) => addPeriods(periodOf(a.effectiveOn), a.lag);
const last = '2026-12';

describe('recurring billing, whatever happens to the agreement', () => {
  /** The agreement and amendments as known in the run for `p`. */
  const knownIn = (s: Scenario) => (p: string) => ({
    agreement: agreementOf(s, s.end === null || addPeriods(periodOf(s.end), s.endLag) <= p),
    amendments: amendmentsOf(s, (a) => recordedIn(a) <= p),
  });

  it('re-running a period with what it billed adds nothing, even when it corrected earlier ones', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 11 }), (s, n) => {
        const period = addPeriods(first, n);
        const known = knownIn(s);
        const earlier = runMonths(first, addPeriods(period, -1), known);
        const { agreement, amendments } = known(period);
        const now = bill(agreement, period, { amendments, reviewFrom: first, billed: earlier });
        expect(
          bill(agreement, period, { amendments, reviewFrom: first, billed: [...earlier, ...now] }),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('after each run, every cycle is billed exactly what it would have been had all then known been known at once', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const known = knownIn(s);
        for (let n = 0; n < 12; n++) {
          const p = addPeriods(first, n);
          const late = runMonths(first, p, known);
          const informed = runMonths(first, p, () => known(p));
          expect(totalsByLineAndCycle(late)).toEqual(totalsByLineAndCycle(informed));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('learning of changes late bills, in the end, exactly what knowing them from the start would have', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const all = amendmentsOf(s, () => true);
        const informed = runMonths(first, last, () => ({ agreement: agreementOf(s, true), amendments: all }));
        const late = runMonths(first, last, knownIn(s));
        // One more run once everything is known settles the last changes.
        const settle = (billed: AgreementCharge[]) => [
          ...billed,
          ...bill(agreementOf(s, true), addPeriods(last, 4), { amendments: all, reviewFrom: first, billed }),
        ];
        expect(totalsByLineAndCycle(settle(late))).toEqual(totalsByLineAndCycle(settle(informed)));
      }),
      { numRuns: 150 },
    );
  });

  it('every line key is billed once', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const lines = runMonths(first, last, knownIn(s));
        expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
      }),
      { numRuns: 100 },
    );
  });

  it('a line unchanged over a whole cycle bills its full price exactly; partial cycles within a cent per stretch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 27 }),
        (q, price, cut) => {
          const agreement = managed({
            startDate: addDays('2026-02-01', cut),
            lines: [buildLine({ id: 'a', quantity: q, unitPrice: price })],
          });
          const lines = runMonths('2026-02', '2026-03', () => ({ agreement, amendments: [] }));
          const [feb, mar] = lines;
          expect(mar!.amount).toBe(q * price);
          // February from the cut, plus what the days before it would have cost, is the month within a cent.
          const before =
            cut === 0
              ? 0
              : bill(
                  managed({
                    startDate: '2026-02-01',
                    endDate: addDays('2026-02-01', cut - 1),
                    status: 'terminated',
                    lines: agreement.lines,
                  }),
                  '2026-02',
                )[0]!.amount;
          expect(Math.abs(feb!.amount + before - q * price)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
