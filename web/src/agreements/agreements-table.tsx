import { Link } from 'react-router';
import type { Agreement } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { kindLabels, statusLabels, statusTone } from './labels';

type Props = {
  agreements: Agreement[];
  /** Shown when the table lists several clients' agreements. */
  clientName?: (clientId: string) => string;
  currencyOf: (clientId: string) => string | null;
};

/** Agreements with what matters at a glance: kind, status, term, renewal and monthly value. */
export function AgreementsTable({ agreements, clientName, currencyOf }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Agreement</th>
            {clientName && <th scope="col">Client</th>}
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Start</th>
            <th scope="col">Next renewal</th>
            <th scope="col" className="num">
              MRR
            </th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/agreements/${a.id}`}>{a.name}</Link>
              </th>
              {clientName && (
                <td>
                  <Link to={`/clients/${a.clientId}/agreements`}>{clientName(a.clientId)}</Link>
                </td>
              )}
              <td>{kindLabels[a.kind]}</td>
              <td>
                <Badge tone={statusTone(a.status)}>{statusLabels[a.status]}</Badge>
              </td>
              <td>{a.startDate}</td>
              <td>
                {a.renewalDate ?? '—'}
                {a.noticeDeadline && <div className="muted small">notice by {a.noticeDeadline}</div>}
              </td>
              <td className="num">{formatMoney(a.mrr, currencyOf(a.clientId))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
