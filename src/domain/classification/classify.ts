/**
 * Client relationship classification (DESIGN.md, rule 1): one kind per client, with the checks
 * that explain it. Pure: the date (`asOf`), the agreements and the billing facts come in.
 *
 * Terms. In force: status active, started on or before asOf, not ended before it. Recurring: kind
 * managed, block_hours, subscription or licence_resale with a positive monthly recurring value
 * (recurring lines, quantity × unit price). Hourly work: an in-force time_materials agreement, or
 * billed hours > 0. Partial: `partOfEnvironment` names the part of the environment covered.
 *
 * Criteria, judged per agreement (never summed across agreements), in this order:
 *   SIGNED signedOn set and ≤ asOf · ACTIVE in force · RECURRING_FEE recurring · MINIMUM_TERM
 *   minimumTermMonths ≥ policy · SLA an SLA policy attached (when the policy requires one) ·
 *   FULL_STACK delivers every required category (covered categories + line categories) ·
 *   MINIMUM_MRR the agreement's own monthly value ≥ policy minimum · WHOLE_ENVIRONMENT not partial,
 *   or partial with no hourly work.
 *
 * Precedence, first match wins; "best" = most criteria met, then earlier criteria met, then higher
 * monthly value, then smaller id:
 *   1. contract        some agreement meets every criterion.
 *   2. hybrid          a partial, signed, in-force, recurring managed agreement, and hourly work.
 *   3. single_service  a signed, in-force, recurring managed or block_hours agreement (failing some
 *                      criterion: few services, no SLA, short term, under the minimum value).
 *   4. subscription    an in-force recurring agreement other than licence resale (a subscription,
 *                      or a managed agreement paid monthly without a signature).
 *   5. reseller        in-force recurring agreements, all licence resale.
 *   6. break_fix       no in-force recurring agreement, and one-off invoices > 0, billed hours > 0,
 *                      or an in-force time_materials, block_hours, retainer or project agreement.
 *   7. prospect        none of the above: nothing billed and nothing in force (former clients
 *                      whose agreements all ended and never paid per intervention included).
 *
 * The checks (every criterion, once, in order) describe the deciding agreement: the best one in the
 * set that decided the kind for 1–5, the best of all the client's agreements for 6–7 (the one
 * nearest to a contract, e.g. a draft or a terminated contract), or none ("no agreement"). So the
 * kind is 'contract' exactly when every check passes. MRR = the monthly recurring value of every
 * in-force agreement of a recurring kind, whatever the kind decided.
 */
import { type Agreement, inForce } from '../agreements/types.js';
import { type Check, checksOf, noAgreementChecks } from './checks.js';
import {
  type AgreementFacts,
  agreementFacts,
  allCriteria,
  compareFacts,
  perInterventionKinds,
  serviceKinds,
} from './facts.js';
import { type ClassificationPolicy, defaultPolicy } from './policy.js';

export const clientKinds = [
  'contract',
  'single_service',
  'subscription',
  'reseller',
  'hybrid',
  'break_fix',
  'prospect',
] as const;
export type ClientKind = (typeof clientKinds)[number];

/** Whether the client was ever billed per intervention. */
export type BillingFacts = { oneOffInvoices: number; billedHours: number };

export type ClassificationInput = {
  /** The day to classify on, 'YYYY-MM-DD'. */
  asOf: string;
  agreements: readonly Agreement[];
  billing: BillingFacts;
};

export type Classification = {
  kind: ClientKind;
  /** Monthly recurring revenue on asOf, minor units. */
  mrr: number;
  /** Every contract criterion once, in criterion order, for the deciding agreement. */
  checks: Check[];
  /** The agreement the checks describe (see the precedence above); null when there is none. */
  decidingAgreementId: string | null;
};

type When = (f: AgreementFacts, hourly: boolean) => boolean;

/** Precedence 1–5: the first kind whose set holds an agreement wins, and its best agreement decides. */
const byAgreement: [ClientKind, When][] = [
  ['contract', (x) => x.mask === allCriteria],
  [
    'hybrid',
    (x, hourly) =>
      hourly && x.agreement.kind === 'managed' && x.partial && x.signed && x.inForce && x.recurring,
  ],
  ['single_service', (x) => serviceKinds.has(x.agreement.kind) && x.signed && x.inForce && x.recurring],
  ['subscription', (x) => x.inForce && x.recurring && x.agreement.kind !== 'licence_resale'],
  ['reseller', (x) => x.inForce && x.recurring],
];

function best(facts: readonly AgreementFacts[], when: (f: AgreementFacts) => boolean): AgreementFacts | null {
  let top: AgreementFacts | null = null;
  for (const f of facts) if (when(f) && (top === null || compareFacts(f, top) < 0)) top = f;
  return top;
}

function decide(
  facts: readonly AgreementFacts[],
  billing: BillingFacts,
  hourly: boolean,
): [ClientKind, AgreementFacts | null] {
  for (const [kind, when] of byAgreement) {
    const f = best(facts, (x) => when(x, hourly));
    if (f) return [kind, f];
  }
  const nearest = best(facts, () => true);
  const perIntervention =
    billing.oneOffInvoices > 0 ||
    billing.billedHours > 0 ||
    facts.some((x) => x.inForce && perInterventionKinds.has(x.agreement.kind));
  return [perIntervention ? 'break_fix' : 'prospect', nearest];
}

/** The client's kind on `input.asOf`, its MRR, and the checks that explain it. */
export function classifyClient(
  input: ClassificationInput,
  policy: ClassificationPolicy = defaultPolicy,
): Classification {
  const { asOf, agreements, billing } = input;
  const hourly =
    billing.billedHours > 0 || agreements.some((a) => a.kind === 'time_materials' && inForce(a, asOf));
  const facts = agreements.map((a) => agreementFacts(a, asOf, policy, hourly));
  let mrr = 0;
  for (const f of facts) if (f.inForce && f.recurring) mrr += f.mrv;
  const [kind, deciding] = decide(facts, billing, hourly);
  return {
    kind,
    mrr,
    checks: deciding ? checksOf(deciding, asOf, policy) : noAgreementChecks(),
    decidingAgreementId: deciding?.agreement.id ?? null,
  };
}
