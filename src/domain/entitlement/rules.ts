/**
 * The rules, one function per rule code: each returns the outcome it decides, or null to pass the
 * work to the next rule in `precedence` (decide.ts).
 */
import { inForce } from '../agreements/types.js';
import {
  block,
  breakFix,
  covered,
  type Facts,
  internal,
  label,
  outOfScope,
  retainer,
  timeMaterials,
  workName,
} from './outcomes.js';
import { checkedRate, defaultRate } from './rates.js';
import { covers, decidingKinds, exclusionFor, type Scoped } from './scope.js';
import type { EntitlementOutcome, RuleCode } from './types.js';

type Rule = (f: Facts) => EntitlementOutcome | null;

const first = (f: Facts, kind: Scoped['kind'], also: (s: Scoped) => boolean = () => true) =>
  f.agreements.find((s) => s.kind === kind && also(s)) ?? null;
const coversWork = (f: Facts) => (s: Scoped) => covers(s, f.work.category, f.work.workType);

/** The outcome an agreement gives the work by its own kind, or null when it does not apply. */
function applyAgreement(f: Facts, s: Scoped, code: RuleCode): EntitlementOutcome | null {
  if (!covers(s, f.work.category, f.work.workType)) return null;
  if (exclusionFor(s, f.work.category, f.work.workType)) return null;
  switch (s.kind) {
    case 'managed':
      return covered(f, s, code);
    case 'block_hours':
      return block(f, s, code);
    case 'retainer':
      return retainer(f, s, code);
    case 'time_materials':
      return timeMaterials(f, s, code);
  }
}

function hinted(f: Facts): EntitlementOutcome | null {
  const id = f.work.agreementHint;
  if (id === undefined || id === null || id === '') return null;
  const ignore = (why: string) => {
    f.notes.push(`Hint ${id} ignored: ${why}.`);
    return null;
  };
  const s = f.agreements.find((a) => a.agreement.id === id);
  if (s) {
    const outcome = applyAgreement(f, s, 'HINTED_AGREEMENT');
    if (outcome) return outcome;
    if (!covers(s, f.work.category, f.work.workType))
      return ignore(`${label(s)} does not cover ${workName(f)}`);
    if (exclusionFor(s, f.work.category, f.work.workType))
      return ignore(`${label(s)} excludes ${workName(f)}`);
    return ignore(`${label(s)} has no balance left`);
  }
  const known = (f.context.agreements ?? []).find((a) => a.id === id);
  if (!known || known.clientId !== f.work.clientId) return ignore("not one of this client's agreements");
  if (!inForce(known, f.startDate)) return ignore(`not in force on ${f.startDate}`);
  return ignore(`a ${known.kind} agreement does not decide labour (only ${decidingKinds.join(', ')})`);
}

function excluded(f: Facts): EntitlementOutcome | null {
  for (const kind of decidingKinds) {
    for (const s of f.agreements) {
      if (s.kind !== kind || !covers(s, f.work.category, f.work.workType)) continue;
      const x = exclusionFor(s, f.work.category, f.work.workType);
      if (!x) continue;
      const rate = checkedRate(x.hourlyRate, `agreements.${s.agreement.id}.exclusions.hourlyRate`);
      const why = `${label(s)} would cover ${workName(f)} but excludes it ('${x.description}')`;
      return outOfScope(f, s, rate, 'exclusion', 'EXCLUDED_BY_AGREEMENT', why);
    }
  }
  return null;
}

function fromRetainer(f: Facts): EntitlementOutcome | null {
  for (const s of f.agreements) {
    if (s.kind !== 'retainer' || !covers(s, f.work.category, f.work.workType)) continue;
    const outcome = retainer(f, s, 'DRAWN_FROM_RETAINER');
    if (outcome) return outcome;
    f.notes.push(`${label(s)} has no balance left.`);
  }
  return null;
}

function outsideManaged(f: Facts): EntitlementOutcome | null {
  const s = first(f, 'managed');
  if (!s) return null;
  const own = s.agreement.outOfScopeRate;
  const rate =
    own === null ? defaultRate(f.workType) : checkedRate(own, `agreements.${s.agreement.id}.outOfScopeRate`);
  const whose = own === null ? "the work type's rate" : 'its out-of-scope rate';
  const why = `${label(s)} does not cover ${workName(f)}: out of scope at ${whose}`;
  return outOfScope(f, s, rate, 'not_covered', 'OUTSIDE_MANAGED_SCOPE', why);
}

export const rules: Record<RuleCode, Rule> = {
  INTERNAL_WORK: (f) =>
    f.work.internal === true ? internal(f, 'INTERNAL_WORK', 'Marked as internal work.') : null,
  INTERNAL_WORK_TYPE: (f) =>
    f.workType.internal
      ? internal(f, 'INTERNAL_WORK_TYPE', `Work type ${f.workType.code} is internal; never billed.`)
      : null,
  NON_BILLABLE_WORK_TYPE: (f) =>
    f.workType.billable
      ? null
      : internal(f, 'NON_BILLABLE_WORK_TYPE', `Work type ${f.workType.code} is not billable.`),
  HINTED_AGREEMENT: hinted,
  EXCLUDED_BY_AGREEMENT: excluded,
  COVERED_BY_MANAGED: (f) => {
    const s = first(f, 'managed', coversWork(f));
    return s && covered(f, s, 'COVERED_BY_MANAGED');
  },
  DRAWN_FROM_BLOCK: (f) => {
    const s = first(f, 'block_hours', coversWork(f));
    return s && block(f, s, 'DRAWN_FROM_BLOCK');
  },
  DRAWN_FROM_RETAINER: fromRetainer,
  OUTSIDE_MANAGED_SCOPE: outsideManaged,
  TIME_AND_MATERIALS_AGREEMENT: (f) => {
    const s = first(f, 'time_materials', coversWork(f));
    return s && timeMaterials(f, s, 'TIME_AND_MATERIALS_AGREEMENT');
  },
  BREAK_FIX: (f) => breakFix(f, 'BREAK_FIX'),
};
