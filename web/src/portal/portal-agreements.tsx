import { useAgreements } from '../api/agreements';
import { QueryState } from '../ui/query-state';
import { AgreementCoverage } from './agreement-coverage';

/** The client's agreements, to read: what each covers and on what terms. Drafts are still being written. */
export function PortalAgreements({ clientId, currency }: { clientId: string; currency: string | null }) {
  const agreements = useAgreements({ clientId });
  return (
    <section className="section" aria-labelledby="portal-agreements-title">
      <h2 id="portal-agreements-title">Your agreements</h2>
      <QueryState query={agreements} loading="Loading your agreements…">
        {(items) => {
          const shown = items.filter((a) => a.status !== 'draft');
          return shown.length ? (
            shown.map((a) => <AgreementCoverage key={a.id} agreement={a} currency={currency} />)
          ) : (
            <p className="empty">No agreement yet. Work is billed per intervention.</p>
          );
        }}
      </QueryState>
    </section>
  );
}
