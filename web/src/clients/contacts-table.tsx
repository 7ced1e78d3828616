import type { Contact, Site } from '../api/types';
import { Badge } from '../ui/badge';

type Props = { contacts: Contact[]; sites: Site[] };

export function ContactsTable({ contacts, sites }: Props) {
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Site</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{c.role}</td>
              <td>{c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}</td>
              <td>{c.phone && <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</a>}</td>
              <td>{c.siteId ? (siteName.get(c.siteId) ?? '—') : '—'}</td>
              <td>
                {c.isBilling && <Badge>Billing</Badge>} {c.portalAccess && <Badge>Portal</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
