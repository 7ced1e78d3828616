import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementKinds, agreementStatuses, inForce } from '../agreements/types.js';
import { formatDay, localDayOf } from '../calendar/zone.js';
import { decideEntitlement, precedence } from './decide.js';
import { agreement, context, workTypes } from './fixtures.js';
import {
  defaultBusinessHours,
  type EntitlementContext,
  type EntitlementOutcome,
  type WorkUnit,
} from './types.js';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const categories = ['helpdesk', 'backup', 'network'];
const codes = workTypes.map((w) => w.code);
const dates = ['2023-06-01', '2024-01-01', '2024-06-15', '2025-01-01', '2025-09-30'];
const deciding = ['managed', 'block_hours', 'retainer', 'time_materials'] as const;
const rate = fc.integer({ min: 0, max: 50_000 });
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const anAgreement = fc
  .record({
    id: fc.constantFrom(...ids),
    clientId: fc.constantFrom('client-1', 'client-1', 'client-1', 'client-1', 'client-2'),
    kind: fc.constantFrom(...deciding, ...deciding, ...deciding, ...agreementKinds),
    status: fc.constantFrom(...Array(15).fill('active'), ...agreementStatuses),
    startDate: fc.constantFrom('2023-06-01', ...dates),
    endDate: fc.option(fc.constantFrom(...dates), { nil: null, freq: 4 }),
    coveredCategories: fc.subarray(categories),
    coveredWorkTypes: fc.subarray(codes),
    exclusions: fc.array(
      fc.record({
        category: nullable(fc.constantFrom(...categories)),
        workType: nullable(fc.constantFrom(...codes)),
        hourlyRate: rate,
        description: fc.constant('excluded'),
      }),
      { maxLength: 2 },
    ),
    outOfScopeRate: nullable(rate),
    afterHoursMultiplier: fc.oneof(
      fc.constantFrom(1, 1.25, 1.5, 2),
      fc.double({ min: 0, max: 4, noNaN: true }),
    ),
    blockHours: nullable(
      fc.record({ hoursPerPeriod: fc.constant(10), rollover: fc.boolean(), overageRate: rate }),
    ),
    hourlyRate: fc.option(rate, { nil: undefined }),
  })
  .map((fields) => agreement(fields));

const balance = fc.oneof(fc.integer({ min: -100, max: 600 }), fc.double({ min: 0, max: 300, noNaN: true }));
const week = fc.constantFrom(undefined, defaultBusinessHours, { sat: [['09:00', '13:00']] } as const, {});

const aContext: fc.Arbitrary<EntitlementContext> = fc
  .record({
    timeZone: fc.constantFrom(
      'Europe/Paris',
      'America/New_York',
      'UTC',
      'Asia/Kathmandu',
      'America/Santiago',
    ),
    businessHours: week,
    holidays: fc.subarray(['2024-03-31', '2024-05-01', '2024-11-04', '2025-01-01']),
    agreements: fc.uniqueArray(anAgreement, { selector: (a) => a.id, maxLength: 6, size: 'max' }),
    blockBalances: fc.dictionary(fc.constantFrom(...ids), balance),
    retainerBalances: fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: -500, max: 200_000 })),
    breakFixAfterHoursMultiplier: fc.option(fc.constantFrom(1, 1.5, 2), { nil: undefined }),
  })
  .map((c) => context(c as Partial<EntitlementContext>));

const from = Date.parse('2024-01-01T00:00:00Z');
const aWork: fc.Arbitrary<WorkUnit> = fc
  .record({
    start: fc.integer({ min: 0, max: 730 * 86_400 }),
    seconds: fc.oneof(fc.integer({ min: 1, max: 4 * 3_600 }), fc.integer({ min: 1, max: 4 * 86_400 })),
    category: nullable(fc.constantFrom(...categories)),
    workType: fc.constantFrom('remote', 'remote', 'onsite', ...codes),
    agreementHint: fc.option(fc.constantFrom(...ids, 'zz', ''), { nil: undefined }),
    internal: fc.constantFrom(undefined, undefined, undefined, undefined, undefined, undefined, false, true),
  })
  .map(({ start, seconds, ...rest }) => ({
    clientId: 'client-1',
    start: new Date(from + start * 1000).toISOString(),
    end: new Date(from + (start + seconds) * 1000).toISOString(),
    ...rest,
  }));

const kindsByRule: Record<(typeof precedence)[number], EntitlementOutcome['kind'][]> = {
  INTERNAL_WORK: ['internal'],
  INTERNAL_WORK_TYPE: ['internal'],
  NON_BILLABLE_WORK_TYPE: ['internal'],
  HINTED_AGREEMENT: ['covered', 'block', 'retainer', 'time_materials'],
  EXCLUDED_BY_AGREEMENT: ['out_of_scope'],
  COVERED_BY_MANAGED: ['covered'],
  DRAWN_FROM_BLOCK: ['block'],
  DRAWN_FROM_RETAINER: ['retainer'],
  OUTSIDE_MANAGED_SCOPE: ['out_of_scope'],
  TIME_AND_MATERIALS_AGREEMENT: ['time_materials'],
  BREAK_FIX: ['time_materials'],
};

