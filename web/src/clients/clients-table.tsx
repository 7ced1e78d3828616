import { Link } from 'react-router';
import type { Client } from '../api/types';
import { Badge } from '../ui/badge';
import { criticalityLabels, statusLabels, statusTone } from './format';

export function ClientsTable({ clients }: { clients: Client[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Users
            </th>
            <th scope="col" className="num">
              Endpoints
            </th>
            <th scope="col">Criticality</th>
            <th scope="col">Time zone</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/clients/${c.id}`}>{c.name}</Link>
              </th>
              <td>
                <Badge tone={statusTone(c.status)}>{statusLabels[c.status]}</Badge>{' '}
                {c.archived && <Badge tone="muted">Archived</Badge>}
              </td>
              <td className="num">{c.profile.users}</td>
              <td className="num">{c.profile.endpoints}</td>
              <td>{criticalityLabels[c.profile.criticality]}</td>
              <td>{c.timeZone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
