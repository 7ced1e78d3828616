import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClientNames } from '../api/clients';
import {
  type Problem,
  type UpdateProblemInput,
  useLinkIncidents,
  useProblem,
  useResolveProblem,
  useUpdateProblem,
} from '../api/problems';
import { useCan } from '../api/session';
import { findTicketByReference, useWorkflow } from '../api/tickets';
import { statusLabel } from '../tickets/labels';
import { formatInstant } from '../tickets/time-left';
import { Badge } from '../ui/badge';
import { CheckField, SelectField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { PageHeader } from '../ui/page-header';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { incidentCount, problemStatusLabels, problemStatusTone, splitReferences } from './labels';

/** One problem: its cause and workaround, the incidents it explains, and its resolution. */
export function ProblemPage() {
  const { problemId = '' } = useParams();
  const problem = useProblem(problemId);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/tickets/problems">Problems</Link>
      </p>
      <QueryState query={problem} loading="Loading the problem…">
        {(p) => <ProblemView problem={p} />}
      </QueryState>
    </>
  );
}

function ProblemView({ problem }: { problem: Problem }) {
  const canWrite = useCan('tickets:write');
  const editable = canWrite && problem.status !== 'resolved';
  // Kept here: the form is gone once the problem is resolved, and what it left open must still show.
  const resolve = useResolveProblem(problem.id);
  const notResolved = resolve.data?.notResolved ?? [];
  return (
    <>
      <PageHeader
        title={problem.title}
        subtitle={
          <>
            <Badge tone={problemStatusTone(problem.status)}>{problemStatusLabels[problem.status]}</Badge> ·
            recorded <time dateTime={problem.createdAt}>{formatInstant(problem.createdAt)}</time>
            {problem.resolvedAt && (
              <>
                {' '}
                · resolved <time dateTime={problem.resolvedAt}>{formatInstant(problem.resolvedAt)}</time>
              </>
            )}{' '}
            · incidents: {incidentCount(problem.incidents)}
          </>
        }
      />
      {resolve.isSuccess && (
        <div className={notResolved.length ? 'alert alert--warn' : 'alert alert--success'} role="status">
          <p>
            Problem resolved
            {resolve.variables?.resolveIncidents ? ', with its open incidents' : ''}.
            {notResolved.length > 0 &&
              ` The workflow would not resolve ${notResolved.join(', ')}: resolve ${
                notResolved.length === 1 ? 'it' : 'them'
              } by hand.`}
          </p>
        </div>
      )}
      {editable ? <DetailsForm problem={problem} /> : <DetailsFacts problem={problem} />}
      <Incidents problem={problem} editable={editable} />
      {editable && <ResolveForm problem={problem} resolve={resolve} />}
    </>
  );
}

function DetailsFacts({ problem }: { problem: Problem }) {
  return (
    <section className="card" aria-labelledby="problem-details-title">
      <h2 id="problem-details-title">Details</h2>
      <dl className="facts">
        <dt>Root cause</dt>
        <dd className="pre-wrap">{problem.rootCause || '—'}</dd>
        <dt>Workaround</dt>
        <dd className="pre-wrap">{problem.workaround || '—'}</dd>
      </dl>
    </section>
  );
}

