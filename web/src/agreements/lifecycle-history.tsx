import type { AgreementEvent } from '../api/agreement-types';
import { useAgreementEvents } from '../api/agreements';
import { formatMoney } from '../money/money';
import { humanize } from './labels';

/** The recorded lifecycle events: who activated, suspended, renewed or ended the agreement, and when. */
export function LifecycleHistory({
  agreementId,
  currency,
}: {
  agreementId: string;
  currency: string | null;
}) {
  const events = useAgreementEvents(agreementId);
  const items = events.data ?? [];
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {items.length === 0 ? (
        <p className="muted">
          {events.isPending ? 'Loading history…' : 'Nothing recorded yet: still a draft.'}
        </p>
      ) : (
        <ol className="timeline">
          {items.map((e) => (
            <li key={e.id} className="timeline__item">
              <span className="timeline__date">{e.on}</span> <strong>{humanize(e.kind)}</strong>
              <span className="muted"> by {e.createdBy}</span>
              {e.reason && <p className="timeline__note">{e.reason}</p>}
              <Details event={e} currency={currency} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Details({ event, currency }: { event: AgreementEvent; currency: string | null }) {
  const fee = event.details.earlyTerminationFee;
  if (typeof fee !== 'number' || fee === 0) return null;
  return <p className="timeline__note">Early-termination fee: {formatMoney(fee, currency)}</p>;
}
