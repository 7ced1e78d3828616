import { Link } from 'react-router';
import { useClientNames } from '../api/clients';
import type { Ticket, Workflow } from '../api/ticket-types';
import { Badge } from '../ui/badge';
import { useNow } from '../ui/use-now';
import { priorityLabels, priorityTone, statusLabel } from './labels';
import { formatInstant, queueCountdown, queueWarnAt } from './time-left';
import type { Staff } from './use-staff';

type Props = { tickets: Ticket[]; workflow: Workflow | undefined; staff: Staff };

/** The queue in the order the server gives: the nearest SLA deadline first. */
export function QueueTable({ tickets, workflow, staff }: Props) {
  const now = useNow();
  const clientNames = useClientNames(tickets.map((t) => t.clientId));
  return (
    <div className="table-wrap">
      <table className="table queue" aria-label="Ticket queue">
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Subject</th>
            <th scope="col">Client</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
            <th scope="col">SLA</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((t) => {
            const left = queueCountdown(t, now);
            const warnAt = queueWarnAt(t);
            const due = t.sla.nextDeadlineAt;
            return (
              <tr key={t.id} className={left.overdue ? 'row--overdue' : undefined}>
                <td className="nowrap">
                  <Link to={`/tickets/${t.id}`}>{t.reference}</Link>
                </td>
                <th scope="row">
                  <Link to={`/tickets/${t.id}`}>{t.subject}</Link>
                </th>
                <td>
                  {t.clientId ? (
                    (clientNames.get(t.clientId) ?? '…')
                  ) : (
                    <span className="muted">No client (triage)</span>
                  )}
                </td>
                <td className="nowrap">
                  <Badge tone={priorityTone(t.priority)}>{priorityLabels[t.priority]}</Badge>
                </td>
                <td>{statusLabel(workflow, t.status)}</td>
                <td>
                  {t.assigneeId ? staff.nameOf(t.assigneeId) : <span className="muted">Unassigned</span>}
                </td>
                <td
                  className={`nowrap sla-left sla-left--${left.tone}`}
                  title={
                    due
                      ? `Due ${formatInstant(due)}${
                          warnAt && Date.parse(warnAt) > now ? `; warning from ${formatInstant(warnAt)}` : ''
                        }`
                      : undefined
                  }
                >
                  {left.text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
