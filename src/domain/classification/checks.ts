/**
 * The findings shown with a classification: every contract criterion, passed or not, for the
 * agreement the classification is judged on, each failing one with what is missing and the fix, in
 * the words an MSP uses ("no SLA" → "attach an SLA", "term 6 months < policy 12").
 */
import type { Agreement, AgreementKind } from '../agreements/types.js';
import { type AgreementFacts, type CriterionCode, criterionBit, criterionCodes } from './facts.js';
import { formatMinor } from './money.js';
import type { ClassificationPolicy } from './policy.js';

export type Check = {
  code: CriterionCode;
  passed: boolean;
  /** What was found: the shortfall when it fails, what was met when it passes. */
  message: string;
  /** What would make it pass; null when it passes. */
  fix: string | null;
};

const kindLabels: Record<AgreementKind, string> = {
  managed: 'managed services',
  block_hours: 'block hours',
  retainer: 'a retainer',
  time_materials: 'time & materials',
  subscription: 'a subscription',
  licence_resale: 'licence resale',
  project: 'a project',
};

const pass = (code: CriterionCode, message: string): Check => ({ code, passed: true, message, fix: null });
const fail = (code: CriterionCode, message: string, fix: string): Check => ({
  code,
  passed: false,
  message,
  fix,
});

function signed(a: Agreement, asOf: string, ok: boolean): Check {
  if (ok) return pass('SIGNED', `signed on ${a.signedOn}${a.signedBy ? ` by ${a.signedBy}` : ''}`);
  if (a.signedOn === null) return fail('SIGNED', 'not signed', 'record the signature (signed on, signed by)');
  return fail('SIGNED', `not signed yet: signed on ${a.signedOn}, after ${asOf}`, 'record the signature');
}

function active(a: Agreement, asOf: string, ok: boolean): Check {
  if (ok) return pass('ACTIVE', `in force since ${a.startDate}${a.endDate ? ` until ${a.endDate}` : ''}`);
  const ended = a.endDate ? ` on ${a.endDate}` : '';
  switch (a.status) {
    case 'draft':
      return fail('ACTIVE', 'draft, not active', 'activate the agreement once signed');
    case 'suspended':
      return fail('ACTIVE', 'suspended', 'resume the agreement');
    case 'expired':
      return fail('ACTIVE', `expired${ended}`, 'renew the agreement');
    case 'terminated':
      return fail('ACTIVE', `terminated${ended}`, 'sign a new agreement');
    case 'active':
      if (a.startDate > asOf) {
        return fail(
          'ACTIVE',
          `not started: starts on ${a.startDate}`,
          `wait for ${a.startDate} or start earlier`,
        );
      }
      return fail('ACTIVE', `ended${ended}`, 'renew the agreement');
  }
}

function recurringFee(f: AgreementFacts, ok: boolean): Check {
  if (ok) return pass('RECURRING_FEE', `fixed recurring fee of ${formatMinor(f.mrv)} per month`);
  const kind = f.agreement.kind;
  if (kind === 'managed' || kind === 'block_hours' || kind === 'subscription' || kind === 'licence_resale') {
    return fail('RECURRING_FEE', 'no fixed recurring fee', 'add a recurring line with a monthly price');
  }
  return fail(
    'RECURRING_FEE',
    `no fixed recurring fee: ${kindLabels[kind]} is billed per intervention`,
    'offer a managed-services agreement with a fixed monthly fee',
  );
}

function stack(f: AgreementFacts, policy: ClassificationPolicy, ok: boolean): Check {
  if (ok) {
    return policy.requiredCategories.length === 0
      ? pass('FULL_STACK', 'no stack required by policy')
      : pass('FULL_STACK', `covers ${policy.requiredCategories.join(', ')}`);
  }
  const covers = f.delivered.size === 0 ? 'covers no service' : `covers ${[...f.delivered].join(', ')} only`;
  const add = `add ${f.missing.join(', ')}`;
  return fail('FULL_STACK', `${covers}: ${add}`, add);
}

/** Every criterion for one agreement, in criterion order. */
export function checksOf(f: AgreementFacts, asOf: string, policy: ClassificationPolicy): Check[] {
  const a = f.agreement;
  const ok = (code: CriterionCode) => (f.mask & criterionBit[code]) !== 0;
  const term = `term ${a.minimumTermMonths} months`;
  const mrr = `MRR ${formatMinor(f.mrv)}`;
  const minimum = formatMinor(policy.minimumMonthlyValue);
  return [
    signed(a, asOf, ok('SIGNED')),
    active(a, asOf, ok('ACTIVE')),
    recurringFee(f, ok('RECURRING_FEE')),
    ok('MINIMUM_TERM')
      ? pass('MINIMUM_TERM', `${term} ≥ policy ${policy.minimumTermMonths}`)
      : fail(
          'MINIMUM_TERM',
          `${term} < policy ${policy.minimumTermMonths}`,
          `set a minimum term of at least ${policy.minimumTermMonths} months`,
        ),
    ok('SLA')
      ? pass('SLA', a.slaPolicyId ? 'SLA attached' : 'no SLA required by policy')
      : fail('SLA', 'no SLA', 'attach an SLA'),
    stack(f, policy, ok('FULL_STACK')),
    ok('MINIMUM_MRR')
      ? pass('MINIMUM_MRR', `${mrr} ≥ minimum ${minimum}`)
      : fail(
          'MINIMUM_MRR',
          `${mrr} < minimum ${minimum}`,
          `raise the monthly value by ${formatMinor(policy.minimumMonthlyValue - f.mrv)} (more seats or a higher plan)`,
        ),
    !f.partial
      ? pass('WHOLE_ENVIRONMENT', 'covers the whole environment')
      : ok('WHOLE_ENVIRONMENT')
        ? pass('WHOLE_ENVIRONMENT', `covers ${a.partOfEnvironment}; no pay-per-hour work for the rest`)
        : fail(
            'WHOLE_ENVIRONMENT',
            `covers part of the environment (${a.partOfEnvironment}); the rest is billed by the hour`,
            'extend the agreement to the whole environment',
          ),
  ];
}

/** The checks of a client with no agreement at all: every criterion fails the same way. */
export function noAgreementChecks(): Check[] {
  return criterionCodes.map((code) => fail(code, 'no agreement', 'offer a managed-services agreement'));
}
