/**
 * Entitlement: what one unit of work is covered by, or what it bills, and the rule that decided.
 *
 * Precedence — the first rule that applies decides (the `precedence` array is the order run):
 *  1. INTERNAL_WORK — the work is marked internal;
 *     INTERNAL_WORK_TYPE — its work type is internal;
 *     NON_BILLABLE_WORK_TYPE — its work type is not billable. → 'internal', bills 0.
 *  2. HINTED_AGREEMENT — the hinted agreement is this client's, in force, of a deciding kind, covers
 *     the work without excluding it (and, for a retainer, has money): its own outcome below.
 *     Otherwise the hint is ignored and the explanation says why.
 *  3. EXCLUDED_BY_AGREEMENT — an agreement that would cover the work excludes it → 'out_of_scope'
 *     at the exclusion's rate (agreements by kind: managed, block, retainer, T&M; then the tie rule).
 *  4. COVERED_BY_MANAGED — a managed agreement covers category and work type → 'covered', bills 0.
 *  5. DRAWN_FROM_BLOCK — a block-hours agreement covers → 'block': the first minutes up to the balance
 *     are drawn, the rest is overage at the block's overage rate; the balance never goes below 0.
 *  6. DRAWN_FROM_RETAINER — a covering retainer with money left → 'retainer': the work's value is
 *     drawn, the shortfall beyond the balance is billed.
 *  7. OUTSIDE_MANAGED_SCOPE — a managed agreement is in force but does not cover → 'out_of_scope' at
 *     its outOfScopeRate, or the work type's default rate when it has none.
 *  8. TIME_AND_MATERIALS_AGREEMENT — a covering T&M agreement → 'time_materials' at its hourly rate.
 *  9. BREAK_FIX — otherwise → 'time_materials' with agreementId null at the work type's default rate.
 * Ties between agreements of one kind: earliest startDate, then smallest id. Only the client's
 * agreements in force (see `inForce`) on the local date of the work's start count.
 *
 * Time: each instant is floored to its UTC minute, so minutes = whole minutes between the floors;
 * back-to-back entries add up exactly and a sub-minute entry counts 0. After-hours minutes are those
 * outside the weekly business hours in the client's zone, or on a holiday (business-hours.ts).
 *
 * Money (rates.ts): rate × minutes / 60, after-hours minutes × the agreement's afterHoursMultiplier
 * (break-fix: context.breakFixAfterHoursMultiplier, default 1), rounded half-up once per outcome.
 * Block overage minutes are the last ones of the interval, and only their after-hours share is
 * multiplied. Retainer and T&M hourly rate: agreement.hourlyRate, else its first non-recurring
 * line's unitPrice, else the work type's default rate.
 *
 * Pure: no clock, no I/O. Caches keyed by the identity of context lists and objects speed up
 * repeated checks; treat context objects as immutable once passed in.
 */
import { afterHoursMinutes } from './business-hours.js';
import type { Facts } from './outcomes.js';
import { rules } from './rules.js';
import { inForceFor } from './scope.js';
import type { EntitlementContext, EntitlementOutcome, RuleCode, WorkUnit } from './types.js';
import { prepare } from './validate.js';

export const precedence = [
  'INTERNAL_WORK',
  'INTERNAL_WORK_TYPE',
  'NON_BILLABLE_WORK_TYPE',
  'HINTED_AGREEMENT',
  'EXCLUDED_BY_AGREEMENT',
  'COVERED_BY_MANAGED',
  'DRAWN_FROM_BLOCK',
  'DRAWN_FROM_RETAINER',
  'OUTSIDE_MANAGED_SCOPE',
  'TIME_AND_MATERIALS_AGREEMENT',
  'BREAK_FIX',
] as const satisfies readonly RuleCode[];

/**
 * Decides the one outcome of a unit of work. Throws EntitlementValidationError (→ 400) for invalid
 * work or context: end not after start, unknown work type, invalid time zone, malformed instants,
 * business hours or holidays, negative or fractional rates.
 */
export function decideEntitlement(work: WorkUnit, context: EntitlementContext): EntitlementOutcome {
  const p = prepare(work, context);
  const facts: Facts = {
    work,
    context,
    workType: p.workType,
    calendar: p.calendar,
    from: p.from,
    to: p.to,
    minutes: p.to - p.from,
    afterHoursMinutes: afterHoursMinutes(p.calendar, p.from, p.to),
    startDate: p.startDate,
    agreements: inForceFor(context.agreements ?? [], work.clientId, p.startDate),
    notes: [],
  };
  for (const code of precedence) {
    const outcome = rules[code](facts);
    if (!outcome) continue;
    if (facts.notes.length > 0) outcome.rule.explanation += ` ${facts.notes.join(' ')}`;
    return outcome;
  }
  throw new Error('unreachable: BREAK_FIX always decides');
}
