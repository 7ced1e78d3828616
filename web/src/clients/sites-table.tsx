import type { Site } from '../api/types';
import { formatAddress } from './format';

export function SitesTable({ sites, clientTimeZone }: { sites: Site[]; clientTimeZone: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Time zone</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{formatAddress(s.address) || '—'}</td>
              <td>{s.timeZone ?? <span className="muted">{clientTimeZone} (client)</span>}</td>
              <td className="pre-wrap">{s.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
