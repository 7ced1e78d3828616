/**
 * What classification needs to know about each agreement, computed once per agreement: its monthly
 * recurring value, the categories it delivers, whether it is in force, and which contract criteria
 * it meets (a bit mask, so agreements rank without building any message).
 */
import {
  type Agreement,
  type AgreementKind,
  type CategoryCode,
  deliveredCategories,
  inForce,
  monthlyRecurringValue,
} from '../agreements/types.js';
import type { ClassificationPolicy } from './policy.js';

/** The contract criteria, in the order they are listed and weigh when agreements are ranked. */
export const criterionCodes = [
  'SIGNED',
  'ACTIVE',
  'RECURRING_FEE',
  'MINIMUM_TERM',
  'SLA',
  'FULL_STACK',
  'MINIMUM_MRR',
  'WHOLE_ENVIRONMENT',
] as const;
export type CriterionCode = (typeof criterionCodes)[number];

/** Bit of each criterion in a mask: the first criterion is the highest bit. */
export const criterionBit = Object.fromEntries(
  criterionCodes.map((code, i) => [code, 1 << (criterionCodes.length - 1 - i)]),
) as Record<CriterionCode, number>;
export const allCriteria = (1 << criterionCodes.length) - 1;

/** Agreement kinds whose recurring lines make up MRR (block hours only through recurring lines). */
export const recurringKinds: ReadonlySet<AgreementKind> = new Set([
  'managed',
  'block_hours',
  'subscription',
  'licence_resale',
]);
/** Kinds that sell services and work rather than a product: a signed recurring one is a contract. */
export const serviceKinds: ReadonlySet<AgreementKind> = new Set(['managed', 'block_hours']);
/** Kinds billed per intervention: in force without a recurring fee, they make a break-fix client. */
export const perInterventionKinds: ReadonlySet<AgreementKind> = new Set([
  'time_materials',
  'block_hours',
  'retainer',
  'project',
]);

export type AgreementFacts = {
  agreement: Agreement;
  /** Monthly recurring value, minor units. */
  mrv: number;
  delivered: Set<CategoryCode>;
  inForce: boolean;
  signed: boolean;
  /** A recurring kind with a positive monthly value. */
  recurring: boolean;
  /** Covers part of the environment only (partOfEnvironment set). */
  partial: boolean;
  missing: CategoryCode[];
  /** Criteria met, one bit each (criterionBit). */
  mask: number;
  passed: number;
};

export function isPartial(agreement: Pick<Agreement, 'partOfEnvironment'>): boolean {
  const part = agreement.partOfEnvironment;
  return typeof part === 'string' && part.trim() !== '';
}

/**
 * The facts of one agreement on `asOf`. `hourly` says whether the client has pay-per-hour work (an
 * in-force time & materials agreement or billed hours): only then does a partial scope fail
 * WHOLE_ENVIRONMENT.
 */
export function agreementFacts(
  agreement: Agreement,
  asOf: string,
  policy: ClassificationPolicy,
  hourly: boolean,
): AgreementFacts {
  const mrv = monthlyRecurringValue(agreement);
  const delivered = deliveredCategories(agreement);
  const missing = policy.requiredCategories.filter((c) => !delivered.has(c));
  const facts = {
    agreement,
    mrv,
    delivered,
    inForce: inForce(agreement, asOf),
    signed: agreement.signedOn !== null && agreement.signedOn <= asOf,
    recurring: recurringKinds.has(agreement.kind) && mrv > 0,
    partial: isPartial(agreement),
    missing,
  };
  const met: Record<CriterionCode, boolean> = {
    SIGNED: facts.signed,
    ACTIVE: facts.inForce,
    RECURRING_FEE: facts.recurring,
    MINIMUM_TERM: agreement.minimumTermMonths >= policy.minimumTermMonths,
    SLA: !policy.slaRequired || Boolean(agreement.slaPolicyId),
    FULL_STACK: missing.length === 0,
    MINIMUM_MRR: mrv >= policy.minimumMonthlyValue,
    WHOLE_ENVIRONMENT: !(facts.partial && hourly),
  };
  let mask = 0;
  let passed = 0;
  for (const code of criterionCodes) {
    if (met[code]) {
      mask |= criterionBit[code];
      passed++;
    }
  }
  return { ...facts, mask, passed };
}

/**
 * Ranking, best first: more criteria met; then the earlier criteria met (signed and in force
 * before fee, term, SLA, stack, value, scope); then the higher monthly value; then the smaller id.
 */
export function compareFacts(a: AgreementFacts, b: AgreementFacts): number {
  if (a.passed !== b.passed) return b.passed - a.passed;
  if (a.mask !== b.mask) return b.mask - a.mask;
  if (a.mrv !== b.mrv) return b.mrv - a.mrv;
  const x = a.agreement.id;
  const y = b.agreement.id;
  return x < y ? -1 : x > y ? 1 : 0;
}
