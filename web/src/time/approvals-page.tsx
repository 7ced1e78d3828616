import { useId, useState } from 'react';
import { useWorkTypes } from '../api/catalog';
import { useClientNames } from '../api/clients';
import { type TimeEntryStatus, useReviewTimeEntries, useTimeEntries } from '../api/time';
import { ClientSelect } from '../clients/client-select';
import { useStaff } from '../tickets/use-staff';
import { LoadMore } from '../ui/load-more';
import { ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { BillingCell, StatusCell, SubjectCell } from './entry-cells';
import { formatClock, formatDuration, statusLabels } from './labels';

const statuses: TimeEntryStatus[] = ['submitted', 'rejected', 'approved', 'draft'];

/** Submitted time, oldest first: pick entries, approve them, or reject them with a reason. */
export function ApprovalsPage() {
  const id = useId();
  const staff = useStaff();
  const workTypes = useWorkTypes();
  const [technician, setTechnician] = useState('');
  const [clientId, setClientId] = useState('');
  const [status, setStatus] = useState<TimeEntryStatus>('submitted');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const entries = useTimeEntries({
    technician: technician || undefined,
    clientId: clientId || undefined,
    status,
  });
  const review = useReviewTimeEntries();
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const clientNames = useClientNames(items.map((e) => e.clientId));
  const reviewable = status === 'submitted';
  const chosen = items.filter((e) => selected.has(e.id)).map((e) => e.id);
  const toggle = (entryId: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(entryId);
      else next.delete(entryId);
      return next;
    });
  const act = (action: 'approve' | 'reject') =>
    review.mutate(
      action === 'approve' ? { action, ids: chosen } : { action, ids: chosen, reason: reason.trim() },
      {
        onSuccess: () => {
          setSelected(new Set());
          setReason('');
        },
      },
    );

  return (
    <>
      <search className="filters" aria-label="Filter time">
        <div className="field filters__narrow">
          <label htmlFor={`${id}-tech`}>Technician</label>
          <select id={`${id}-tech`} value={technician} onChange={(e) => setTechnician(e.target.value)}>
            <option value="">Everyone</option>
            {staff.assignable.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name || u.email}
              </option>
            ))}
          </select>
        </div>
        <ClientSelect label="Client" emptyLabel="Any client" value={clientId} onChange={setClientId} />
        <div className="field filters__narrow">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => {
              setSelected(new Set());
              setStatus(e.target.value as TimeEntryStatus);
            }}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
      </search>
      <ProblemAlert error={review.error} />
      {reviewable && (
        <section className="filters" aria-label="Review the selected entries">
          <button
            type="button"
            className="button button--primary"
            disabled={chosen.length === 0 || review.isPending}
            onClick={() => act('approve')}
          >
            Approve selected ({chosen.length})
          </button>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason to reject</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button
            type="button"
            className="button button--danger"
            disabled={chosen.length === 0 || !reason.trim() || review.isPending}
            onClick={() => act('reject')}
          >
            Reject selected
          </button>
        </section>
      )}
      <QueryState query={entries} loading="Loading time…">
        {() =>
          items.length === 0 ? (
            <p className="empty">{reviewable ? 'Nothing is waiting for approval.' : 'No entry matches.'}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table" aria-label="Time entries">
                  <thead>
                    <tr>
                      <th scope="col">
                        {reviewable && (
                          <input
                            type="checkbox"
                            aria-label="Select all"
                            checked={chosen.length === items.length}
                            onChange={(e) =>
                              setSelected(new Set(e.target.checked ? items.map((i) => i.id) : []))
                            }
                          />
                        )}
                      </th>
                      <th scope="col">Technician</th>
                      <th scope="col">When</th>
                      <th scope="col">Duration</th>
                      <th scope="col">On</th>
                      <th scope="col">Client</th>
                      <th scope="col">Work type</th>
                      <th scope="col">Billing</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((e) => (
                      <tr key={e.id}>
                        <td>
                          {reviewable && (
                            <input
                              type="checkbox"
                              aria-label={`Select ${staff.nameOf(e.technicianId)}’s entry of ${new Date(e.startedAt).toLocaleString()}`}
                              checked={selected.has(e.id)}
                              onChange={(ev) => toggle(e.id, ev.target.checked)}
                            />
                          )}
                        </td>
                        <td>{staff.nameOf(e.technicianId)}</td>
                        <td className="nowrap">
                          {new Date(e.startedAt).toLocaleDateString()} {formatClock(e.startedAt)}–
                          {formatClock(e.endedAt)}
                        </td>
                        <td className="nowrap">{formatDuration(e.minutes)}</td>
                        <td>
                          <SubjectCell entry={e} />
                        </td>
                        <td>{e.clientId ? (clientNames.get(e.clientId) ?? '…') : 'Internal'}</td>
                        <td>{workTypes.data?.find((w) => w.code === e.workType)?.name ?? e.workType}</td>
                        <td>
                          <BillingCell entry={e} />
                        </td>
                        <td>
                          <StatusCell entry={e} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore query={entries} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
