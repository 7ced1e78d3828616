import { addMonths } from './dates.js';
import type { AgreementStatus } from './types.js';

export type LifecycleAction = 'activate' | 'suspend' | 'resume' | 'terminate' | 'expire' | 'renew';

/** Which status each action leaves an agreement in, and from which statuses it is allowed. */
const transitions: Record<LifecycleAction, { from: readonly AgreementStatus[]; to: AgreementStatus }> = {
  activate: { from: ['draft'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  terminate: { from: ['active', 'suspended'], to: 'terminated' },
  expire: { from: ['active', 'suspended'], to: 'expired' },
  renew: { from: ['active', 'expired'], to: 'active' },
};

export type TransitionResult = { ok: true; to: AgreementStatus } | { ok: false; reason: string };

export function transition(from: AgreementStatus, action: LifecycleAction): TransitionResult {
  const rule = transitions[action];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  return {
    ok: false,
    reason: `A ${from} agreement cannot be ${pastTense[action]}; only ${rule.from.join(' or ')} ones can.`,
  };
}

const pastTense: Record<LifecycleAction, string> = {
  activate: 'activated',
  suspend: 'suspended',
  resume: 'resumed',
  terminate: 'terminated',
  expire: 'expired',
  renew: 'renewed',
};

/**
 * The early-termination fee owed when an agreement ends before its minimum term: the clause's fee,
 * or nothing once the term is served. Dates are calendar dates, compared as ISO strings.
 */
export function earlyTerminationFee(
  agreement: { startDate: string; minimumTermMonths: number; termination: { earlyTerminationFee: number } },
  endsOn: string,
): number {
  return endsOn < addMonths(agreement.startDate, agreement.minimumTermMonths)
    ? agreement.termination.earlyTerminationFee
    : 0;
}
