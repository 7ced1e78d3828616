import { useState } from 'react';
import type { AgreementKind, AgreementStatus } from '../api/agreement-types';
import { useAgreements } from '../api/agreements';
import { useClassificationSummary } from '../api/classification';
import { QueryState } from '../ui/query-state';
import { AgreementsTable } from './agreements-table';
import { kindLabels, statusLabels } from './labels';

/** Every agreement, filtered by status and kind. Amounts show without a currency across clients. */
export function AllAgreementsPage() {
  const [status, setStatus] = useState<AgreementStatus | ''>('');
  const [kind, setKind] = useState<AgreementKind | ''>('');
  const agreements = useAgreements({ status, kind });
  // The summary names every live client; it is usually cached from the overview already.
  const summary = useClassificationSummary();
  const names = new Map(summary.data?.clients.map((c) => [c.clientId, c.name]) ?? []);
  const clientName = (id: string) => names.get(id) ?? (summary.data ? 'Archived client' : '…');
  return (
    <>
      <search className="filters" aria-label="Filter agreements">
        <div className="field">
          <label htmlFor="agreements-status">Status</label>
          <select
            id="agreements-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as AgreementStatus | '')}
          >
            <option value="">Any status</option>
            {Object.entries(statusLabels).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreements-kind">Kind</label>
          <select
            id="agreements-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as AgreementKind | '')}
          >
            <option value="">Any kind</option>
            {Object.entries(kindLabels).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </search>
      <QueryState query={agreements} loading="Loading agreements…">
        {(items) =>
          items.length ? (
            <AgreementsTable agreements={items} clientName={clientName} currencyOf={() => null} />
          ) : (
            <p className="empty">No agreement matches.</p>
          )
        }
      </QueryState>
    </>
  );
}
