import { Link, useOutletContext } from 'react-router';
import { AgreementsTable } from '../agreements/agreements-table';
import { useAgreements } from '../api/agreements';
import { useClassification } from '../api/classification';
import { useCan } from '../api/session';
import type { Client } from '../api/types';
import { ClassificationPanel } from '../classification/classification-panel';
import { clientCurrency } from '../money/currency';
import { QueryState } from '../ui/query-state';

/** The client's relationship (kind, MRR, every check) and its agreements, each opening the editor. */
export function ClientAgreementsTab() {
  const client = useOutletContext<Client>();
  const currency = clientCurrency(client);
  const classification = useClassification(client.id);
  const agreements = useAgreements({ clientId: client.id });
  const canCreate = useCan('agreements:write') && !client.archived;
  return (
    <>
      <QueryState query={classification} loading="Classifying…">
        {(c) => <ClassificationPanel classification={c} currency={currency} />}
      </QueryState>
      <section className="section" aria-labelledby="client-agreements-title">
        <div className="section__header">
          <h2 id="client-agreements-title">Agreements</h2>
          {canCreate && (
            <Link className="button button--primary" to={`/agreements/new?client=${client.id}`}>
              New agreement
            </Link>
          )}
        </div>
        <QueryState query={agreements} loading="Loading agreements…">
          {(items) =>
            items.length ? (
              <AgreementsTable agreements={items} currencyOf={() => currency} />
            ) : (
              <p className="empty">No agreements yet: the client is billed per intervention, if at all.</p>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
