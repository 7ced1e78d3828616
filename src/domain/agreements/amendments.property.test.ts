import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Amendment, agreementOn } from './amendments.js';
import { validateAmendments } from './amendments-validate.js';
import { addDays } from './dates.js';
import { buildAgreement, buildLine } from './fixtures.js';

const start = '2025-01-01';
const base = buildAgreement({
  startDate: start,
  lines: ['l0', 'l1', 'l2'].map((id, i) =>
    buildLine({ id, quantity: 5 * (i + 1), unitPrice: 1_000 * (i + 1) }),
  ),
});
const date = fc.integer({ min: 0, max: 120 }).map((n) => addDays(start, n));
const lineId = fc.constantFrom('l0', 'l1', 'l2', 'l3', 'l4');
const change = fc.oneof(
  fc.record({
    kind: fc.constant('set_quantity' as const),
    lineId,
    quantity: fc.integer({ min: -2, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('set_price' as const),
    lineId,
    unitPrice: fc.integer({ min: -10, max: 50_000 }),
  }),
  fc.record({
    kind: fc.constant('add_line' as const),
    line: fc
      .record({ id: lineId, quantity: fc.integer({ min: -1, max: 20 }), unitPrice: fc.nat(9_000) })
      .map((l) => buildLine(l)),
  }),
  fc.record({ kind: fc.constant('remove_line' as const), lineId }),
  fc.record({
    kind: fc.constant('change_plan' as const),
    lineId,
    planId: fc.constantFrom('essentials', 'complete'),
    categories: fc.subarray(['monitoring', 'patching', 'backup', 'helpdesk', 'security']),
    unitPrice: fc.nat(30_000),
    description: fc.constant('plan'),
  }),
);
/** Amendments with unique ids a0, a1, … and no reversals. */
const plain = fc
  .array(fc.tuple(date, change), { maxLength: 12 })
  .map((xs) => xs.map(([effectiveOn, c], i) => ({ id: `a${i}`, effectiveOn, ...c }) as Amendment));
/** The same, with some of them reversed on or after their own date. */
const withReversals = plain.chain((xs) =>
  fc
    .subarray(xs)
    .chain((targets) =>
      fc.tuple(
        ...targets.map((t) =>
          fc.integer({ min: 0, max: 30 }).map(
            (n) =>
              ({
                ...t,
                id: `r-${t.id}`,
                effectiveOn: addDays(t.effectiveOn, n),
                reverses: t.id,
              }) as Amendment,
          ),
        ),
      ),
    )
    .map((reversals) => [...xs, ...reversals]),
);

describe('amendments (properties)', () => {
  it('replayed date by date gives the same state as all at once', () => {
    fc.assert(
      fc.property(plain, (amendments) => {
        const dates = [...new Set(amendments.map((a) => a.effectiveOn))].sort();
        let state = base;
        for (const d of dates) {
          state = agreementOn(
            state,
            amendments.filter((a) => a.effectiveOn === d),
            d,
          );
          expect(state).toEqual(agreementOn(base, amendments, d));
        }
        expect(state).toEqual(agreementOn(base, amendments, addDays(start, 365)));
      }),
    );
  });

  it('an amendment followed by its reversal leaves the agreement as without it', () => {
    fc.assert(
      fc.property(plain, change, date, fc.nat(30), (others, c, on, delay) => {
        const amendment = { id: 'x', effectiveOn: on, ...c } as Amendment;
        const reversal = {
          ...amendment,
          id: 'y',
          effectiveOn: addDays(on, delay),
          reverses: 'x',
        } as Amendment;
        const after = addDays(on, delay);
        expect(agreementOn(base, [amendment, reversal], after)).toEqual(base);
        for (const d of [after, addDays(after, 40)]) {
          expect(agreementOn(base, [...others, amendment, reversal], d)).toEqual(
            agreementOn(base, others, d),
          );
        }
      }),
    );
  });

  it('ignores amendments effective after the date', () => {
    fc.assert(
      fc.property(withReversals, date, (amendments, d) => {
        const known = amendments.filter((a) => a.effectiveOn <= d);
        expect(agreementOn(base, amendments, d)).toEqual(agreementOn(base, known, d));
      }),
    );
  });

  it('never yields a negative quantity or price from valid amendments', () => {
    let valid = 0;
    fc.assert(
      fc.property(withReversals, (amendments) => {
        fc.pre(validateAmendments(base, amendments).length === 0);
        valid++;
        for (let n = 0; n <= 160; n += 4) {
          for (const l of agreementOn(base, amendments, addDays(start, n)).lines) {
            expect(l.quantity).toBeGreaterThanOrEqual(0);
            expect(l.unitPrice).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(valid).toBeGreaterThan(50);
  });

  it('finds every negative quantity a replay would produce', () => {
    fc.assert(
      fc.property(withReversals, (amendments) => {
        const negative = agreementOn(base, amendments, addDays(start, 200)).lines.some((l) => l.quantity < 0);
        const codes = validateAmendments(base, amendments).map((e) => e.code);
        if (negative) expect(codes).toContain('NEGATIVE_QUANTITY');
      }),
    );
  });
});