/** Title, root cause, workaround and known-error status, saved together; only what changed is sent. */
function DetailsForm({ problem }: { problem: Problem }) {
  const update = useUpdateProblem(problem.id);
  const [title, setTitle] = useState(problem.title);
  const [rootCause, setRootCause] = useState(problem.rootCause);
  const [workaround, setWorkaround] = useState(problem.workaround);
  const [status, setStatus] = useState<'open' | 'known_error'>(
    problem.status === 'known_error' ? 'known_error' : 'open',
  );
  // Saved elsewhere (or just now): start again from what the server holds.
  useEffect(() => {
    setTitle(problem.title);
    setRootCause(problem.rootCause);
    setWorkaround(problem.workaround);
    setStatus(problem.status === 'known_error' ? 'known_error' : 'open');
  }, [problem.title, problem.rootCause, problem.workaround, problem.status]);
  const errors = fieldErrors(update.error);

  const patch: UpdateProblemInput = {};
  if (title.trim() !== problem.title) patch.title = title;
  if (rootCause !== problem.rootCause) patch.rootCause = rootCause;
  if (workaround !== problem.workaround) patch.workaround = workaround;
  if (status !== problem.status) patch.status = status;
  const changed = Object.keys(patch).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed) update.mutate(patch);
  }

  return (
    <form
      className="card form form--wide"
      onSubmit={submit}
      noValidate
      aria-labelledby="problem-details-title"
    >
      <div className="section__header">
        <h2 id="problem-details-title">Details</h2>
        <p className="muted small" role="status">
          {update.isPending ? 'Saving…' : update.isSuccess && !changed ? 'Saved' : ''}
        </p>
      </div>
      <ProblemAlert error={update.error} shownFields={['title', 'rootCause', 'workaround', 'status']} />
      <div className="grid grid--2">
        <TextField
          label="Title"
          name="title"
          errors={errors}
          required
          maxLength={300}
          value={title}
          onChange={setTitle}
        />
        <SelectField
          label="Status"
          name="status"
          errors={errors}
          value={status}
          onChange={setStatus}
          options={[
            ['open', 'Open: cause still being found'],
            ['known_error', 'Known error: cause and workaround known'],
          ]}
          hint="A known error is a problem whose cause is found and has a workaround, while the fix waits."
        />
      </div>
      <div className="grid grid--2">
        <Field label="Root cause" name="rootCause" errors={errors}>
          {(p) => (
            <textarea {...p} rows={5} value={rootCause} onChange={(e) => setRootCause(e.target.value)} />
          )}
        </Field>
        <Field
          label="Workaround"
          name="workaround"
          errors={errors}
          hint="Shown on every linked ticket, so whoever picks one up can apply it."
        >
          {(p) => (
            <textarea {...p} rows={5} value={workaround} onChange={(e) => setWorkaround(e.target.value)} />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!changed || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save details'}
        </button>
      </div>
    </form>
  );
}

/** The incidents the problem explains; linked and unlinked by their references. */
function Incidents({ problem, editable }: { problem: Problem; editable: boolean }) {
  const link = useLinkIncidents(problem.id);
  const workflow = useWorkflow();
  const clientNames = useClientNames(problem.incidents.map((i) => i.clientId));
  return (
    <section className="section" aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidents</h2>
      <ProblemAlert error={link.error} />
      {problem.incidents.length === 0 ? (
        <p className="empty">No incident linked yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Linked incidents">
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Subject</th>
                <th scope="col">Client</th>
                <th scope="col">Status</th>
                {editable && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {problem.incidents.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">
                    <Link to={`/tickets/${i.id}`}>{i.reference}</Link>
                  </td>
                  <th scope="row">{i.subject}</th>
                  <td>
                    {i.clientId ? (
                      (clientNames.get(i.clientId) ?? '…')
                    ) : (
                      <span className="muted">No client</span>
                    )}
                  </td>
                  <td className="nowrap">
                    <Badge tone={i.resolved ? 'good' : 'neutral'}>
                      {statusLabel(workflow.data, i.status)}
                    </Badge>
                  </td>
                  {editable && (
                    <td className="nowrap">
                      <button
                        type="button"
                        className="button button--link"
                        disabled={link.isPending}
                        aria-label={`Unlink ${i.reference}`}
                        onClick={() => link.mutate({ remove: [i.id] })}
                      >
                        Unlink
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <LinkByReference problem={problem} />}
    </section>
  );
}

function LinkByReference({ problem }: { problem: Problem }) {
  const link = useLinkIncidents(problem.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const refs = splitReferences(text);
    if (!refs.length) return;
    setLooking(true);
    const found = await Promise.all(refs.map((r) => findTicketByReference(r).catch(() => null)));
    setLooking(false);
    const missing = refs.filter((_, i) => !found[i]);
    if (missing.length) {
      setError(`No ticket ${missing.join(', ')}.`);
      return;
    }
    const ids = found.map((t) => t!.id).filter((id) => !problem.incidents.some((i) => i.id === id));
    if (!ids.length) {
      setError('Already linked.');
      return;
    }
    link.mutate({ add: ids }, { onSuccess: () => setText('') });
  }

  return (
    <form className="inline-add" onSubmit={submit} noValidate aria-label="Link incidents">
      <TextField
        label="Ticket references"
        name="add"
        errors={error ? new Map([['add', error]]) : fieldErrors(link.error)}
        placeholder="T-000123, T-000124"
        hint="Separated by commas; a ticket linked to another problem moves to this one."
        value={text}
        onChange={setText}
      />
      <button type="submit" className="button" disabled={looking || link.isPending || !text.trim()}>
        {looking || link.isPending ? 'Linking…' : 'Link'}
      </button>
    </form>
  );
}

/** The fix is in: resolve the problem and, if asked, every incident still open under it. */
function ResolveForm({
  problem,
  resolve,
}: {
  problem: Problem;
  resolve: ReturnType<typeof useResolveProblem>;
}) {
  const open = problem.incidents.filter((i) => !i.resolved);
  const [resolveIncidents, setResolveIncidents] = useState(open.length > 0);
  const [note, setNote] = useState('');
  const errors = fieldErrors(resolve.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    resolve.mutate({ resolveIncidents, note: resolveIncidents && note.trim() ? note.trim() : null });
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="resolve-title">
      <h2 id="resolve-title">Resolve</h2>
      <p className="muted">Once the cause is fixed. A resolved problem can no longer be edited.</p>
      <ProblemAlert error={resolve.error} shownFields={['note']} />
      <CheckField
        label={
          open.length
            ? `Also resolve the ${open.length === 1 ? 'open incident' : `${open.length} open incidents`}`
            : 'Also resolve open incidents (none open now)'
        }
        checked={resolveIncidents}
        onChange={setResolveIncidents}
        hint="Each moves to resolved through its own workflow, so its clocks, history and survey follow."
      />
      {resolveIncidents && (
        <Field
          label="Note to the requesters (optional)"
          name="note"
          errors={errors}
          hint="Sent as a public reply on each incident resolved."
        >
          {(p) => <textarea {...p} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={resolve.isPending}>
          {resolve.isPending ? 'Resolving…' : 'Resolve problem'}
        </button>
      </div>
    </form>
  );
}
