import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Level } from '../api/ticket-types';
import { useCreateTicket } from '../api/tickets';
import { SelectField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { PageHeader } from '../ui/page-header';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';

const impactOptions: readonly (readonly [Level, string])[] = [
  ['low', 'Just me'],
  ['medium', 'Several people or one team'],
  ['high', 'The whole company, or a key service'],
];

const urgencyOptions: readonly (readonly [Level, string])[] = [
  ['low', 'It can wait'],
  ['medium', 'Soon: it slows work down'],
  ['high', 'Now: work has stopped'],
];

/** Ask the service provider for help: what is wrong, who it affects and how soon it matters. */
export function PortalNewTicket() {
  const navigate = useNavigate();
  const create = useCreateTicket();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState<Level>('medium');
  const [urgency, setUrgency] = useState<Level>('medium');
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { subject, description, impact, urgency },
      { onSuccess: (t) => navigate('/tickets', { state: { raised: t.reference } }) },
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/tickets">Your tickets</Link>
      </p>
      <PageHeader title="Raise a ticket" subtitle="Tell us what is wrong or what you need." />
      <form className="form" onSubmit={submit} noValidate aria-label="Raise a ticket">
        <ProblemAlert error={create.error} shownFields={['subject', 'description', 'impact', 'urgency']} />
        <TextField
          label="Subject"
          name="subject"
          errors={errors}
          required
          maxLength={300}
          hint="In a few words, e.g. “Printer at reception is offline”."
          value={subject}
          onChange={setSubject}
        />
        <Field
          label="Description"
          name="description"
          errors={errors}
          hint="What happened, since when, and what you have tried."
        >
          {(p) => (
            <textarea {...p} rows={6} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        <div className="grid grid--2">
          <SelectField
            label="Who is affected?"
            name="impact"
            errors={errors}
            value={impact}
            onChange={setImpact}
            options={impactOptions}
          />
          <SelectField
            label="How urgent is it?"
            name="urgency"
            errors={errors}
            value={urgency}
            onChange={setUrgency}
            options={urgencyOptions}
          />
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || !subject.trim()}
          >
            {create.isPending ? 'Sending…' : 'Raise ticket'}
          </button>
          <Link className="button" to="/tickets">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
