/**
 * The MSP's own thresholds for calling a client a contract client (DESIGN.md, rule 1): settings,
 * not constants, so an MSP that sells 24-month terms or a smaller stack says so once.
 */
import type { CategoryCode } from '../agreements/types.js';

export type ClassificationPolicy = {
  /** Shortest minimum term, in months, a contract must commit to. */
  minimumTermMonths: number;
  /** Smallest monthly recurring value of the contract, minor units (200000 = 2,000.00). */
  minimumMonthlyValue: number;
  /** The managed stack a contract must cover, in the order findings list what is missing. */
  requiredCategories: CategoryCode[];
  /** Whether a contract needs an SLA attached. */
  slaRequired: boolean;
};

export const defaultPolicy: Readonly<ClassificationPolicy> = Object.freeze({
  minimumTermMonths: 12,
  minimumMonthlyValue: 200_000,
  requiredCategories: Object.freeze([
    'monitoring',
    'patching',
    'backup',
    'helpdesk',
    'security',
  ]) as CategoryCode[],
  slaRequired: true,
});

/** The default policy with an MSP's settings applied over it. */
export function resolvePolicy(settings: Partial<ClassificationPolicy> = {}): ClassificationPolicy {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return {
    ...defaultPolicy,
    ...defined,
    requiredCategories: [...(settings.requiredCategories ?? defaultPolicy.requiredCategories)],
  };
}
