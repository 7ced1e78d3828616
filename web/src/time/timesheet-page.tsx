import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useWorkTypes } from '../api/catalog';
import { useClientNames } from '../api/clients';
import { type TimeEntry, useAllTimeEntries, useDeleteTimeEntry, useReviewTimeEntries } from '../api/time';
import { formatMoney } from '../money/money';
import { ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { BillingCell, StatusCell, SubjectCell } from './entry-cells';
import { EntryForm } from './entry-form';
import { formatClock, formatDuration } from './labels';
import { addDays, dateKey, dayLabel, localInstant, parseDateKey, weekDays, weekStart } from './week';

type Editing = { entry: TimeEntry } | { day: string } | null;

const sum = (entries: TimeEntry[], pick: (e: TimeEntry) => number) =>
  entries.reduce((n, e) => n + pick(e), 0);

/** My week: entries by day with their totals, added and edited in place, submitted for approval. */
export function TimesheetPage() {
  const [params, setParams] = useSearchParams();
  const monday = weekStart(params.get('week') ?? dateKey(new Date()));
  const days = weekDays(monday);
  const today = dateKey(new Date());
  const entries = useAllTimeEntries({
    technician: 'me',
    from: localInstant(monday, '00:00'),
    to: localInstant(addDays(monday, 7), '00:00'),
  });
  const review = useReviewTimeEntries();
  const remove = useDeleteTimeEntry();
  const workTypes = useWorkTypes();
  const [editing, setEditing] = useState<Editing>(null);
  const clientNames = useClientNames((entries.data ?? []).map((e) => e.clientId));
  const workTypeName = (code: string) => workTypes.data?.find((w) => w.code === code)?.name ?? code;
  const goTo = (key: string) => {
    setEditing(null);
    setParams(key === weekStart(dateKey(new Date())) ? {} : { week: key }, { replace: true });
  };

  return (
    <>
      <nav className="filters" aria-label="Weeks">
        <button type="button" className="button" onClick={() => goTo(addDays(monday, -7))}>
          ← Previous week
        </button>
        <button type="button" className="button" onClick={() => goTo(weekStart(dateKey(new Date())))}>
          This week
        </button>
        <button type="button" className="button" onClick={() => goTo(addDays(monday, 7))}>
          Next week →
        </button>
        <strong>
          Week of{' '}
          {parseDateKey(monday).toLocaleDateString(undefined, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          })}
        </strong>
      </nav>
      <ProblemAlert error={review.error ?? remove.error} />
      <QueryState query={entries} loading="Loading your week…">
        {(all) => {
          const open = all.filter((e) => e.status === 'draft' || e.status === 'rejected');
          const billable = all.filter((e) => e.billable);
          return (
            <>
              <ul className="stat-grid" aria-label="This week">
                <li className="stat">
                  <span className="stat__label">Logged</span>
                  <span className="stat__value">{formatDuration(sum(all, (e) => e.minutes))}</span>
                </li>
                <li className="stat">
                  <span className="stat__label">Billable</span>
                  <span className="stat__value">{formatDuration(sum(billable, (e) => e.minutes))}</span>
                  <span className="stat__detail muted">
                    {formatMoney(
                      sum(billable, (e) => e.amount),
                      null,
                    )}
                  </span>
                </li>
                <li className="stat">
                  <span className="stat__label">Not yet submitted</span>
                  <span className="stat__value">{open.length}</span>
                </li>
              </ul>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => setEditing({ day: days.includes(today) ? today : days[0]! })}
                >
                  Add entry
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={open.length === 0 || review.isPending}
                  onClick={() => review.mutate({ action: 'submit', ids: open.map((e) => e.id) })}
                >
                  Submit week ({open.length})
                </button>
              </div>
              {days.map((day) => {
                const mine = all.filter((e) => dateKey(new Date(e.startedAt)) === day);
                return (
                  <section className="section" key={day} aria-label={dayLabel(day)}>
                    <div className="section__header">
                      <h2>
                        {dayLabel(day)}{' '}
                        <span className="muted small">{formatDuration(sum(mine, (e) => e.minutes))}</span>
                      </h2>
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => setEditing({ day })}
                      >
                        Add
                      </button>
                    </div>
                    {editing && 'day' in editing && editing.day === day && (
                      <EntryForm
                        day={day}
                        onDone={() => setEditing(null)}
                        onCancel={() => setEditing(null)}
                      />
                    )}
                    {mine.length === 0 ? (
                      <p className="muted small">Nothing logged.</p>
                    ) : (
                      <div className="table-wrap">
                        <table className="table table--compact" aria-label={`Time on ${dayLabel(day)}`}>
                          <thead>
                            <tr>
                              <th scope="col">Time</th>
                              <th scope="col">Duration</th>
                              <th scope="col">On</th>
                              <th scope="col">Client</th>
                              <th scope="col">Work type</th>
                              <th scope="col">Billing</th>
                              <th scope="col">Status</th>
                              <th scope="col">Actions</th>
                            </tr>
                          </thead>
                          <tbody>
                            {mine.map((e) => (
                              <EntryRow
                                key={e.id}
                                entry={e}
                                client={e.clientId ? (clientNames.get(e.clientId) ?? '…') : 'Internal'}
                                workType={workTypeName(e.workType)}
                                onEdit={() => setEditing({ entry: e })}
                                onDelete={() => remove.mutate(e.id)}
                                onSubmit={() => review.mutate({ action: 'submit', ids: [e.id] })}
                              />
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                    {editing && 'entry' in editing && mine.some((e) => e.id === editing.entry.id) && (
                      <EntryForm
                        entry={editing.entry}
                        onDone={() => setEditing(null)}
                        onCancel={() => setEditing(null)}
                      />
                    )}
                  </section>
                );
              })}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

type RowProps = {
  entry: TimeEntry;
  client: string;
  workType: string;
  onEdit: () => void;
  onDelete: () => void;
  onSubmit: () => void;
};

function EntryRow({ entry, client, workType, onEdit, onDelete, onSubmit }: RowProps) {
  const open = entry.status === 'draft' || entry.status === 'rejected';
  return (
    <tr>
      <td className="nowrap">
        {formatClock(entry.startedAt)}–{formatClock(entry.endedAt)}
      </td>
      <td className="nowrap">{formatDuration(entry.minutes)}</td>
      <td>
        <SubjectCell entry={entry} />
      </td>
      <td>{client}</td>
      <td>{workType}</td>
      <td>
        <BillingCell entry={entry} />
      </td>
      <td>
        <StatusCell entry={entry} />
      </td>
      <td className="nowrap">
        {entry.locked ? (
          <span className="muted small">Locked</span>
        ) : (
          <>
            <button type="button" className="button button--link" onClick={onEdit}>
              Edit
            </button>{' '}
            {open && (
              <button type="button" className="button button--link" onClick={onSubmit}>
                Submit
              </button>
            )}{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                if (window.confirm('Delete this time entry?')) onDelete();
              }}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
