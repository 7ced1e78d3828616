import { noticeDeadline, renewalDate } from '../../../src/domain/agreements/renewal';
import { monthlyRecurringValue } from '../../../src/domain/agreements/types';
import { parseMoney } from '../money/money';
import { type AgreementDraft, today } from './draft';

/**
 * What the agreement being edited will come to, shown while typing. It runs the server's own pure
 * rules (renewal dates, monthly recurring value), so the preview and the saved figures agree.
 */
export function previewOf(d: AgreementDraft, currency: string | null) {
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : null);
  const term = whole(d.minimumTermMonths);
  const every = whole(d.renewalTermMonths);
  const notice = whole(d.noticeDays);
  const datesKnown = /^\d{4}-\d{2}-\d{2}$/.test(d.startDate) && term !== null && every !== null;
  const terms = {
    startDate: d.startDate,
    endDate: d.endDate || null,
    minimumTermMonths: term ?? 0,
    autoRenew: d.autoRenew,
    renewalTermMonths: every ?? 1,
    noticeDays: notice ?? 0,
  };
  const asOf = today();
  // Lines not yet readable count as zero; the form names them when saving.
  const lines = d.lines.map(({ key, ...l }) => ({
    ...l,
    id: key,
    quantity: whole(l.quantity) ?? 0,
    unitPrice: parseMoney(l.unitPrice, currency) || 0,
  }));
  return {
    renewalDate: datesKnown ? renewalDate(terms, asOf) : null,
    noticeDeadline: datesKnown && notice !== null ? noticeDeadline(terms, asOf) : null,
    mrr: monthlyRecurringValue({ lines }),
  };
}
