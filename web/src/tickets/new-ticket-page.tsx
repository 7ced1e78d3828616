import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { priorityOf } from '../../../src/domain/sla/priority';
import { useCategories } from '../api/catalog';
import { useContacts } from '../api/children';
import { useSession } from '../api/session';
import { usePriorityMatrix } from '../api/sla';
import type { Level, TicketSource, TicketType } from '../api/ticket-types';
import { useCreateTicket } from '../api/tickets';
import { ClientSelect } from '../clients/client-select';
import { SelectField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { PageHeader } from '../ui/page-header';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { levelLabels, levels, priorityLabels, sourceLabels, typeLabels } from './labels';
import { parseTags } from './tags';
import { useQueueList } from './use-queues';
import { displayName, useStaff } from './use-staff';

const shown = [
  'clientId',
  'contactId',
  'requesterEmail',
  'subject',
  'description',
  'source',
  'type',
  'category',
  'impact',
  'urgency',
  'queue',
  'assigneeId',
  'tags',
];

/** Log a ticket taken by phone or raised on a client's behalf; SLA and entitlement follow at once. */
export function NewTicketPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useSession().user;
  const staff = useStaff();
  const create = useCreateTicket();
  const categories = useCategories();
  const matrix = usePriorityMatrix();
  const queues = useQueueList();
  const [clientId, setClientId] = useState(params.get('client') ?? '');
  const [contactId, setContactId] = useState('');
  const [requesterEmail, setRequesterEmail] = useState('');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<TicketSource>('phone');
  const [type, setType] = useState<TicketType>('incident');
  const [category, setCategory] = useState('');
  const [impact, setImpact] = useState<Level>('medium');
  const [urgency, setUrgency] = useState<Level>('medium');
  const [queue, setQueue] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [tags, setTags] = useState('');
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        clientId: clientId || null,
        contactId: contactId || null,
        requesterEmail: requesterEmail.trim() || null,
        subject,
        description,
        source,
        type,
        category: category || null,
        impact,
        urgency,
        ...(queue ? { queue } : {}),
        assigneeId: assigneeId || null,
        tags: parseTags(tags),
      },
      { onSuccess: (t) => navigate(`/tickets/${t.id}`) },
    );
  }

  const priority = matrix.data ? priorityOf(matrix.data, impact, urgency) : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/tickets">Tickets</Link>
      </p>
      <PageHeader title="New ticket" />
      <form className="form" onSubmit={submit} noValidate aria-label="New ticket">
        <ProblemAlert error={create.error} shownFields={shown} />
        <fieldset className="fieldset">
          <legend>Who</legend>
          <ClientSelect
            label="Client"
            emptyLabel="No client yet: triage queue"
            value={clientId}
            onChange={(id) => {
              setClientId(id);
              setContactId('');
            }}
            error={errors.get('clientId')}
            hint="The client's agreement decides the SLA and whether the work is covered."
          />
          <div className="grid grid--2">
            {clientId ? (
              <ContactSelect clientId={clientId} value={contactId} onChange={setContactId} errors={errors} />
            ) : (
              <p className="field__static muted">Choose a client to pick one of its contacts.</p>
            )}
            <TextField
              label="Requester email"
              name="requesterEmail"
              type="email"
              errors={errors}
              hint="When the requester is not a known contact."
              value={requesterEmail}
              onChange={setRequesterEmail}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>What</legend>
          <TextField
            label="Subject"
            name="subject"
            errors={errors}
            required
            maxLength={300}
            value={subject}
            onChange={setSubject}
          />
          <Field label="Description" name="description" errors={errors} hint="In the requester's words.">
            {(p) => (
              <textarea
                {...p}
                rows={6}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
          <div className="grid grid--3">
            <SelectField
              label="Source"
              name="source"
              errors={errors}
              value={source}
              onChange={setSource}
              options={Object.entries(sourceLabels) as [TicketSource, string][]}
            />
            <SelectField
              label="Type"
              name="type"
              errors={errors}
              value={type}
              onChange={setType}
              options={Object.entries(typeLabels) as [TicketType, string][]}
            />
            <SelectField
              label="Category"
              name="category"
              errors={errors}
              value={category}
              onChange={setCategory}
              options={[['', 'None'], ...(categories.data ?? []).map((c) => [c.code, c.name] as const)]}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Priority and routing</legend>
          <div className="grid grid--3">
            <SelectField
              label="Impact"
              name="impact"
              errors={errors}
              value={impact}
              onChange={setImpact}
              options={levels.map((l) => [l, levelLabels[l]] as const)}
            />
            <SelectField
              label="Urgency"
              name="urgency"
              errors={errors}
              value={urgency}
              onChange={setUrgency}
              options={levels.map((l) => [l, levelLabels[l]] as const)}
            />
            <div className="field">
              <span className="field__label">Priority</span>
              <p className="field__static" aria-live="polite">
                {priority ? `${priorityLabels[priority]} (impact × urgency)` : '…'}
              </p>
            </div>
            <SelectField
              label="Queue"
              name="queue"
              errors={errors}
              value={queue}
              onChange={setQueue}
              options={[
                [
                  '',
                  clientId
                    ? `Automatic (${queues.label('service-desk')})`
                    : `Automatic (${queues.triage?.name ?? 'triage'})`,
                ],
                ...queues.options(),
              ]}
            />
            <SelectField
              label="Assignee"
              name="assigneeId"
              errors={errors}
              value={assigneeId}
              onChange={setAssigneeId}
              options={[
                ['', 'Unassigned'],
                [me.id, `Me (${displayName(me)})`],
                ...staff.assignable.filter((u) => u.id !== me.id).map((u) => [u.id, displayName(u)] as const),
              ]}
            />
            <TextField
              label="Tags"
              name="tags"
              errors={errors}
              hint="Separated by commas."
              value={tags}
              onChange={setTags}
            />
          </div>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create ticket'}
          </button>
          <Link className="button" to="/tickets">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

type ContactProps = {
  clientId: string;
  value: string;
  onChange: (id: string) => void;
  errors: Map<string, string>;
};

function ContactSelect({ clientId, value, onChange, errors }: ContactProps) {
  const contacts = useContacts(clientId);
  const items = contacts.data?.pages.flatMap((p) => p.items).filter((c) => !c.archived) ?? [];
  return (
    <SelectField
      label="Contact"
      name="contactId"
      errors={errors}
      value={value}
      onChange={onChange}
      options={[
        ['', contacts.isPending ? 'Loading contacts…' : 'None'],
        ...items.map((c) => [c.id, c.name] as const),
      ]}
    />
  );
}
