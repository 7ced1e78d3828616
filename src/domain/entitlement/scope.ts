/**
 * Which agreements take part, and what each covers. Only four kinds decide entitlement: managed,
 * block hours, retainer and time & materials (subscriptions, licence resale and projects price
 * products or their own budgets, not labour under this rule).
 *
 * Coverage: a managed agreement covers work only when it names both — the work's category among the
 * categories it delivers (declared coverage plus its lines' categories) and the work type among its
 * covered work types — so nobody gets free work by accident. Block hours, retainers and time &
 * materials are paid for, so an empty list there means "any"; a non-empty list restricts. Work with
 * no category never matches a non-empty category list.
 *
 * An exclusion matches when every field it sets equals the work's (one setting neither matches
 * nothing). It applies only to work its agreement would otherwise cover, so it carves out of that
 * agreement alone and never blocks another agreement that covers the same work.
 */

import type { Exclusion } from '../agreements/types.js';
import { deliveredCategories, inForce } from '../agreements/types.js';
import type { EntitlementAgreement } from './types.js';

export const decidingKinds = ['managed', 'block_hours', 'retainer', 'time_materials'] as const;
type DecidingKind = (typeof decidingKinds)[number];

export type Scoped = {
  agreement: EntitlementAgreement;
  kind: DecidingKind;
  categories: Set<string>;
  workTypes: Set<string>;
};

const prepared = new WeakMap<
  readonly EntitlementAgreement[],
  { members: EntitlementAgreement[]; scoped: Scoped[] }
>();

const byStartThenId = (a: Scoped, b: Scoped) =>
  a.agreement.startDate < b.agreement.startDate
    ? -1
    : a.agreement.startDate > b.agreement.startDate
      ? 1
      : a.agreement.id < b.agreement.id
        ? -1
        : a.agreement.id > b.agreement.id
          ? 1
          : 0;

/**
 * The deciding agreements of a list, sorted by start date then id (the tie rule). Cached per list;
 * a list that gains, loses or swaps members is prepared again, one edited in place is not.
 */
export function scopedAgreements(agreements: readonly EntitlementAgreement[]): Scoped[] {
  const cached = prepared.get(agreements);
  if (
    cached &&
    cached.members.length === agreements.length &&
    cached.members.every((a, i) => a === agreements[i])
  ) {
    return cached.scoped;
  }
  const scoped: Scoped[] = [];
  for (const agreement of agreements) {
    if (!(decidingKinds as readonly string[]).includes(agreement.kind)) continue;
    scoped.push({
      agreement,
      kind: agreement.kind as DecidingKind,
      categories: deliveredCategories(agreement),
      workTypes: new Set(agreement.coveredWorkTypes),
    });
  }
  scoped.sort(byStartThenId);
  prepared.set(agreements, { members: [...agreements], scoped });
  return scoped;
}

/** This client's deciding agreements in force on `date`, in tie order. */
export function inForceFor(
  agreements: readonly EntitlementAgreement[],
  clientId: string,
  date: string,
): Scoped[] {
  return scopedAgreements(agreements).filter(
    (s) => s.agreement.clientId === clientId && inForce(s.agreement, date),
  );
}

/** Whether the agreement's scope takes in the work, exclusions aside. */
export function covers(s: Scoped, category: string | null, workType: string): boolean {
  if (s.kind === 'managed')
    return category !== null && s.categories.has(category) && s.workTypes.has(workType);
  const categoryOk = s.categories.size === 0 || (category !== null && s.categories.has(category));
  return categoryOk && (s.workTypes.size === 0 || s.workTypes.has(workType));
}

/** The agreement's exclusion that carves this work out: the most specific match, then list order. */
export function exclusionFor(s: Scoped, category: string | null, workType: string): Exclusion | null {
  let best: Exclusion | null = null;
  let bestFields = 0;
  for (const x of s.agreement.exclusions) {
    if (x.category === null && x.workType === null) continue;
    if (x.category !== null && x.category !== category) continue;
    if (x.workType !== null && x.workType !== workType) continue;
    const fields = (x.category === null ? 0 : 1) + (x.workType === null ? 0 : 1);
    if (fields > bestFields) {
      best = x;
      bestFields = fields;
    }
  }
  return best;
}
