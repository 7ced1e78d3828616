import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateProblem, useProblem, useProblems } from '../api/problems';
import type { Ticket } from '../api/ticket-types';
import { useUpdateTicket } from '../api/tickets';
import { Badge } from '../ui/badge';
import { ProblemAlert } from '../ui/problem-alert';
import { problemStatusLabels, problemStatusTone } from './labels';

/**
 * The problem record a ticket is an incident of: its workaround, to apply at once, and the link
 * to it. Linking picks an active problem or records a new one from this ticket.
 */
export function TicketProblemPanel({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const update = useUpdateTicket(ticket.id);
  const [linking, setLinking] = useState(false);
  return (
    <section className="card" aria-labelledby="ticket-problem-title">
      <div className="section__header">
        <h2 id="ticket-problem-title">Problem</h2>
        {canWrite && ticket.problemId && (
          <button
            type="button"
            className="button button--link"
            disabled={update.isPending}
            onClick={() => update.mutate({ problemId: null })}
          >
            Unlink from problem
          </button>
        )}
      </div>
      <ProblemAlert error={update.error} />
      {ticket.problemId ? (
        <LinkedProblem problemId={ticket.problemId} />
      ) : linking ? (
        <LinkPicker ticket={ticket} onDone={() => setLinking(false)} />
      ) : (
        <div className="problem-panel__none">
          <p className="muted">Not linked to a problem record.</p>
          {canWrite && (
            <button type="button" className="button" onClick={() => setLinking(true)}>
              Link to problem
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function LinkedProblem({ problemId }: { problemId: string }) {
  const problem = useProblem(problemId);
  if (problem.error) return <ProblemAlert error={problem.error} />;
  const p = problem.data;
  if (!p)
    return (
      <p className="muted" role="status">
        Loading the problem…
      </p>
    );
  return (
    <>
      <p>
        <Link to={`/tickets/problems/${p.id}`}>{p.title}</Link>{' '}
        <Badge tone={problemStatusTone(p.status)}>{problemStatusLabels[p.status]}</Badge>
        <span className="muted small"> · {p.incidents.length} incidents</span>
      </p>
      {p.workaround && (
        <div className="alert alert--info">
          <p>
            <strong>Workaround:</strong> <span className="pre-wrap">{p.workaround}</span>
          </p>
        </div>
      )}
    </>
  );
}

function LinkPicker({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const navigate = useNavigate();
  const problems = useProblems();
  const update = useUpdateTicket(ticket.id);
  const create = useCreateProblem();
  const active = (problems.data ?? []).filter((p) => p.status !== 'resolved');
  const [problemId, setProblemId] = useState('');
  const selectId = useId();
  return (
    <div className="problem-panel__link">
      <ProblemAlert error={problems.error ?? update.error ?? create.error} />
      <div className="inline-add">
        <div className="field">
          <label htmlFor={selectId}>Active problem</label>
          <select id={selectId} value={problemId} onChange={(e) => setProblemId(e.target.value)}>
            <option value="">
              {problems.isPending ? 'Loading problems…' : active.length ? 'Choose one' : 'None active'}
            </option>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({problemStatusLabels[p.status]})
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={!problemId || update.isPending}
          onClick={() => update.mutate({ problemId }, { onSuccess: onDone })}
        >
          Link
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={create.isPending}
          onClick={() =>
            create.mutate(
              { title: ticket.subject, ticketIds: [ticket.id] },
              { onSuccess: (p) => navigate(`/tickets/problems/${p.id}`) },
            )
          }
        >
          {create.isPending ? 'Recording…' : 'New problem from this ticket'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
