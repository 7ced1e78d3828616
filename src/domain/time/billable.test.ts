import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEntitlement } from '../entitlement/decide.js';
import {
  agreement,
  blockAgreement,
  context,
  evening,
  retainerAgreement,
  timeMaterialsAgreement,
  work,
} from '../entitlement/fixtures.js';
import type { EntitlementContext, WorkUnit } from '../entitlement/types.js';
import { entryBilling } from './billable.js';
import { ownWorkOutcome } from './own-work.js';

const REMOTE_RATE = 9_000; // the fixtures' remote work type, per hour

const outcomeOf = (w: Partial<WorkUnit>, c: Partial<EntitlementContext>) =>
  decideEntitlement(work(w), context(c));

describe('entry billing from the entitlement outcome', () => {
  // Each case is one hour of remote work (Tuesday 10:00–11:00 in Paris, or 19:00–20:00 for "evening").
  it.each([
    // name, work, context, override, → decided, billable, rate, amount
    ['covered by managed', {}, { agreements: [agreement()] }, null, false, false, null, 0],
    // Overridden to billable: no rate priced, so the work type's 90.00; covered work has no multiplier.
    ['covered, overridden billable', evening, { agreements: [agreement()] }, true, false, true, 9_000, 9_000],
    [
      'time & materials at 95.00',
      {},
      { agreements: [timeMaterialsAgreement()] },
      null,
      true,
      true,
      9_500,
      9_500,
    ],
    // 60 min × 95.00 × 2 after hours = 190.00.
    [
      'T&M after hours ×2',
      evening,
      { agreements: [timeMaterialsAgreement()] },
      null,
      true,
      true,
      9_500,
      19_000,
    ],
    [
      'T&M overridden not billable',
      {},
      { agreements: [timeMaterialsAgreement()] },
      false,
      true,
      false,
      9_500,
      0,
    ],
    // Network is outside the managed scope: 110.00 an hour.
    [
      'out of scope',
      { category: 'network' },
      { agreements: [agreement()] },
      null,
      true,
      true,
      11_000,
      11_000,
    ],
    ['break-fix', {}, {}, null, true, true, REMOTE_RATE, 9_000],
    // 600 min left: all 60 drawn, nothing billed.
    [
      'block, drawn',
      {},
      { agreements: [blockAgreement()], blockBalances: { b1: 600 } },
      null,
      false,
      false,
      12_000,
      0,
    ],
    // 30 min left: 30 min overage at 120.00 = 60.00, so the entry bills.
    [
      'block overage',
      {},
      { agreements: [blockAgreement()], blockBalances: { b1: 30 } },
      null,
      true,
      true,
      12_000,
      6_000,
    ],
    // Overridden: every minute at the overage rate, 120.00.
    [
      'block, overridden billable',
      {},
      { agreements: [blockAgreement()], blockBalances: { b1: 600 } },
      true,
      false,
      true,
      12_000,
      12_000,
    ],
    // Evening, overridden: 60 min × 120.00 × 1.5 = 180.00.
    [
      'block after hours, overridden',
      evening,
      { agreements: [blockAgreement()], blockBalances: { b1: 600 } },
      true,
      false,
      true,
      12_000,
      18_000,
    ],
    [
      'retainer, drawn',
      {},
      { agreements: [retainerAgreement()], retainerBalances: { r1: 500_000 } },
      null,
      false,
      false,
      10_000,
      0,
    ],
    // 40.00 left of a 100.00 hour: the 60.00 shortfall bills.
    [
      'retainer shortfall',
      {},
      { agreements: [retainerAgreement()], retainerBalances: { r1: 4_000 } },
      null,
      true,
      true,
      10_000,
      6_000,
    ],
    ['internal work type', { workType: 'training' }, {}, null, false, false, null, 0],
  ] as const)('%s', (_, w, c, override, decided, billable, rate, amount) => {
    const outcome = outcomeOf(w, c as Partial<EntitlementContext>);
    expect(entryBilling(outcome, override, REMOTE_RATE)).toMatchObject({ decided, billable, rate, amount });
  });

  it('work for no client is internal, never after hours, never billed', () => {
    const outcome = ownWorkOutcome(90);
    expect(outcome).toMatchObject({ kind: 'internal', minutes: 90, afterHours: false, billableAmount: 0 });
    expect(entryBilling(outcome, null, REMOTE_RATE)).toMatchObject({
      decided: false,
      billable: false,
      amount: 0,
    });
  });

  it('an override equal to the decision changes nothing, and a non-billable entry bills 0 (property)', () => {
    const cases = [
      { agreements: [agreement()] },
      { agreements: [timeMaterialsAgreement()] },
      { agreements: [blockAgreement()], blockBalances: { b1: 45 } },
      { agreements: [retainerAgreement()], retainerBalances: { r1: 7_000 } },
      {},
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.option(fc.boolean(), { nil: null }),
        (c, minutes, startMinute, override) => {
          const start = Date.parse('2024-03-12T00:00:00Z') + startMinute * 60_000;
          const outcome = outcomeOf(
            { start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() },
            c as Partial<EntitlementContext>,
          );
          const plain = entryBilling(outcome, null, REMOTE_RATE);
          const billing = entryBilling(outcome, override, REMOTE_RATE);
          expect(billing.billable).toBe(override ?? plain.decided);
          if (override === plain.decided) expect(billing).toEqual(plain);
          if (!billing.billable) expect(billing.amount).toBe(0);
          else expect(billing.amount).toBeGreaterThan(0);
        },
      ),
    );
  });
});