const runs = { numRuns: 1_000 };

describe('entitlement properties', () => {
  it('always gives exactly one outcome, of the kind its rule gives', () => {
    fc.assert(
      fc.property(aWork, aContext, (work, ctx) => {
        const outcome = decideEntitlement(work, ctx);
        expect(precedence).toContain(outcome.rule.code);
        expect(kindsByRule[outcome.rule.code]).toContain(outcome.kind);
        expect(outcome.rule.explanation.length).toBeGreaterThan(0);
        if ('agreementId' in outcome && outcome.agreementId !== null) {
          const used = ctx.agreements.find((a) => a.id === outcome.agreementId)!;
          const startDate = formatDay(localDayOf(ctx.timeZone, Math.floor(Date.parse(work.start) / 60_000)));
          expect(used.clientId).toBe(work.clientId);
          expect(inForce(used, startDate)).toBe(true);
        }
        if (outcome.rule.code === 'BREAK_FIX') expect(outcome).toMatchObject({ agreementId: null });
      }),
      runs,
    );
  });

  it('counts minutes and after-hours minutes consistently, and bills whole non-negative amounts', () => {
    fc.assert(
      fc.property(aWork, aContext, (work, ctx) => {
        const o = decideEntitlement(work, ctx);
        const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
        expect(o.minutes).toBe(minute(work.end) - minute(work.start));
        expect(o.afterHoursMinutes).toBeGreaterThanOrEqual(0);
        expect(o.afterHoursMinutes).toBeLessThanOrEqual(o.minutes);
        expect(o.afterHours).toBe(o.afterHoursMinutes > 0);
        expect(Number.isSafeInteger(o.billableAmount)).toBe(true);
        expect(o.billableAmount).toBeGreaterThanOrEqual(0);
        if (o.kind === 'covered' || o.kind === 'internal') expect(o.billableAmount).toBe(0);
      }),
      runs,
    );
  });

  it('never draws a block below zero without recording the overage', () => {
    fc.assert(
      fc.property(aWork, aContext, (work, ctx) => {
        const o = decideEntitlement(work, ctx);
        if (o.kind !== 'block') return;
        const given = Math.max(0, Math.floor(ctx.blockBalances[o.agreementId] ?? 0));
        expect(o.minutesDrawn + o.overageMinutes).toBe(o.minutes);
        expect(o.minutesDrawn).toBeGreaterThanOrEqual(0);
        expect(o.minutesDrawn).toBeLessThanOrEqual(given);
        expect(o.balanceAfter).toBe(given - o.minutesDrawn);
        expect(o.balanceAfter).toBeGreaterThanOrEqual(0);
        if (o.overageMinutes > 0) expect(o.balanceAfter).toBe(0);
        if (o.overageMinutes === 0) expect(o.billableAmount).toBe(0);
      }),
      runs,
    );
  });

  it('never draws a retainer below zero: the shortfall is billed', () => {
    fc.assert(
      fc.property(aWork, aContext, (work, ctx) => {
        const o = decideEntitlement(work, ctx);
        if (o.kind !== 'retainer') return;
        const given = ctx.retainerBalances[o.agreementId]!;
        expect(o.amountDrawn).toBeLessThanOrEqual(given);
        expect(o.balanceAfter).toBe(given - o.amountDrawn);
        expect(o.balanceAfter).toBeGreaterThanOrEqual(0);
        expect(o.billableAmount).toBe(o.shortfall);
        if (o.shortfall > 0) expect(o.balanceAfter).toBe(0);
      }),
      runs,
    );
  });

  it('gives the same output for the same input, cached or not', () => {
    fc.assert(
      fc.property(aWork, aContext, (work, ctx) => {
        const first = decideEntitlement(work, ctx);
        expect(decideEntitlement(work, ctx)).toEqual(first);
        expect(decideEntitlement(structuredClone(work), structuredClone(ctx))).toEqual(first);
      }),
      runs,
    );
  });

  it('splits back-to-back work without losing or doubling a minute', () => {
    fc.assert(
      fc.property(aWork, aContext, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (work, ctx, at) => {
        const [s, e] = [Date.parse(work.start), Date.parse(work.end)];
        const cut = new Date(Math.round(s + (e - s) * at)).toISOString();
        fc.pre(cut > work.start && cut < work.end);
        const whole = decideEntitlement(work, ctx);
        const a = decideEntitlement({ ...work, end: cut }, ctx);
        const b = decideEntitlement({ ...work, start: cut }, ctx);
        expect(a.minutes + b.minutes).toBe(whole.minutes);
        expect(a.afterHoursMinutes + b.afterHoursMinutes).toBe(whole.afterHoursMinutes);
      }),
      runs,
    );
  });
});
