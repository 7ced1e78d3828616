import { type FormEvent, useState } from 'react';
import {
  type MaintenanceWindow,
  type Schedule,
  useCreateMaintenanceWindow,
  useDeleteMaintenanceWindow,
  useMaintenanceWindows,
} from '../api/alerts';
import { useClient, useClientNames } from '../api/clients';
import { useCan } from '../api/session';
import { ClientSelect } from '../clients/client-select';
import { formatInstant } from '../tickets/time-left';
import { Badge } from '../ui/badge';
import { CheckboxGroup } from '../ui/checkbox-group';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { TimeZoneInput } from '../ui/time-zone-input';
import { AssetSelect } from './asset-select';

const days = [
  { value: 'mon', label: 'Mon' },
  { value: 'tue', label: 'Tue' },
  { value: 'wed', label: 'Wed' },
  { value: 'thu', label: 'Thu' },
  { value: 'fri', label: 'Fri' },
  { value: 'sat', label: 'Sat' },
  { value: 'sun', label: 'Sun' },
];

function describeSchedule(s: Schedule): string {
  if (s.kind === 'once') return `${formatInstant(s.from)} – ${formatInstant(s.to)}`;
  const names = days.filter((d) => s.days.includes(d.value)).map((d) => d.label);
  const bounds = [s.from && `from ${formatInstant(s.from)}`, s.until && `until ${formatInstant(s.until)}`]
    .filter(Boolean)
    .join(' ');
  return `Every ${names.join(', ')} ${s.start}–${s.end} (${s.timeZone})${bounds ? `, ${bounds}` : ''}`;
}

/** Planned work per client or asset: its alerts are silenced (and recorded), its time leaves availability. */
export function MaintenancePage() {
  const [clientId, setClientId] = useState('');
  const windows = useMaintenanceWindows(clientId);
  const canWrite = useCan('alerts:write');
  return (
    <>
      <div className="alerts-filters">
        <ClientSelect label="Client" value={clientId} emptyLabel="Every client" onChange={setClientId} />
      </div>
      <QueryState query={windows} loading="Loading maintenance windows…">
        {(items) =>
          items.length ? (
            <WindowsTable windows={items} canWrite={canWrite} />
          ) : (
            <p className="empty">No maintenance window{clientId ? ' for this client' : ''}.</p>
          )
        }
      </QueryState>
      {canWrite &&
        (clientId ? (
          <NewWindowForm clientId={clientId} />
        ) : (
          <p className="muted">Choose a client to plan a maintenance window for it.</p>
        ))}
    </>
  );
}

function WindowsTable({ windows, canWrite }: { windows: MaintenanceWindow[]; canWrite: boolean }) {
  const names = useClientNames(windows.map((w) => w.clientId));
  const remove = useDeleteMaintenanceWindow();
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Maintenance windows">
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col">Client</th>
            <th scope="col">Covers</th>
            <th scope="col">When</th>
            <th scope="col">Now</th>
            {canWrite && <th scope="col">Remove</th>}
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => (
            <tr key={w.id}>
              <th scope="row">{w.name}</th>
              <td>{names.get(w.clientId) ?? '…'}</td>
              <td>{w.assetId ? `Asset ${w.assetId}` : 'Every alert of the client'}</td>
              <td>{describeSchedule(w.schedule)}</td>
              <td>
                {w.activeNow ? <Badge tone="warn">In progress</Badge> : <Badge tone="muted">Not now</Badge>}
              </td>
              {canWrite && (
                <td>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(w.id)}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** datetime-local reads and writes the browser's wall clock; the API takes instants. */
const instantOf = (local: string) => (local ? new Date(local).toISOString() : '');

function NewWindowForm({ clientId }: { clientId: string }) {
  const create = useCreateMaintenanceWindow();
  const client = useClient(clientId);
  const [name, setName] = useState('');
  const [assetId, setAssetId] = useState('');
  const [kind, setKind] = useState<'once' | 'weekly'>('once');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [weekDays, setWeekDays] = useState<string[]>(['sat']);
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('02:00');
  const [timeZone, setTimeZone] = useState('');
  const zone = timeZone || client.data?.timeZone || 'UTC';
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const schedule: Schedule =
      kind === 'once'
        ? { kind, from: instantOf(from), to: instantOf(to) }
        : { kind, timeZone: zone, days: weekDays, start, end };
    create.mutate({ clientId, assetId: assetId || null, name, schedule }, { onSuccess: () => setName('') });
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="New maintenance window">
      <h2>Plan a maintenance window</h2>
      <ProblemAlert
        error={create.error}
        shownFields={['name', 'schedule.to', 'schedule.from', 'schedule.start', 'schedule.end']}
      />
      <div className="grid grid--2">
        <Field label="Name" name="name" errors={errors} hint="e.g. Saturday patching, Firewall swap">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <AssetSelect clientId={clientId} value={assetId} onChange={setAssetId} label="Covers" />
      </div>
      <Field label="Kind" name="schedule.kind" errors={errors}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as 'once' | 'weekly')}>
            <option value="once">Once</option>
            <option value="weekly">Every week</option>
          </select>
        )}
      </Field>
      {kind === 'once' ? (
        <div className="grid grid--2">
          <Field label="From" name="schedule.from" errors={errors}>
            {(p) => (
              <input {...p} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label="To" name="schedule.to" errors={errors}>
            {(p) => <input {...p} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
      ) : (
        <>
          <CheckboxGroup legend="Days" options={days} selected={weekDays} onChange={setWeekDays} />
          <div className="grid grid--3">
            <Field label="Starts" name="schedule.start" errors={errors}>
              {(p) => <input {...p} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
            </Field>
            <Field
              label="Ends"
              name="schedule.end"
              errors={errors}
              hint="At or before the start: the next day."
            >
              {(p) => <input {...p} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
            </Field>
            <Field
              label="Time zone"
              name="schedule.timeZone"
              errors={errors}
              hint="Whose wall clock the hours are on."
            >
              {(p) => <TimeZoneInput {...p} value={zone} onChange={(e) => setTimeZone(e.target.value)} />}
            </Field>
          </div>
        </>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? 'Saving…' : 'Add window'}
        </button>
      </div>
    </form>
  );
}
