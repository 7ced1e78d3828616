/**
 * When an agreement renews and by when the client must give notice to stop it.
 *
 * Terms count from the start date: the first term ends `minimumTermMonths` after the start, and an
 * auto-renewing agreement then renews every `renewalTermMonths`, each date computed from the start
 * (so a 31st stays a 31st where the month has one, instead of drifting to the 28th). The renewal
 * date is the first day of the new term.
 */
import { addDays, addMonths } from './dates.js';
import type { Agreement } from './types.js';

type Terms = Pick<
  Agreement,
  'startDate' | 'endDate' | 'minimumTermMonths' | 'autoRenew' | 'renewalTermMonths'
>;

const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * The next renewal strictly after `asOf`: start + minimum term, then every renewal term while the
 * agreement auto-renews. Null when there is none: no auto-renewal and the first term is over (or
 * there is no minimum term), a zero renewal term after the first, or an end date before it.
 */
export function renewalDate(agreement: Terms, asOf: string): string | null {
  const { startDate, minimumTermMonths: term, renewalTermMonths: every } = agreement;
  const renews = agreement.autoRenew && every > 0;
  let result: string | null = null;
  if (term > 0 && addMonths(startDate, term) > asOf) result = addMonths(startDate, term);
  else if (renews) {
    const behind = monthNumber(asOf) - monthNumber(startDate) - term;
    let k = Math.max(term > 0 ? 0 : 1, Math.floor(behind / every));
    while (addMonths(startDate, term + k * every) <= asOf) k++;
    result = addMonths(startDate, term + k * every);
  }
  if (result === null || (agreement.endDate !== null && result > agreement.endDate)) return null;
  return result;
}

/**
 * The last day to give notice before the next renewal: renewal date − notice days. It may already
 * be past on `asOf` (the client missed it and the agreement renews); null when it does not renew.
 */
export function noticeDeadline(
  agreement: Terms & Pick<Agreement, 'noticeDays'>,
  asOf: string,
): string | null {
  const renewal = renewalDate(agreement, asOf);
  return renewal === null ? null : addDays(renewal, -agreement.noticeDays);
}
