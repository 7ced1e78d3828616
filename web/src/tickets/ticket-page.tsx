import { Link, useParams } from 'react-router';
import { useClient } from '../api/clients';
import { useCan } from '../api/session';
import { useTicket, useTicketHistory, useTicketMessages, useWorkflow } from '../api/tickets';
import { TicketProblemPanel } from '../problems/ticket-problem-panel';
import { TicketTimerButton } from '../time/timer-control';
import { Badge } from '../ui/badge';
import { PageHeader } from '../ui/page-header';
import { ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { EntitlementPanel } from './entitlement-panel';
import { priorityLabels, priorityTone, sourceLabels, statusLabel } from './labels';
import { ReplyForm } from './reply-form';
import { SlaPanel } from './sla-panel';
import { TicketFields } from './ticket-fields';
import { TicketTimeline } from './ticket-timeline';
import { formatInstant } from './time-left';
import { useStaff } from './use-staff';

/** One ticket: its fields, SLA clocks as time left, entitlement, the timeline and the reply box. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const ticket = useTicket(ticketId);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/tickets">Tickets</Link>
      </p>
      <QueryState query={ticket} loading="Loading the ticket…">
        {(t) => <TicketView ticketId={t.id} />}
      </QueryState>
    </>
  );
}

function TicketView({ ticketId }: { ticketId: string }) {
  const { data: ticket } = useTicket(ticketId);
  const workflow = useWorkflow();
  const messages = useTicketMessages(ticketId);
  const history = useTicketHistory(ticketId);
  const client = useClient(ticket?.clientId ?? '');
  const staff = useStaff();
  const canWrite = useCan('tickets:write');
  const canLogTime = useCan('time:write');
  if (!ticket) return null;
  return (
    <>
      <PageHeader
        title={ticket.subject}
        subtitle={
          <>
            <span className="ticket-ref">{ticket.reference}</span> ·{' '}
            {ticket.clientId ? (
              <Link to={`/clients/${ticket.clientId}`}>{client.data?.name ?? 'Client'}</Link>
            ) : (
              'No client yet (triage)'
            )}{' '}
            · <Badge tone={priorityTone(ticket.priority)}>{priorityLabels[ticket.priority]}</Badge> ·{' '}
            {statusLabel(workflow.data, ticket.status)} · raised by {sourceLabels[ticket.source]}{' '}
            <time dateTime={ticket.createdAt}>{formatInstant(ticket.createdAt)}</time>
            {ticket.requesterEmail && <> · {ticket.requesterEmail}</>}
          </>
        }
        actions={canLogTime && ticket.clientId && <TicketTimerButton ticketId={ticket.id} />}
      />
      <QueryState query={workflow} loading="Loading the workflow…">
        {(w) => <TicketFields ticket={ticket} workflow={w} staff={staff} readOnly={!canWrite} />}
      </QueryState>
      <div className="ticket-panels">
        <SlaPanel ticket={ticket} />
        <EntitlementPanel ticket={ticket} />
      </div>
      <TicketProblemPanel ticket={ticket} canWrite={canWrite} />
      <section className="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        {messages.data && history.data ? (
          <TicketTimeline
            ticket={ticket}
            messages={messages.data}
            events={history.data}
            workflow={workflow.data}
            staff={staff}
          />
        ) : messages.error || history.error ? (
          <ProblemAlert error={messages.error ?? history.error} />
        ) : (
          <p className="muted" role="status">
            Loading the timeline…
          </p>
        )}
        {canWrite && workflow.data && <ReplyForm ticket={ticket} workflow={workflow.data} />}
      </section>
    </>
  );
}
