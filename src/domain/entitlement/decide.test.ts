import { describe, expect, it } from 'vitest';
import { decideEntitlement } from './decide.js';
import {
  blockAgreement as B,
  context,
  evening,
  helpdeskLine,
  agreement as M,
  retainerAgreement as R,
  timeMaterialsAgreement as T,
  work,
  exclusion as x,
} from './fixtures.js';
import type { EntitlementContext, RuleCode, WorkUnit } from './types.js';

type Row = [
  string,
  Partial<WorkUnit>,
  Partial<EntitlementContext>,
  Partial<Record<string, unknown>> & { code: RuleCode; says?: string },
];
const onsite = { workType: 'onsite' };

function check([, w, c, { code, says, ...fields }]: Row) {
  const outcome = decideEntitlement(work(w), context(c));
  expect(outcome.rule.code).toBe(code);
  expect(outcome).toMatchObject(fields);
  if (says) expect(outcome.rule.explanation).toContain(says);
}

describe('each rule', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: Row[] = [
    // 1. internal
    ['internal work, even with a block', { internal: true }, { agreements: [B()], blockBalances: { b1: 600 } }, { code: 'INTERNAL_WORK', kind: 'internal', billableAmount: 0 }],
    ['an internal work type', { workType: 'training' }, { agreements: [M()] }, { code: 'INTERNAL_WORK_TYPE', kind: 'internal', billableAmount: 0 }],
    ['a non-billable work type, even covered', { workType: 'warranty' }, { agreements: [M({ coveredWorkTypes: ['warranty'] })] }, { code: 'NON_BILLABLE_WORK_TYPE', kind: 'internal' }],
    ['internal beats a hint', { internal: true, agreementHint: 't1' }, { agreements: [T()] }, { code: 'INTERNAL_WORK', kind: 'internal' }],
    // 3. exclusions
    ['an exclusion beats coverage', {}, { agreements: [M({ exclusions: [x('helpdesk', 'remote', 13_000)] })] }, { code: 'EXCLUDED_BY_AGREEMENT', kind: 'out_of_scope', reason: 'exclusion', agreementId: 'm1', rate: 13_000, billableAmount: 13_000, says: "excludes it ('no helpdesk remote')" }],
    ['the most specific exclusion wins', {}, { agreements: [M({ exclusions: [x('helpdesk', null, 1_000), x('helpdesk', 'remote', 2_000)] })] }, { code: 'EXCLUDED_BY_AGREEMENT', rate: 2_000 }],
    ['an exclusion naming nothing is ignored', {}, { agreements: [M({ exclusions: [x(null, null, 1)] })] }, { code: 'COVERED_BY_MANAGED' }],
    ["an exclusion outside its agreement's cover is ignored", { category: 'backup' }, { agreements: [M({ exclusions: [x('backup', null, 5_000)] }), B()], blockBalances: { b1: 600 } }, { code: 'DRAWN_FROM_BLOCK' }],
    ["a block's exclusion, at the block's multiplier", evening, { agreements: [B({ exclusions: [x(null, 'remote', 14_000)] })], blockBalances: { b1: 600 } }, { code: 'EXCLUDED_BY_AGREEMENT', agreementId: 'b1', billableAmount: 21_000 }],
    ["any covering agreement's exclusion beats managed coverage", {}, { agreements: [M(), B({ exclusions: [x(null, 'remote', 14_000)] })] }, { code: 'EXCLUDED_BY_AGREEMENT', agreementId: 'b1' }],
    ['managed exclusions are looked at first', {}, { agreements: [B({ exclusions: [x(null, 'remote', 14_000)] }), M({ exclusions: [x('helpdesk', null, 13_000)] })] }, { code: 'EXCLUDED_BY_AGREEMENT', agreementId: 'm1' }],
    // 4. managed coverage
    ['managed coverage', {}, { agreements: [M()] }, { code: 'COVERED_BY_MANAGED', kind: 'covered', agreementId: 'm1', billableAmount: 0, minutes: 60, afterHours: false }],
    ['coverage through the lines', {}, { agreements: [M({ coveredCategories: [], lines: [helpdeskLine] })] }, { code: 'COVERED_BY_MANAGED' }],
    ['covered by an agreement that has expired since (work of 12 March, ended 30 June)', {}, { agreements: [M({ status: 'expired', endDate: '2024-06-30' })] }, { code: 'COVERED_BY_MANAGED', agreementId: 'm1' }],
    ['not covered by one terminated before the work', {}, { agreements: [M({ status: 'terminated', endDate: '2024-03-11' })] }, { code: 'BREAK_FIX' }],
    ['covered after hours still bills nothing', evening, { agreements: [M()] }, { code: 'COVERED_BY_MANAGED', afterHours: true, afterHoursMinutes: 60, billableAmount: 0 }],
    ['managed beats a block', {}, { agreements: [B(), M()], blockBalances: { b1: 600 } }, { code: 'COVERED_BY_MANAGED' }],
    // 5. block hours
    ['a block draws', {}, { agreements: [B()], blockBalances: { b1: 600 } }, { code: 'DRAWN_FROM_BLOCK', kind: 'block', minutesDrawn: 60, overageMinutes: 0, balanceAfter: 540, billableAmount: 0 }],
    ['a block runs out mid-task', {}, { agreements: [B()], blockBalances: { b1: 20 } }, { code: 'DRAWN_FROM_BLOCK', minutesDrawn: 20, overageMinutes: 40, overageRate: 12_000, balanceAfter: 0, billableAmount: 8_000 }],
    ['overage is the last minutes: 18:00–19:00 after hours', { start: '2024-03-12T16:00:00Z', end: '2024-03-12T18:00:00Z' }, { agreements: [B()], blockBalances: { b1: 60 } }, { code: 'DRAWN_FROM_BLOCK', minutesDrawn: 60, overageMinutes: 60, afterHoursMinutes: 60, billableAmount: 18_000 }],
    ['overage is the last minutes: 08:00–09:00 in hours', { start: '2024-03-12T06:00:00Z', end: '2024-03-12T08:00:00Z' }, { agreements: [B()], blockBalances: { b1: 60 } }, { code: 'DRAWN_FROM_BLOCK', overageMinutes: 60, afterHoursMinutes: 60, billableAmount: 12_000 }],
    ['an empty block: all overage', {}, { agreements: [B()], blockBalances: { b1: 0 } }, { code: 'DRAWN_FROM_BLOCK', minutesDrawn: 0, overageMinutes: 60, billableAmount: 12_000 }],
    ['a negative balance counts as empty', {}, { agreements: [B()], blockBalances: { b1: -30 } }, { code: 'DRAWN_FROM_BLOCK', minutesDrawn: 0, balanceAfter: 0 }],
    ['a missing balance counts as empty', {}, { agreements: [B()] }, { code: 'DRAWN_FROM_BLOCK', minutesDrawn: 0, overageMinutes: 60 }],
    ['a fractional balance is floored', {}, { agreements: [B()], blockBalances: { b1: 30.9 } }, { code: 'DRAWN_FROM_BLOCK', minutesDrawn: 30, billableAmount: 6_000 }],
    ['a block without overage terms: work type rate', {}, { agreements: [B({ blockHours: null })] }, { code: 'DRAWN_FROM_BLOCK', overageRate: 9_000 }],
    ['a block for other categories does not draw', { category: 'backup' }, { agreements: [B({ coveredCategories: ['helpdesk'] })], blockBalances: { b1: 600 } }, { code: 'BREAK_FIX' }],
    ['a block beats a retainer', {}, { agreements: [R(), B()], blockBalances: { b1: 600 }, retainerBalances: { r1: 100_000 } }, { code: 'DRAWN_FROM_BLOCK' }],
    ['a block beats out-of-scope', onsite, { agreements: [M(), B()], blockBalances: { b1: 600 } }, { code: 'DRAWN_FROM_BLOCK' }],
    // 6. retainer
    ['a retainer draws', {}, { agreements: [R()], retainerBalances: { r1: 100_000 } }, { code: 'DRAWN_FROM_RETAINER', kind: 'retainer', rate: 10_000, amountDrawn: 10_000, shortfall: 0, balanceAfter: 90_000, billableAmount: 0 }],
    ['a retainer shortfall is billed', {}, { agreements: [R()], retainerBalances: { r1: 4_000 } }, { code: 'DRAWN_FROM_RETAINER', amountDrawn: 4_000, shortfall: 6_000, balanceAfter: 0, billableAmount: 6_000 }],
    ['a retainer values after-hours work ×1.5', evening, { agreements: [R()], retainerBalances: { r1: 100_000 } }, { code: 'DRAWN_FROM_RETAINER', amountDrawn: 15_000 }],
    ['an empty retainer passes the work on', {}, { agreements: [R()], retainerBalances: { r1: 0 } }, { code: 'BREAK_FIX', says: "retainer 'Retainer' (r1) has no balance left" }],
    ['a retainer beats out-of-scope', onsite, { agreements: [M(), R()], retainerBalances: { r1: 100_000 } }, { code: 'DRAWN_FROM_RETAINER' }],
    // 7. outside a managed agreement
    ['another work type', onsite, { agreements: [M()] }, { code: 'OUTSIDE_MANAGED_SCOPE', kind: 'out_of_scope', reason: 'not_covered', agreementId: 'm1', rate: 11_000, billableAmount: 11_000 }],
    ['another category', { category: 'backup' }, { agreements: [M()] }, { code: 'OUTSIDE_MANAGED_SCOPE', billableAmount: 11_000 }],
    ['no category', { category: null }, { agreements: [M()] }, { code: 'OUTSIDE_MANAGED_SCOPE', says: 'does not cover uncategorised / remote' }],
    ['no work types listed covers none', {}, { agreements: [M({ coveredWorkTypes: [] })] }, { code: 'OUTSIDE_MANAGED_SCOPE' }],
    ['no out-of-scope rate: the work type rate', onsite, { agreements: [M({ outOfScopeRate: null })] }, { code: 'OUTSIDE_MANAGED_SCOPE', rate: 12_000 }],
    ['out of scope after hours ×1.5', { ...onsite, ...evening }, { agreements: [M()] }, { code: 'OUTSIDE_MANAGED_SCOPE', afterHoursMultiplier: 1.5, billableAmount: 16_500 }],
    ['out-of-scope beats time & materials', onsite, { agreements: [T(), M()] }, { code: 'OUTSIDE_MANAGED_SCOPE', agreementId: 'm1' }],
    // 8. time & materials
    ['time & materials at its rate line', {}, { agreements: [T()] }, { code: 'TIME_AND_MATERIALS_AGREEMENT', kind: 'time_materials', agreementId: 't1', rate: 9_500, billableAmount: 9_500 }],
    ['time & materials after hours ×2', evening, { agreements: [T()] }, { code: 'TIME_AND_MATERIALS_AGREEMENT', billableAmount: 19_000 }],
    ['time & materials without a rate line', {}, { agreements: [T({ lines: [] })] }, { code: 'TIME_AND_MATERIALS_AGREEMENT', rate: 9_000 }],
    ['time & materials for other categories', { category: 'backup' }, { agreements: [T({ coveredCategories: ['helpdesk'] })] }, { code: 'BREAK_FIX' }],
    // 9. break-fix
    ['break-fix', {}, {}, { code: 'BREAK_FIX', kind: 'time_materials', agreementId: null, rate: 9_000, billableAmount: 9_000, says: 'No agreement in force on 2024-03-12' }],
    ['break-fix on site', onsite, {}, { code: 'BREAK_FIX', billableAmount: 12_000 }],
    ['break-fix after hours, ×1 by default', evening, {}, { code: 'BREAK_FIX', afterHours: true, billableAmount: 9_000 }],
    ['break-fix after hours with a multiplier', evening, { breakFixAfterHoursMultiplier: 1.5 }, { code: 'BREAK_FIX', billableAmount: 13_500 }],
    ['a minute at 91.00 an hour: 151.67 rounds to 152', { end: '2024-03-12T09:01:00Z' }, { workTypes: [{ code: 'remote', billable: true, defaultRate: 9_100, internal: false }] }, { code: 'BREAK_FIX', minutes: 1, billableAmount: 152 }],
  ];
  it.each(rows)('%s', (...row) => {
    check(row);
  });
});
