import { Link, NavLink, Outlet, useParams } from 'react-router';
import { useClient } from '../api/clients';
import { useCan } from '../api/session';
import { ClientKindBadge } from '../classification/client-kind-badge';
import { clientCurrency } from '../money/currency';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { ArchiveActions } from './archive-actions';
import { formatDate, statusLabels } from './format';

const sections = [
  { to: '', label: 'Overview' },
  { to: 'contacts', label: 'Contacts' },
  { to: 'sites', label: 'Sites' },
  { to: 'assets', label: 'Assets' },
  { to: 'agreements', label: 'Agreements' },
  // Only for those who read billing: technicians see no invoices.
  { to: 'invoices', label: 'Invoices', billing: true },
];

/** One client: its header (with its relationship kind) and archive state, then its sections. */
export function ClientPage() {
  const { clientId = '' } = useParams();
  const client = useClient(clientId);
  const canArchive = useCan('clients:write');
  const canBill = useCan('billing:read');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/clients">Clients</Link>
      </p>
      <QueryState query={client} loading="Loading client…">
        {(c) => (
          <>
            <PageHeader
              title={c.name}
              subtitle={
                <>
                  {statusLabels[c.status]} · client since {formatDate(c.createdAt)}{' '}
                  <ClientKindBadge clientId={c.id} currency={clientCurrency(c)} />
                </>
              }
              actions={canArchive && <ArchiveActions client={c} />}
            />
            {c.archived && (
              <p className="alert alert--info" role="status">
                Archived on {formatDate(c.archivedAt ?? c.updatedAt)}. Archived clients are hidden from lists;
                restore it to make changes.
              </p>
            )}
            <nav aria-label="Client sections" className="tabs">
              {sections
                .filter((s) => !s.billing || canBill)
                .map((s) => (
                  <NavLink key={s.label} to={s.to} end className="tabs__tab">
                    {s.label}
                  </NavLink>
                ))}
            </nav>
            <Outlet context={c} />
          </>
        )}
      </QueryState>
    </>
  );
}
