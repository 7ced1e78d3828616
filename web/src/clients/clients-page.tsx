import { Link } from 'react-router';
import { useClients } from '../api/clients';
import { useCan } from '../api/session';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { ClientFiltersBar } from './client-filters-bar';
import { ClientsTable } from './clients-table';
import { useClientFilters } from './use-client-filters';

export function ClientsPage() {
  const [filters, setFilters] = useClientFilters();
  const clients = useClients(filters);
  const canCreate = useCan('clients:write');
  const filtered = filters.q !== '' || filters.status !== '' || filters.includeArchived;
  return (
    <>
      <PageHeader
        title="Clients"
        actions={
          canCreate && (
            <Link className="button button--primary" to="/clients/new">
              New client
            </Link>
          )
        }
      />
      <ClientFiltersBar filters={filters} onChange={setFilters} />
      <QueryState query={clients} loading="Loading clients…">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <p className="empty">
                {filtered ? 'No client matches these filters.' : 'No clients yet.'}
                {!filtered && canCreate && (
                  <>
                    {' '}
                    <Link to="/clients/new">Add the first one</Link>.
                  </>
                )}
              </p>
            );
          return (
            <>
              <ClientsTable clients={items} />
              <LoadMore query={clients} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
