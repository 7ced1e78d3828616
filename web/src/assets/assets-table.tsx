import { Link } from 'react-router';
import type { Asset } from '../api/assets';
import { useClientNames } from '../api/clients';
import { Badge } from '../ui/badge';
import { typeLabels, warrantyText } from './labels';

type Props = { assets: Asset[]; showClient: boolean };

export function AssetsTable({ assets, showClient }: Props) {
  const clientNames = useClientNames(showClient ? assets.map((a) => a.clientId) : []);
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            {showClient && <th scope="col">Client</th>}
            <th scope="col">Type</th>
            <th scope="col">Hostname</th>
            <th scope="col">IP / FQDN</th>
            <th scope="col">OS</th>
            <th scope="col">Serial</th>
            <th scope="col">Warranty end</th>
            <th scope="col">Managed</th>
          </tr>
        </thead>
        <tbody>
          {assets.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/assets/${a.id}`}>{a.name}</Link>{' '}
                {a.archived && <Badge tone="muted">Archived</Badge>}
              </th>
              {showClient && (
                <td>
                  <Link to={`/clients/${a.clientId}/assets`}>{clientNames.get(a.clientId) ?? '…'}</Link>
                </td>
              )}
              <td>{typeLabels[a.type]}</td>
              <td>{a.hostname ?? '—'}</td>
              <td>{a.address ?? '—'}</td>
              <td>{a.os ?? '—'}</td>
              <td>{a.serialNumber ?? '—'}</td>
              <td>{warrantyText(a.warrantyEnd)}</td>
              <td>{a.managed ? <Badge tone="good">Managed</Badge> : <span className="muted">No</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
