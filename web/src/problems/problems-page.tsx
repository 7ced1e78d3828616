import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Problem, useCreateProblem, useProblems } from '../api/problems';
import { useCan } from '../api/session';
import { findTicketByReference } from '../api/tickets';
import { formatInstant } from '../tickets/time-left';
import { Badge } from '../ui/badge';
import { TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { PageHeader } from '../ui/page-header';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { incidentCount, problemStatusLabels, problemStatusTone, splitReferences } from './labels';

type View = 'active' | 'known_error' | 'resolved' | 'all';

const views: { view: View; label: string; empty: string; shows: (p: Problem) => boolean }[] = [
  {
    view: 'active',
    label: 'Active',
    empty: 'No open problem or known error.',
    shows: (p) => p.status !== 'resolved',
  },
  {
    view: 'known_error',
    label: 'Known errors',
    empty: 'No known error: no problem has a documented cause and workaround yet.',
    shows: (p) => p.status === 'known_error',
  },
  {
    view: 'resolved',
    label: 'Resolved',
    empty: 'No problem resolved yet.',
    shows: (p) => p.status === 'resolved',
  },
  { view: 'all', label: 'All', empty: 'No problem recorded yet.', shows: () => true },
];

/** Problem records: the one cause behind repeated incidents, from first suspicion to its fix. */
export function ProblemsPage() {
  const [params] = useSearchParams();
  const problems = useProblems();
  const canWrite = useCan('tickets:write');
  const [creating, setCreating] = useState(false);
  const current = views.find((v) => v.view === params.get('view')) ?? views[0]!;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/tickets">Tickets</Link>
      </p>
      <PageHeader
        title="Problems"
        subtitle="The root causes behind repeated incidents, their workarounds, and their fix."
        actions={
          canWrite &&
          !creating && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New problem
            </button>
          )
        }
      />
      {creating && <NewProblemForm onCancel={() => setCreating(false)} />}
      <nav className="tabs" aria-label="Problem views">
        {views.map((v) => (
          <Link
            key={v.view}
            to={v.view === 'active' ? '/tickets/problems' : `/tickets/problems?view=${v.view}`}
            replace
            className={v === current ? 'tabs__tab active' : 'tabs__tab'}
            aria-current={v === current ? 'page' : undefined}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      <QueryState query={problems} loading="Loading problems…">
        {(items) => {
          const shown = items.filter(current.shows);
          return shown.length ? <ProblemsTable problems={shown} /> : <p className="empty">{current.empty}</p>;
        }}
      </QueryState>
    </>
  );
}

function ProblemsTable({ problems }: { problems: Problem[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Problems">
        <thead>
          <tr>
            <th scope="col">Problem</th>
            <th scope="col">Status</th>
            <th scope="col">Incidents</th>
            <th scope="col">Recorded</th>
            <th scope="col">Last changed</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/tickets/problems/${p.id}`}>{p.title}</Link>
              </th>
              <td className="nowrap">
                <Badge tone={problemStatusTone(p.status)}>{problemStatusLabels[p.status]}</Badge>
              </td>
              <td className="nowrap">{incidentCount(p.incidents)}</td>
              <td className="nowrap">
                <time dateTime={p.createdAt}>{formatInstant(p.createdAt)}</time>
              </td>
              <td className="nowrap">
                <time dateTime={p.updatedAt}>{formatInstant(p.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Title first; the cause and workaround as far as they are known; incidents by their references. */
function NewProblemForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const create = useCreateProblem();
  const [title, setTitle] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [workaround, setWorkaround] = useState('');
  const [references, setReferences] = useState('');
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const errors = fieldErrors(create.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLookupError(null);
    const refs = splitReferences(references);
    setLooking(true);
    const found = await Promise.all(refs.map((r) => findTicketByReference(r).catch(() => null)));
    setLooking(false);
    const missing = refs.filter((_, i) => !found[i]);
    if (missing.length) {
      setLookupError(`No ticket ${missing.join(', ')}.`);
      return;
    }
    create.mutate(
      { title, rootCause, workaround, ticketIds: found.map((t) => t!.id) },
      { onSuccess: (p) => navigate(`/tickets/problems/${p.id}`) },
    );
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="New problem">
      <h2>New problem</h2>
      <ProblemAlert error={create.error} shownFields={['title', 'rootCause', 'workaround', 'ticketIds']} />
      <TextField
        label="Title"
        name="title"
        errors={errors}
        required
        maxLength={300}
        hint="What keeps happening, e.g. “VPN drops every hour for remote staff”."
        value={title}
        onChange={setTitle}
      />
      <div className="grid grid--2">
        <Field label="Root cause" name="rootCause" errors={errors} hint="As far as it is known; it can wait.">
          {(p) => (
            <textarea {...p} rows={3} value={rootCause} onChange={(e) => setRootCause(e.target.value)} />
          )}
        </Field>
        <Field
          label="Workaround"
          name="workaround"
          errors={errors}
          hint="What gets people working meanwhile."
        >
          {(p) => (
            <textarea {...p} rows={3} value={workaround} onChange={(e) => setWorkaround(e.target.value)} />
          )}
        </Field>
      </div>
      <Field
        label="Incidents"
        name="ticketIds"
        errors={lookupError ? new Map([['ticketIds', lookupError]]) : errors}
        hint="Ticket references, separated by commas, e.g. T-000123, T-000124. Optional."
      >
        {(p) => <input {...p} value={references} onChange={(e) => setReferences(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending || looking || !title.trim()}
        >
          {create.isPending || looking ? 'Recording…' : 'Record problem'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
