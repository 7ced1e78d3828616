import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgreement, buildLine } from '../agreements/fixtures.js';
import {
  type Agreement,
  agreementKinds,
  agreementStatuses,
  builtInCategories,
  inForce,
  monthlyRecurringValue,
} from '../agreements/types.js';
import { type ClassificationInput, classifyClient, clientKinds } from './classify.js';
import { criterionCodes, recurringKinds } from './facts.js';

const day = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
const line = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  categories: fc.subarray([...builtInCategories]),
  quantity: fc.integer({ min: 0, max: 60 }),
  unitPrice: fc.integer({ min: 0, max: 40_000 }),
  recurring: fc.boolean(),
});
const agreement = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 3 }),
    kind: fc.constantFrom(...agreementKinds),
    status: fc.constantFrom(...agreementStatuses, 'active', 'active'),
    signedOn: fc.option(day),
    startDate: day,
    endDate: fc.option(day, { freq: 3 }),
    minimumTermMonths: fc.constantFrom(0, 1, 6, 12, 24, 36),
    slaPolicyId: fc.option(fc.constant('sla')),
    partOfEnvironment: fc.option(fc.constant('Servers'), { freq: 3 }),
    lines: fc.array(
      line.map((l) => buildLine(l)),
      { maxLength: 5 },
    ),
    coveredCategories: fc.subarray([...builtInCategories]),
  })
  .map((o) => buildAgreement(o));
const input: fc.Arbitrary<ClassificationInput> = fc.record({
  asOf: day,
  agreements: fc.uniqueArray(agreement, { selector: (a) => a.id, maxLength: 5 }),
  billing: fc.record({ oneOffInvoices: fc.nat(3), billedHours: fc.constantFrom(0, 0, 1.5, 20) }),
});
const stack = ['monitoring', 'patching', 'backup', 'helpdesk', 'security'];

describe('classifyClient (properties)', () => {
  it('always gives exactly one kind, every criterion once in order, and a fix exactly when failing', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = classifyClient(i);
        expect(clientKinds).toContain(r.kind);
        expect(r.checks.map((c) => c.code)).toEqual([...criterionCodes]);
        for (const c of r.checks) expect(c.fix === null).toBe(c.passed);
        expect(r.decidingAgreementId === null).toBe(i.agreements.length === 0);
      }),
    );
  });

  it("is 'contract' exactly when every check passes", () => {
    const contracts = fc.record({
      asOf: fc.constant('2026-03-15'),
      agreements: fc.array(
        agreement.map((a) => ({
          ...a,
          status: 'active' as const,
          kind: 'managed' as const,
          signedOn: '2025-01-01',
          startDate: '2025-02-01',
          endDate: null,
          minimumTermMonths: 12,
          slaPolicyId: 'sla',
          lines: [...a.lines, buildLine({ id: 'full', categories: stack, quantity: 20, unitPrice: 10_000 })],
        })),
        { minLength: 1, maxLength: 3 },
      ),
      billing: fc.record({ oneOffInvoices: fc.nat(3), billedHours: fc.nat(3) }),
    });
    const seen = new Set<boolean>();
    fc.assert(
      fc.property(fc.oneof(input, contracts), (i) => {
        const r = classifyClient(i);
        seen.add(r.kind === 'contract');
        expect(r.kind === 'contract').toBe(r.checks.every((c) => c.passed));
      }),
    );
    expect(seen).toEqual(new Set([true, false]));
  });

  it('never lowers MRR when an in-force recurring line is added', () => {
    fc.assert(
      fc.property(input, fc.nat(), line, (i, pick, extra) => {
        const candidates = i.agreements.filter((a) => inForce(a, i.asOf) && recurringKinds.has(a.kind));
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const added = buildLine({ ...extra, recurring: true });
        const agreements = i.agreements.map((a) => (a === target ? { ...a, lines: [...a.lines, added] } : a));
        const before = classifyClient(i).mrr;
        const after = classifyClient({ ...i, agreements }).mrr;
        expect(after).toBe(before + Math.round(added.quantity * added.unitPrice));
      }),
    );
  });

  it('counts MRR over in-force agreements of a recurring kind only', () => {
    fc.assert(
      fc.property(input, (i) => {
        const expected = i.agreements
          .filter((a: Agreement) => inForce(a, i.asOf) && recurringKinds.has(a.kind))
          .reduce((sum, a) => sum + monthlyRecurringValue(a), 0);
        expect(classifyClient(i).mrr).toBe(expected);
      }),
    );
  });

  it('does not depend on the order of the agreements', () => {
    fc.assert(
      fc.property(
        input.chain((i) =>
          fc.tuple(
            fc.constant(i),
            fc.shuffledSubarray([...i.agreements], { minLength: i.agreements.length }),
          ),
        ),
        ([i, shuffled]) => {
          expect(classifyClient({ ...i, agreements: shuffled })).toEqual(classifyClient(i));
        },
      ),
    );
  });
});
