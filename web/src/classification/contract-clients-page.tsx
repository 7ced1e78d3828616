import { useState } from 'react';
import { Link } from 'react-router';
import { clientKindLabels, clientKindTone } from '../agreements/labels';
import type { ClassificationSummary, ClientKind } from '../api/agreement-types';
import { useClassificationSummary } from '../api/classification';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';

const kinds = Object.keys(clientKindLabels) as ClientKind[];

/**
 * The portfolio by relationship: counts and MRR per kind, then every client with what it lacks,
 * those one criterion away from a contract first. Amounts are summed across clients as the API
 * does, so they show without a currency.
 */
export function ContractClientsPage() {
  const summary = useClassificationSummary();
  return (
    <QueryState query={summary} loading="Classifying clients…">
      {(s) => (
        <>
          <KindCards summary={s} />
          <ClientsByKind summary={s} />
        </>
      )}
    </QueryState>
  );
}

function KindCards({ summary }: { summary: ClassificationSummary }) {
  return (
    <section aria-labelledby="by-kind-title" className="section">
      <h2 id="by-kind-title">
        By relationship <span className="muted small">as of {summary.asOf}</span>
      </h2>
      <ul className="stat-grid">
        <li className="stat">
          <span className="stat__label">All clients</span>
          <span className="stat__value">{summary.total.count}</span>
          <span className="stat__detail">MRR {formatMoney(summary.total.mrr, null)}</span>
        </li>
        {kinds.map((kind) => {
          const k = summary.byKind[kind];
          return (
            <li key={kind} className="stat">
              <span className="stat__label">{clientKindLabels[kind]}</span>
              <span className="stat__value">{k.count}</span>
              <span className="stat__detail">
                MRR {formatMoney(k.mrr, null)}
                {k.failingOne > 0 && ` · ${k.failingOne} one step from contract`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ClientsByKind({ summary }: { summary: ClassificationSummary }) {
  const [kind, setKind] = useState<ClientKind | ''>('');
  const clients = summary.clients.filter((c) => kind === '' || c.kind === kind);
  return (
    <section aria-labelledby="clients-kind-title" className="section">
      <div className="section__header">
        <h2 id="clients-kind-title">Clients</h2>
        <div className="field field--inline">
          <label htmlFor="kind-filter">Relationship</label>
          <select id="kind-filter" value={kind} onChange={(e) => setKind(e.target.value as ClientKind | '')}>
            <option value="">Any</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {clientKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {clients.length === 0 ? (
        <p className="empty">No client of this kind.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Clients by relationship">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Relationship</th>
                <th scope="col" className="num">
                  MRR
                </th>
                <th scope="col">Missing for a contract</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.clientId} className={c.failsOne ? 'row--near' : undefined}>
                  <th scope="row">
                    <Link to={`/clients/${c.clientId}/agreements`}>{c.name}</Link>
                    {c.failsOne && <div className="small near-label">One criterion from a contract</div>}
                  </th>
                  <td>
                    <Badge tone={clientKindTone(c.kind)}>{clientKindLabels[c.kind]}</Badge>
                  </td>
                  <td className="num">{formatMoney(c.mrr, null)}</td>
                  <td>
                    {c.failing.length === 0 ? (
                      <span className="muted">nothing</span>
                    ) : (
                      <ul className="findings">
                        {c.failing.map((f) => (
                          <li key={f.code}>
                            {f.message}
                            {f.fix && <span className="muted"> — {f.fix}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
