import { type FormEvent, useEffect, useState } from 'react';
import { useCategories } from '../api/catalog';
import { useSession } from '../api/session';
import type { Level, Priority, Ticket, TicketType, UpdateTicketInput, Workflow } from '../api/ticket-types';
import { useUpdateTicket } from '../api/tickets';
import { ClientSelect } from '../clients/client-select';
import { SelectField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { levelLabels, levels, nextStatuses, priorities, priorityLabels, typeLabels } from './labels';
import { formatTags, parseTags } from './tags';
import { useQueueList } from './use-queues';
import { displayName, type Staff } from './use-staff';

type Props = { ticket: Ticket; workflow: Workflow; staff: Staff; readOnly: boolean };

const shown = [
  'status',
  'priority',
  'impact',
  'urgency',
  'assigneeId',
  'category',
  'queue',
  'type',
  'clientId',
];

/**
 * The ticket's fields, each saved as soon as it is changed. Status offers only the moves the
 * workflow allows from where the ticket is.
 */
export function TicketFields({ ticket, workflow, staff, readOnly }: Props) {
  const me = useSession().user;
  const update = useUpdateTicket(ticket.id);
  const categories = useCategories();
  const queues = useQueueList();
  const errors = fieldErrors(update.error);
  // While a change is on its way, show it rather than the value it replaces.
  const pending = update.isPending ? (update.variables ?? {}) : {};
  const value = <K extends keyof UpdateTicketInput>(key: K, current: UpdateTicketInput[K]) =>
    (key in pending ? pending[key] : current) as NonNullable<UpdateTicketInput[K]> | null;
  const save = (patch: UpdateTicketInput) => update.mutate(patch);

  const assigneeOptions: (readonly [string, string])[] = [
    ['', 'Unassigned'],
    ...staff.assignable.map((u) => [u.id, displayName(u)] as const),
  ];
  if (ticket.assigneeId && !assigneeOptions.some(([id]) => id === ticket.assigneeId))
    assigneeOptions.push([ticket.assigneeId, staff.nameOf(ticket.assigneeId)]);
  const categoryOptions: (readonly [string, string])[] = (categories.data ?? []).map(
    (c) => [c.code, c.name] as const,
  );
  if (ticket.category && !categoryOptions.some(([code]) => code === ticket.category))
    categoryOptions.push([ticket.category, ticket.category]);

  return (
    <section className="card" aria-labelledby="fields-title">
      <div className="section__header">
        <h2 id="fields-title">Details</h2>
        <p className="muted small" role="status">
          {update.isPending ? 'Saving…' : update.isSuccess ? 'Saved' : ''}
        </p>
      </div>
      <ProblemAlert error={update.error} shownFields={shown} />
      <fieldset className="bare" disabled={readOnly}>
        <div className="grid grid--4">
          <SelectField
            label="Status"
            name="status"
            errors={errors}
            value={value('status', ticket.status) ?? ticket.status}
            onChange={(status) => save({ status })}
            options={nextStatuses(workflow, ticket.status).map((s) => [s.code, s.label] as const)}
            hint="Only the moves the workflow allows."
          />
          <SelectField
            label="Priority"
            name="priority"
            errors={errors}
            value={(value('priority', ticket.priority) ?? ticket.priority) as Priority}
            onChange={(priority) => save({ priority })}
            options={priorities.map((p) => [p, priorityLabels[p]] as const)}
            hint="Set here, it overrides impact × urgency."
          />
          <SelectField
            label="Impact"
            name="impact"
            errors={errors}
            value={(value('impact', ticket.impact) ?? ticket.impact) as Level}
            onChange={(impact) => save({ impact })}
            options={levels.map((l) => [l, levelLabels[l]] as const)}
          />
          <SelectField
            label="Urgency"
            name="urgency"
            errors={errors}
            value={(value('urgency', ticket.urgency) ?? ticket.urgency) as Level}
            onChange={(urgency) => save({ urgency })}
            options={levels.map((l) => [l, levelLabels[l]] as const)}
          />
          <div className="assignee">
            <SelectField
              label="Assignee"
              name="assigneeId"
              errors={errors}
              value={value('assigneeId', ticket.assigneeId) ?? ''}
              onChange={(id) => save({ assigneeId: id || null })}
              options={assigneeOptions}
            />
            {ticket.assigneeId !== me.id && !readOnly && (
              <button
                type="button"
                className="button button--link"
                onClick={() => save({ assigneeId: me.id })}
              >
                Assign to me
              </button>
            )}
          </div>
          <SelectField
            label="Category"
            name="category"
            errors={errors}
            value={value('category', ticket.category) ?? ''}
            onChange={(category) => save({ category: category || null })}
            options={[['', 'None'], ...categoryOptions]}
          />
          <SelectField
            label="Queue"
            name="queue"
            errors={errors}
            value={value('queue', ticket.queue) ?? ticket.queue}
            onChange={(queue) => save({ queue })}
            options={queues.options(ticket.queue)}
          />
          <SelectField
            label="Type"
            name="type"
            errors={errors}
            value={(value('type', ticket.type) ?? ticket.type) as TicketType}
            onChange={(type) => save({ type })}
            options={Object.entries(typeLabels) as [TicketType, string][]}
          />
        </div>
        <div className="grid grid--2">
          <TagsField
            ticket={ticket}
            disabled={readOnly}
            onSave={(tags) => save({ tags })}
            error={errors.get('tags')}
          />
          <ClientSelect
            label="Client"
            emptyLabel={ticket.clientId ? undefined : 'None yet (triage)'}
            value={ticket.clientId ?? ''}
            onChange={(clientId) => clientId && save({ clientId })}
            error={errors.get('clientId')}
            disabled={readOnly}
            hint="A new client brings its own SLA (from the ticket's start) and entitlement."
          />
        </div>
      </fieldset>
    </section>
  );
}

type TagsProps = { ticket: Ticket; disabled: boolean; onSave: (tags: string[]) => void; error?: string };

function TagsField({ ticket, disabled, onSave, error }: TagsProps) {
  const saved = formatTags(ticket.tags);
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const changed = formatTags(parseTags(text)) !== saved;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed) onSave(parseTags(text));
  }
  return (
    <form className={error ? 'field field--invalid' : 'field'} onSubmit={submit} aria-label="Tags">
      <label htmlFor="ticket-tags">Tags</label>
      <div className="inline-input">
        <input
          id="ticket-tags"
          value={text}
          disabled={disabled}
          placeholder="Separated by commas"
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="button" disabled={disabled || !changed}>
          Save tags
        </button>
      </div>
      {error && <p className="field__error">{error}</p>}
    </form>
  );
}
