import { Link } from 'react-router';
import type { RunResult } from '../api/billing-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { outcomeLabels, outcomeTone } from './labels';

type Props = { result: RunResult; currency: string | null };

/** What a real run did: drafts created or added to, per client, each a link to review and issue. */
export function RunResultPanel({ result, currency }: Props) {
  const touched = result.clients.filter((c) => c.outcome !== 'unchanged');
  return (
    <>
      <p className="alert alert--success" role="status">
        Run finished: {result.invoicesCreated} {result.invoicesCreated === 1 ? 'draft' : 'drafts'} created,{' '}
        {result.invoicesUpdated} added to, {result.clientsSkipped} skipped; {result.linesAdded} lines for{' '}
        {formatMoney(result.amountAdded, currency)} before tax.
      </p>
      {result.problems.length > 0 && (
        <div className="alert alert--error" role="alert">
          <p>Some clients could not be billed; their invoices are untouched and the next run tries again.</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p.clientId}>
                {result.clients.find((c) => c.clientId === p.clientId)?.clientName ?? p.clientId}: {p.error}
              </li>
            ))}
          </ul>
        </div>
      )}
      {touched.length === 0 ? (
        <p className="empty">Nothing new was billed.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Run result">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Lines added
                </th>
                <th scope="col" className="num">
                  Added
                </th>
                <th scope="col" className="num">
                  Invoice total
                </th>
                <th scope="col">Invoice</th>
              </tr>
            </thead>
            <tbody>
              {touched.map((c) => (
                <tr key={c.clientId}>
                  <th scope="row">{c.clientName}</th>
                  <td>
                    <Badge tone={outcomeTone[c.outcome]}>{outcomeLabels[c.outcome]}</Badge>
                    {c.reason && <div className="muted small">{c.reason}</div>}
                  </td>
                  <td className="num">{c.linesAdded}</td>
                  <td className="num">{formatMoney(c.amountAdded, currency)}</td>
                  <td className="num">{c.total === null ? '—' : formatMoney(c.total, currency)}</td>
                  <td>
                    {c.invoiceId && (
                      <Link to={`/billing/invoices/${c.invoiceId}`}>
                        {c.outcome === 'skipped' ? 'Open invoice' : 'Review draft'}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
