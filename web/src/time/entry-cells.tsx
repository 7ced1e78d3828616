import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/http';
import type { Ticket } from '../api/ticket-types';
import { ticketKeys } from '../api/tickets';
import type { TimeEntry } from '../api/time';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { statusLabels, statusTone, subjectOf } from './labels';

/** A ticket's reference, linked; the ticket is fetched once and shared with its page. */
export function TicketLink({ ticketId }: { ticketId: string }) {
  const ticket = useQuery({
    queryKey: ticketKeys.detail(ticketId),
    queryFn: () => api.get<Ticket>(`/api/v1/tickets/${encodeURIComponent(ticketId)}`),
    staleTime: 5 * 60_000,
  });
  return (
    <Link to={`/tickets/${ticketId}`} title={ticket.data?.subject}>
      {ticket.data ? `${ticket.data.reference} ${ticket.data.subject}` : 'Ticket'}
    </Link>
  );
}

export function SubjectCell({ entry }: { entry: TimeEntry }) {
  return (
    <>
      {entry.ticketId ? <TicketLink ticketId={entry.ticketId} /> : subjectOf(entry)}
      {entry.note && <div className="muted small pre-wrap">{entry.note}</div>}
    </>
  );
}

/** Billable or not, for how much, and why (the rule, or a person's override). */
export function BillingCell({ entry }: { entry: TimeEntry }) {
  const e = entry.entitlement;
  const why = entry.billableOverride
    ? `Overridden: ${entry.billableOverride.reason} (entitlement said ${e.billable ? 'billable' : 'not billable'})`
    : e.rule.explanation;
  return (
    <span title={why}>
      <Badge tone={entry.billable ? 'warn' : 'good'}>{entry.billable ? 'Billable' : 'Not billable'}</Badge>
      {entry.billable && <> {formatMoney(entry.amount, null)}</>}
      {e.afterHours && <span className="muted small"> · after hours</span>}
      {entry.billableOverride && <span className="muted small"> · override</span>}
    </span>
  );
}

export function StatusCell({ entry }: { entry: TimeEntry }) {
  return (
    <>
      <Badge tone={statusTone[entry.status]}>
        {entry.locked === 'invoiced' ? 'Invoiced' : statusLabels[entry.status]}
      </Badge>
      {entry.status === 'rejected' && entry.rejectionReason && (
        <div className="muted small">{entry.rejectionReason}</div>
      )}
    </>
  );
}
