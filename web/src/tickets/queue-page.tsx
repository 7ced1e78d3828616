import { Link, useSearchParams } from 'react-router';
import { useCan } from '../api/session';
import type { QueueFilters } from '../api/ticket-types';
import { BREACHING_SOON_MINUTES, useTickets, useWorkflow } from '../api/tickets';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { QueueFiltersBar } from './queue-filters-bar';
import { QueueTable } from './queue-table';
import { useQueueFilters } from './use-queue-filters';
import { useStaff } from './use-staff';

const views: { view: QueueFilters['view']; label: string; empty: string }[] = [
  { view: 'all', label: 'All open', empty: 'No open ticket matches.' },
  { view: 'mine', label: 'My tickets', empty: 'Nothing assigned to you matches.' },
  { view: 'unassigned', label: 'Unassigned', empty: 'Every matching ticket has an owner.' },
  {
    view: 'breaching',
    label: 'Breaching soon',
    empty: `No target is due within ${BREACHING_SOON_MINUTES} minutes or overdue.`,
  },
];

/** One queue ordered by SLA urgency, sliced by the tabs and narrowed by the filters. */
export function QueuePage() {
  const [filters, setFilters] = useQueueFilters();
  const [params] = useSearchParams();
  const tickets = useTickets(filters);
  const workflow = useWorkflow();
  const staff = useStaff();
  const canCreate = useCan('tickets:write');
  const hrefOf = (view: QueueFilters['view']) => {
    const next = new URLSearchParams(params);
    if (view === 'all') next.delete('view');
    else next.set('view', view);
    const qs = next.toString();
    return qs ? `/tickets?${qs}` : '/tickets';
  };
  const current = views.find((v) => v.view === filters.view) ?? views[0]!;
  return (
    <>
      <PageHeader
        title="Tickets"
        subtitle="Ordered by SLA urgency: the nearest deadline first."
        actions={
          <>
            <Link className="button" to="/tickets/problems">
              Problems
            </Link>
            <Link className="button" to="/reports/csat">
              Satisfaction
            </Link>
            {canCreate && (
              <Link className="button button--primary" to="/tickets/new">
                New ticket
              </Link>
            )}
          </>
        }
      />
      <nav className="tabs" aria-label="Queue views">
        {views.map((v) => (
          <Link
            key={v.view}
            to={hrefOf(v.view)}
            replace
            className={v.view === filters.view ? 'tabs__tab active' : 'tabs__tab'}
            aria-current={v.view === filters.view ? 'page' : undefined}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      <QueueFiltersBar filters={filters} onChange={setFilters} />
      <QueryState query={tickets} loading="Loading the queue…">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <p className="empty">
                {filters.includeResolved ? 'No ticket matches these filters.' : current.empty}
              </p>
            );
          return (
            <>
              <QueueTable tickets={items} workflow={workflow.data} staff={staff} />
              <LoadMore query={tickets} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
