import { humanize } from '../agreements/labels';
import { useContacts } from '../api/children';
import { useClientNames } from '../api/clients';
import type { Ticket, TicketEvent, TicketMessage, Workflow } from '../api/ticket-types';
import { Badge } from '../ui/badge';
import { priorityLabels, sourceLabels, statusLabel } from './labels';
import { formatInstant } from './time-left';
import { useQueueList } from './use-queues';
import type { Staff } from './use-staff';

type Entry =
  | { at: string; id: string; type: 'message'; message: TicketMessage; first: boolean }
  | { at: string; id: string; type: 'event'; event: TicketEvent };

type Props = {
  ticket: Ticket;
  messages: TicketMessage[];
  events: TicketEvent[];
  workflow: Workflow | undefined;
  staff: Staff;
};

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * Everything that happened on the ticket, oldest first: public replies and internal notes (clearly
 * apart), and every change from its history. A reply's own history entry is the message itself.
 */
export function TicketTimeline({ ticket, messages, events, workflow, staff }: Props) {
  const contacts = useContacts(ticket.clientId ?? '');
  const contactName = new Map(
    (ticket.clientId ? (contacts.data?.pages.flatMap((p) => p.items) ?? []) : []).map((c) => [c.id, c.name]),
  );
  const clientIds = events
    .filter((e) => e.kind === 'clientId')
    .flatMap((e) => [text(e.data.from), text(e.data.to)]);
  const clientNames = useClientNames(clientIds);
  const queues = useQueueList();
  const queueLabel = queues.label;

  const entries: Entry[] = [
    ...messages.map((m, i) => ({
      at: m.createdAt,
      id: m.id,
      type: 'message' as const,
      message: m,
      first: i === 0,
    })),
    ...events
      .filter((e) => e.kind !== 'reply')
      .map((e) => ({ at: e.at, id: e.id, type: 'event' as const, event: e })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.type === 'event' ? -1 : 1));

  function actor(userId: string | null, contactId: string | null, byStaff: boolean, from?: string | null) {
    if (userId) return staff.nameOf(userId);
    if (contactId) return contactName.get(contactId) ?? 'the client’s contact';
    if (from) return from;
    return byStaff ? 'Keel' : 'the requester';
  }

  function describe(e: TicketEvent): string {
    const d = e.data;
    switch (e.kind) {
      case 'created': {
        const source = text(d.source);
        return `Raised${source ? ` by ${sourceLabels[source as keyof typeof sourceLabels] ?? source}` : ''}${
          d.priority ? ` as ${priorityLabels[d.priority as keyof typeof priorityLabels] ?? d.priority}` : ''
        }${d.queue ? ` in ${queueLabel(String(d.queue))}` : ''}`;
      }
      case 'status':
        return `Status ${statusLabel(workflow, String(d.from))} → ${statusLabel(workflow, String(d.to))}`;
      case 'priority':
        return `Priority ${text(d.from) ?? '—'} → ${text(d.to) ?? '—'}`;
      case 'assigned':
        return d.to ? `Assigned to ${staff.nameOf(String(d.to))}` : 'Unassigned';
      case 'clientId': {
        const from = text(d.from);
        const to = text(d.to);
        const name = (id: string | null) => (id ? (clientNames.get(id) ?? 'another client') : 'no client');
        return `Client ${name(from)} → ${name(to)}`;
      }
      case 'category':
        return `Category ${text(d.from) ?? 'none'} → ${text(d.to) ?? 'none'}`;
      case 'queue':
        return `Queue ${queueLabel(String(d.from))} → ${queueLabel(String(d.to))}`;
      case 'problemId':
        return d.to
          ? d.from
            ? 'Moved to another problem'
            : 'Linked to a problem'
          : 'Unlinked from its problem';
      default:
        return humanize(e.kind);
    }
  }

  if (entries.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="thread" aria-label="Timeline">
      {entries.map((entry) => {
        if (entry.type === 'event') {
          const e = entry.event;
          return (
            <li key={entry.id} className="thread__event">
              <span>{describe(e)}</span>
              <span className="muted small">
                {' '}
                · {actor(e.actorUserId, e.actorContactId, e.byStaff)} ·{' '}
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
              </span>
            </li>
          );
        }
        const m = entry.message;
        const kind = !m.public
          ? { label: 'Internal note', className: 'thread__message--note', tone: 'warn' as const }
          : m.byStaff
            ? { label: 'Public reply', className: 'thread__message--reply', tone: 'neutral' as const }
            : { label: 'From the client', className: 'thread__message--client', tone: 'good' as const };
        const isDescription =
          entry.first && Math.abs(Date.parse(m.createdAt) - Date.parse(ticket.createdAt)) < 1000;
        return (
          <li key={entry.id}>
            <article
              className={`thread__message ${kind.className}`}
              aria-label={`${isDescription ? 'Description' : kind.label} by ${actor(m.authorUserId, m.authorContactId, m.byStaff, m.fromAddress)}`}
            >
              <header className="thread__header">
                <Badge tone={kind.tone}>{isDescription ? 'Description' : kind.label}</Badge>
                <strong>{actor(m.authorUserId, m.authorContactId, m.byStaff, m.fromAddress)}</strong>
                <span className="muted small">
                  {m.channel !== 'web' && `via ${m.channel} · `}
                  <time dateTime={m.createdAt}>{formatInstant(m.createdAt)}</time>
                </span>
              </header>
              <p className="pre-wrap thread__body">{m.body}</p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
