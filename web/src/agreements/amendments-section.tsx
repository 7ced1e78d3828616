import type { Agreement } from '../api/agreement-types';
import { useAgreementAsOf, useAmendments } from '../api/agreements';
import { AmendmentForm } from './amendment-form';
import { lineNamesOf } from './amendment-text';
import { AmendmentsTimeline } from './amendments-timeline';

type Props = { agreement: Agreement; currency: string | null; canWrite: boolean };

/** Mid-term changes to the lines: the dated timeline, reversals, and a form to record a new one. */
export function AmendmentsSection({ agreement, currency, canWrite }: Props) {
  const amendments = useAmendments(agreement.id);
  // The lines as signed name the lines that amendments later removed.
  const signed = useAgreementAsOf(agreement.id, agreement.startDate);
  const items = amendments.data ?? [];
  const names = lineNamesOf([signed.data?.lines, agreement.lines], items);
  const amendable = agreement.status === 'active' || agreement.status === 'suspended';
  return (
    <section className="section" aria-labelledby="amendments-title">
      <h2 id="amendments-title">Amendments</h2>
      <p className="muted">
        Dated changes to the lines after signature. Billing prorates each change by days from its effective
        date.
      </p>
      {amendments.error ? null : items.length === 0 ? (
        <p className="muted">{amendments.isPending ? 'Loading amendments…' : 'No amendments yet.'}</p>
      ) : (
        <AmendmentsTimeline
          agreementId={agreement.id}
          amendments={items}
          lineNames={names}
          currency={currency}
          canReverse={canWrite && amendable}
        />
      )}
      {canWrite && amendable && <AmendmentForm agreement={agreement} currency={currency} />}
      {!amendable && agreement.status === 'draft' && (
        <p className="muted">A draft is changed directly above; amendments start once it is signed.</p>
      )}
    </section>
  );
}
