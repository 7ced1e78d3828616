import { describe, expect, it } from 'vitest';
import { decideEntitlement, precedence } from './decide.js';
import {
  blockAgreement as B,
  context,
  agreement as M,
  retainerAgreement as R,
  timeMaterialsAgreement as T,
  work,
  exclusion as x,
} from './fixtures.js';
import { rules } from './rules.js';
import type { EntitlementAgreement, EntitlementContext, RuleCode, WorkUnit } from './types.js';

type Row = [
  string,
  Partial<WorkUnit>,
  Partial<EntitlementContext>,
  Partial<Record<string, unknown>> & { code: RuleCode; says?: string },
];

function check([, w, c, { code, says, ...fields }]: Row) {
  const outcome = decideEntitlement(work(w), context(c));
  expect(outcome.rule.code).toBe(code);
  expect(outcome).toMatchObject(fields);
  if (says) expect(outcome.rule.explanation).toContain(says);
}

const hint = (agreementHint: string) => ({ agreementHint });

describe('hints', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['a hinted block beats managed coverage', hint('b1'), { agreements: [M(), B()], blockBalances: { b1: 600 } }, { code: 'HINTED_AGREEMENT', kind: 'block', agreementId: 'b1', minutesDrawn: 60, says: 'Hinted and in force: drew 60' }],
    ["a hint beats another agreement's exclusion", hint('b1'), { agreements: [M({ exclusions: [x('helpdesk', null, 13_000)] }), B()], blockBalances: { b1: 600 } }, { code: 'HINTED_AGREEMENT', kind: 'block' }],
    ['a hinted time & materials agreement beats coverage', hint('t1'), { agreements: [M(), T()] }, { code: 'HINTED_AGREEMENT', kind: 'time_materials', agreementId: 't1', billableAmount: 9_500 }],
    ['a hinted retainer with money', hint('r1'), { agreements: [M(), R()], retainerBalances: { r1: 50_000 } }, { code: 'HINTED_AGREEMENT', kind: 'retainer', amountDrawn: 10_000 }],
    ['a hinted managed agreement', hint('m2'), { agreements: [M(), M({ id: 'm2', startDate: '2024-02-01' })] }, { code: 'HINTED_AGREEMENT', kind: 'covered', agreementId: 'm2' }],
    ['a hint not in force yet is ignored', hint('b1'), { agreements: [M(), B({ startDate: '2024-04-01' })] }, { code: 'COVERED_BY_MANAGED', says: 'Hint b1 ignored: not in force on 2024-03-12.' }],
    ['a hint ended is ignored', hint('b1'), { agreements: [M(), B({ status: 'expired', endDate: '2024-02-29' })] }, { code: 'COVERED_BY_MANAGED', says: 'not in force' }],
    ["another client's agreement is ignored", hint('b1'), { agreements: [M(), B({ clientId: 'client-2' })] }, { code: 'COVERED_BY_MANAGED', says: "not one of this client's agreements" }],
    ['an unknown hint is ignored', hint('nope'), { agreements: [M()] }, { code: 'COVERED_BY_MANAGED', says: 'Hint nope ignored' }],
    ['a hint that does not cover is ignored', hint('t1'), { agreements: [M(), T({ coveredCategories: ['backup'] })] }, { code: 'COVERED_BY_MANAGED', says: 'does not cover helpdesk / remote' }],
    ['a hint excluding the work falls to its exclusion', hint('m1'), { agreements: [M({ exclusions: [x('helpdesk', 'remote', 13_000)] })] }, { code: 'EXCLUDED_BY_AGREEMENT', rate: 13_000, says: 'excludes helpdesk / remote' }],
    ['a hinted empty retainer is ignored', hint('r1'), { agreements: [M(), R()], retainerBalances: { r1: 0 } }, { code: 'COVERED_BY_MANAGED', says: 'has no balance left' }],
    ['a hinted subscription does not decide labour', hint('s1'), { agreements: [M(), M({ id: 's1', kind: 'subscription' })] }, { code: 'COVERED_BY_MANAGED', says: 'a subscription agreement does not decide labour' }],
    ['an empty hint is no hint', hint(''), { agreements: [M()] }, { code: 'COVERED_BY_MANAGED' }],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('agreements in force', () => {
  /** 22:30 UTC on 31 March is 00:30 on 1 April in Paris. */
  const lateMarch = { start: '2024-03-31T22:30:00Z', end: '2024-03-31T23:30:00Z' };
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['one starting later is ignored', {}, { agreements: [M({ startDate: '2024-03-13' })] }, { code: 'BREAK_FIX' }],
    ['one that ended is ignored', {}, { agreements: [M({ endDate: '2024-03-11' })] }, { code: 'BREAK_FIX' }],
    ['one ending that day still counts', {}, { agreements: [M({ endDate: '2024-03-12' })] }, { code: 'COVERED_BY_MANAGED' }],
    ['a draft is ignored', {}, { agreements: [M({ status: 'draft' })] }, { code: 'BREAK_FIX' }],
    ['a suspended agreement is ignored', {}, { agreements: [M({ status: 'suspended' })] }, { code: 'BREAK_FIX' }],
    ["the start's date in the client's zone counts", lateMarch, { agreements: [M({ startDate: '2024-04-01' })] }, { code: 'COVERED_BY_MANAGED' }],
    ['the same instant is still March in UTC', lateMarch, { timeZone: 'UTC', agreements: [M({ startDate: '2024-04-01' })] }, { code: 'BREAK_FIX' }],
    ["another client's agreement is ignored", {}, { agreements: [M({ clientId: 'client-2' })] }, { code: 'BREAK_FIX' }],
    ['subscriptions, licences and projects do not decide labour', {}, { agreements: [M({ id: 's', kind: 'subscription' }), M({ id: 'l', kind: 'licence_resale' }), M({ id: 'p', kind: 'project' })] }, { code: 'BREAK_FIX' }],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('ties between agreements of one kind', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    ['the earliest start covers', {}, { agreements: [M({ id: 'a', startDate: '2024-02-01' }), M({ id: 'z' })] }, { code: 'COVERED_BY_MANAGED', agreementId: 'z' }],
    ['then the smallest id', {}, { agreements: [M({ id: 'mb' }), M({ id: 'ma' })] }, { code: 'COVERED_BY_MANAGED', agreementId: 'ma' }],
    ['the earliest block draws, even when empty', {}, { agreements: [B({ id: 'b2', startDate: '2024-02-01' }), B()], blockBalances: { b1: 0, b2: 600 } }, { code: 'DRAWN_FROM_BLOCK', agreementId: 'b1', overageMinutes: 60 }],
    ['the earliest retainer with money draws', {}, { agreements: [R(), R({ id: 'r2', startDate: '2024-02-01' })], retainerBalances: { r1: 0, r2: 100_000 } }, { code: 'DRAWN_FROM_RETAINER', agreementId: 'r2' }],
    ['the earliest managed prices out-of-scope work', { workType: 'onsite' }, { agreements: [M({ id: 'late', startDate: '2024-02-01', outOfScopeRate: 1 }), M()] }, { code: 'OUTSIDE_MANAGED_SCOPE', agreementId: 'm1', rate: 11_000 }],
    ['the earliest time & materials agreement bills', {}, { agreements: [T({ id: 't2', hourlyRate: 1 }), T({ id: 't0', startDate: '2023-06-01' })] }, { code: 'TIME_AND_MATERIALS_AGREEMENT', agreementId: 't0' }],
  ];
  it.each(rows)('%s', (...row) => check(row));

  it('does not depend on the order agreements are listed in', () => {
    const agreements = [M({ id: 'mb' }), M({ id: 'ma' }), B(), R(), T()];
    const first = decideEntitlement(work(), context({ agreements }));
    const reversed = decideEntitlement(work(), context({ agreements: [...agreements].reverse() }));
    expect(reversed).toEqual(first);
  });
});

describe('precedence', () => {
  it('lists every rule once, and runs in that order', () => {
    expect(new Set(precedence).size).toBe(precedence.length);
    expect([...precedence].sort()).toEqual(Object.keys(rules).sort());
    expect(precedence[0]).toBe('INTERNAL_WORK');
    expect(precedence.at(-1)).toBe('BREAK_FIX');
  });

  it('falls down the ladder one rule at a time as the deciding agreement goes away', () => {
    // Every agreement-based rule could decide this work; each step removes the one that did.
    const ladder: [RuleCode, remove: string][] = [
      ['HINTED_AGREEMENT', 'hinted'],
      ['EXCLUDED_BY_AGREEMENT', 'excluding'],
      ['COVERED_BY_MANAGED', 'covering'],
      ['DRAWN_FROM_BLOCK', 'block'],
      ['DRAWN_FROM_RETAINER', 'retainer'],
      ['OUTSIDE_MANAGED_SCOPE', 'elsewhere'],
      ['TIME_AND_MATERIALS_AGREEMENT', 'hourly'],
      ['BREAK_FIX', ''],
    ];
    let agreements: EntitlementAgreement[] = [
      T({ id: 'hinted', hourlyRate: 20_000 }),
      M({ id: 'excluding', exclusions: [x('helpdesk', null, 13_000)] }),
      M({ id: 'covering', startDate: '2024-01-02' }),
      B({ id: 'block' }),
      R({ id: 'retainer' }),
      M({ id: 'elsewhere', coveredCategories: ['backup'], startDate: '2024-01-03' }),
      T({ id: 'hourly', startDate: '2024-01-02' }),
    ];
    const balances = { blockBalances: { block: 600 }, retainerBalances: { retainer: 100_000 } };
    expect(
      decideEntitlement(
        work({ internal: true, agreementHint: 'hinted' }),
        context({ agreements, ...balances }),
      ).rule.code,
    ).toBe('INTERNAL_WORK');
    for (const [code, remove] of ladder) {
      const outcome = decideEntitlement(
        work({ agreementHint: 'hinted' }),
        context({ agreements, ...balances }),
      );
      expect(outcome.rule.code).toBe(code);
      if (remove) expect(outcome).toMatchObject({ agreementId: remove });
      agreements = agreements.filter((a) => a.id !== remove);
    }
  });
});
