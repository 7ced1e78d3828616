import { Link, useLocation } from 'react-router';
import { useSession } from '../api/session';
import type { QueueFilters, Ticket, Workflow } from '../api/ticket-types';
import { useTickets, useWorkflow } from '../api/tickets';
import { statusLabel } from '../tickets/labels';
import { formatInstant } from '../tickets/time-left';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { RateTicket } from './rate-ticket';

/** Every ticket of the client, resolved ones too: the portal's scope keeps it to their own. */
const allOfMine: QueueFilters = {
  view: 'all',
  q: '',
  clientId: '',
  priority: '',
  status: '',
  queue: '',
  includeResolved: true,
};

/** The client's tickets: those still open, then resolved ones, which can be rated. */
export function PortalTickets() {
  const { user } = useSession();
  const raised = (useLocation().state as { raised?: string } | null)?.raised;
  if (!user.clientId)
    return (
      <p className="alert alert--error" role="alert">
        Your account is not linked to a client yet. Ask your service provider to link it.
      </p>
    );
  return (
    <>
      <PageHeader
        title="Your tickets"
        subtitle="What you have asked us for, and where each request stands."
        actions={
          <Link className="button button--primary" to="/tickets/new">
            Raise a ticket
          </Link>
        }
      />
      {raised && (
        <p className="alert alert--success" role="status">
          Ticket {raised} was raised. We will be in touch.
        </p>
      )}
      <TicketLists />
    </>
  );
}

function TicketLists() {
  const tickets = useTickets(allOfMine);
  const workflow = useWorkflow();
  return (
    <QueryState query={tickets} loading="Loading your tickets…">
      {(data) => {
        const items = data.pages.flatMap((p) => p.items);
        const open = items.filter((t) => !t.resolvedAt);
        // Most recently resolved first: the ones worth rating.
        const resolved = items
          .filter((t) => t.resolvedAt)
          .sort((a, b) => Date.parse(b.resolvedAt!) - Date.parse(a.resolvedAt!));
        return (
          <>
            <section className="section" aria-labelledby="open-tickets-title">
              <h2 id="open-tickets-title">Open</h2>
              {open.length ? (
                <TicketsTable label="Open tickets" tickets={open} workflow={workflow.data} />
              ) : (
                <p className="empty">Nothing open. Raise a ticket when you need us.</p>
              )}
            </section>
            <section className="section" aria-labelledby="resolved-tickets-title">
              <h2 id="resolved-tickets-title">Resolved</h2>
              {resolved.length ? (
                <TicketsTable label="Resolved tickets" tickets={resolved} workflow={workflow.data} resolved />
              ) : (
                <p className="empty">No resolved ticket yet.</p>
              )}
            </section>
            <LoadMore query={tickets} />
          </>
        );
      }}
    </QueryState>
  );
}

type TableProps = {
  label: string;
  tickets: Ticket[];
  workflow: Workflow | undefined;
  resolved?: boolean;
};

function TicketsTable({ label, tickets, workflow, resolved = false }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Raised</th>
            {resolved && <th scope="col">Resolved</th>}
            {resolved && <th scope="col">Your rating</th>}
          </tr>
        </thead>
        <tbody>
          {tickets.map((t) => (
            <tr key={t.id}>
              <td className="nowrap ticket-ref">{t.reference}</td>
              <th scope="row">{t.subject}</th>
              <td>{statusLabel(workflow, t.status)}</td>
              <td className="nowrap">
                <time dateTime={t.createdAt}>{formatInstant(t.createdAt)}</time>
              </td>
              {resolved && (
                <td className="nowrap">
                  <time dateTime={t.resolvedAt!}>{formatInstant(t.resolvedAt!)}</time>
                </td>
              )}
              {resolved && (
                <td>
                  <RateTicket ticket={t} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
