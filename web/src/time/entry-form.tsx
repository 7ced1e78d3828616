import { type FormEvent, useId, useState } from 'react';
import { useCategories, useWorkTypes } from '../api/catalog';
import { ApiError } from '../api/http';
import { findTicketByReference, useTicket } from '../api/tickets';
import { type TimeEntry, type TimeEntryInput, useCreateTimeEntry, useUpdateTimeEntry } from '../api/time';
import { ClientSelect } from '../clients/client-select';
import { SelectField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { clockOf, dateKey, localInstant } from './week';

type Kind = 'ticket' | 'project' | 'activity';
type Billing = 'decided' | 'billable' | 'not_billable';

type Props = {
  /** The entry to edit; absent for a new one. */
  entry?: TimeEntry;
  /** The day a new entry is on, 'YYYY-MM-DD'. */
  day?: string;
  onDone: (saved: TimeEntry) => void;
  onCancel: () => void;
};

const kindOf = (e?: TimeEntry): Kind => (e?.ticketId ? 'ticket' : e?.projectRef ? 'project' : 'activity');
const billingOf = (e?: TimeEntry): Billing =>
  !e?.billableOverride ? 'decided' : e.billableOverride.billable ? 'billable' : 'not_billable';

/** End "17:00" after start "22:00" means the next morning: work past midnight. */
function endInstant(date: string, start: string, end: string): string {
  const from = localInstant(date, start);
  let to = localInstant(date, end);
  if (Date.parse(to) <= Date.parse(from)) to = new Date(Date.parse(to) + 86_400_000).toISOString();
  return to;
}

/**
 * Log or change a piece of work: on a ticket (by its number), a project or a general activity, with
 * its work type and times; the server decides whether it bills, and a person may override that
 * with a reason.
 */
export function EntryForm({ entry, day, onDone, onCancel }: Props) {
  const id = useId();
  const create = useCreateTimeEntry();
  const update = useUpdateTimeEntry();
  const workTypes = useWorkTypes();
  const categories = useCategories();
  const ticket = useTicket(entry?.ticketId ?? '');
  const [kind, setKind] = useState<Kind>(kindOf(entry));
  const [reference, setReference] = useState<string | null>(null);
  const [projectRef, setProjectRef] = useState(entry?.projectRef ?? '');
  const [activity, setActivity] = useState(entry?.activity ?? '');
  const [clientId, setClientId] = useState(entry?.clientId ?? '');
  const [category, setCategory] = useState(entry && !entry.ticketId ? (entry.category ?? '') : '');
  const [workType, setWorkType] = useState(entry?.workType ?? 'remote');
  const [date, setDate] = useState(entry ? dateKey(new Date(entry.startedAt)) : (day ?? dateKey(new Date())));
  const [start, setStart] = useState(entry ? clockOf(entry.startedAt) : '09:00');
  const [end, setEnd] = useState(entry ? clockOf(entry.endedAt) : '10:00');
  const [billing, setBilling] = useState<Billing>(billingOf(entry));
  const [reason, setReason] = useState(entry?.billableOverride?.reason ?? '');
  const [note, setNote] = useState(entry?.note ?? '');
  const [lookupError, setLookupError] = useState<Error | null>(null);
  const saving = create.isPending || update.isPending;
  const error = lookupError ?? create.error ?? update.error;
  const errors = fieldErrors(error);
  const activeTypes = (workTypes.data ?? []).filter((w) => w.active || w.code === workType);
  const ticketReference = ticket.data?.reference ?? '';

  async function subject(): Promise<TimeEntryInput | null> {
    if (kind === 'ticket') {
      const typed = (reference ?? ticketReference).trim();
      if (entry?.ticketId && typed === ticketReference) return { ticketId: entry.ticketId } as TimeEntryInput;
      const found = typed ? await findTicketByReference(typed) : null;
      if (!found) {
        setLookupError(
          new ApiError(422, 'UNPROCESSABLE', `No ticket ${typed || ''} was found.`, [
            { field: 'body.ticketId', message: 'give a ticket number, e.g. T-000123' },
          ]),
        );
        return null;
      }
      return { ticketId: found.id } as TimeEntryInput;
    }
    return {
      ...(kind === 'project' ? { projectRef: projectRef.trim() } : { activity: activity.trim() }),
      clientId: clientId || null,
      category: category || null,
    } as TimeEntryInput;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLookupError(null);
    const about = await subject();
    if (!about) return;
    const override =
      billing === 'decided'
        ? { billable: null }
        : { billable: billing === 'billable', ...(reason.trim() ? { billableReason: reason.trim() } : {}) };
    const body: TimeEntryInput = {
      ticketId: null,
      projectRef: null,
      activity: null,
      ...about,
      workType,
      startedAt: localInstant(date, start),
      endedAt: endInstant(date, start, end),
      note,
      ...override,
    };
    if (entry) update.mutate({ id: entry.id, patch: body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  }

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-label={entry ? 'Edit time entry' : 'New time entry'}
      noValidate
    >
      <ProblemAlert
        error={error}
        shownFields={[
          'ticketId',
          'projectRef',
          'activity',
          'clientId',
          'category',
          'workType',
          'startedAt',
          'endedAt',
          'billableReason',
          'note',
        ]}
      />
      <fieldset className="choice-group">
        <legend>Work on</legend>
        <div className="choice-group__options">
          {(
            [
              ['ticket', 'A ticket'],
              ['project', 'A project'],
              ['activity', 'An activity'],
            ] as const
          ).map(([value, label]) => (
            <label className="choice" key={value}>
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid--2">
        {kind === 'ticket' && (
          <TextField
            label="Ticket"
            name="ticketId"
            errors={errors}
            placeholder="T-000123"
            hint="The client and category come from the ticket."
            value={reference ?? ticketReference}
            onChange={setReference}
          />
        )}
        {kind === 'project' && (
          <TextField
            label="Project"
            name="projectRef"
            errors={errors}
            value={projectRef}
            onChange={setProjectRef}
          />
        )}
        {kind === 'activity' && (
          <TextField
            label="Activity"
            name="activity"
            errors={errors}
            placeholder="Training, quarterly review…"
            value={activity}
            onChange={setActivity}
          />
        )}
        {kind !== 'ticket' && (
          <ClientSelect
            label="Client"
            emptyLabel="None: internal work"
            value={clientId}
            onChange={setClientId}
            error={errors.get('clientId')}
          />
        )}
        {kind !== 'ticket' && (
          <SelectField
            label="Service category"
            name="category"
            errors={errors}
            value={category}
            onChange={setCategory}
            options={[['', 'None'], ...(categories.data ?? []).map((c) => [c.code, c.name] as const)]}
          />
        )}
        <SelectField
          label="Work type"
          name="workType"
          errors={errors}
          value={workType}
          onChange={setWorkType}
          options={activeTypes.map((w) => [w.code, w.name] as const)}
        />
      </div>
      <div className="grid grid--4">
        <TextField label="Date" name="date" type="date" errors={errors} value={date} onChange={setDate} />
        <TextField
          label="Start"
          name="startedAt"
          type="time"
          errors={errors}
          value={start}
          onChange={setStart}
        />
        <TextField
          label="End"
          name="endedAt"
          type="time"
          errors={errors}
          hint="Before the start: the next day."
          value={end}
          onChange={setEnd}
        />
      </div>
      <Field label="Note" name="note" errors={errors}>
        {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="grid grid--2">
        <SelectField
          label="Billable"
          name="billable"
          errors={errors}
          value={billing}
          onChange={setBilling}
          options={[
            ['decided', 'As entitlement decides'],
            ['billable', 'Billable (override)'],
            ['not_billable', 'Not billable (override)'],
          ]}
        />
        {billing !== 'decided' && (
          <TextField
            label="Reason for the override"
            name="billableReason"
            errors={errors}
            hint="Needed when it differs from entitlement’s decision; kept in the audit log."
            value={reason}
            onChange={setReason}
          />
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : entry ? 'Save changes' : 'Add entry'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
