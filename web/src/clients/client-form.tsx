import type { FormEvent } from 'react';
import type { Client, ClientInput } from '../api/types';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { TimeZoneInput } from '../ui/time-zone-input';
import { AddressFields, addressFieldNames } from './address-fields';
import { address, integer, text } from './form-values';
import { criticalityLabels, statusLabels } from './format';

type Props = {
  initial?: Client;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ClientInput) => void;
  onCancel?: () => void;
};

const profileCounts = [
  ['users', 'Users supported'],
  ['endpoints', 'Endpoints'],
  ['sites', 'Sites'],
  ['remoteUsers', 'Remote users'],
] as const;

const shownFields = [
  'name',
  'status',
  'timeZone',
  'taxRateBp',
  'notes',
  'profile.criticality',
  ...profileCounts.map(([key]) => `profile.${key}`),
  ...addressFieldNames('billingAddress'),
];

/** Reads the form into a client body; blank numbers are left out rather than sent as zero. */
export function readClientForm(form: FormData): ClientInput {
  const taxPercent = text(form, 'taxRateBp');
  const profile: ClientInput['profile'] = {};
  for (const [key] of profileCounts) {
    const value = integer(form, `profile.${key}`);
    if (value !== undefined) profile[key] = value;
  }
  const criticality = text(form, 'profile.criticality');
  if (criticality) profile.criticality = criticality as keyof typeof criticalityLabels;
  return {
    name: text(form, 'name'),
    status: text(form, 'status') as ClientInput['status'],
    timeZone: text(form, 'timeZone') || 'UTC',
    ...(taxPercent === '' ? {} : { taxRateBp: Math.round(Number(taxPercent) * 100) }),
    billingAddress: address(form, 'billingAddress'),
    notes: text(form, 'notes'),
    profile,
  };
}

/** Create and edit a client: identity, billing, the environment the MSP looks after, notes. */
export function ClientForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const errors = fieldErrors(error);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(readClientForm(new FormData(event.currentTarget)));
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ProblemAlert error={error} shownFields={shownFields} />
      <fieldset className="fieldset">
        <legend>Client</legend>
        <div className="grid grid--2">
          <Field label="Name" name="name" errors={errors}>
            {(p) => <input {...p} required maxLength={200} defaultValue={initial?.name} />}
          </Field>
          <Field label="Status" name="status" errors={errors}>
            {(p) => (
              <select {...p} defaultValue={initial?.status ?? 'active'}>
                {Object.entries(statusLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Time zone" name="timeZone" errors={errors} hint="IANA name, e.g. Europe/Paris">
            {(p) => <TimeZoneInput {...p} defaultValue={initial?.timeZone ?? defaultTimeZone()} />}
          </Field>
          <Field label="Tax rate (%)" name="taxRateBp" errors={errors} hint="20 means 20 %">
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step={0.01}
                defaultValue={initial ? initial.taxRateBp / 100 : ''}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <AddressFields
        prefix="billingAddress"
        legend="Billing address"
        initial={initial?.billingAddress}
        errors={errors}
      />
      <fieldset className="fieldset">
        <legend>Environment</legend>
        <div className="grid grid--3">
          {profileCounts.map(([key, label]) => (
            <Field key={key} label={label} name={`profile.${key}`} errors={errors}>
              {(p) => (
                <input {...p} type="number" min={0} step={1} defaultValue={initial?.profile[key] ?? ''} />
              )}
            </Field>
          ))}
          <Field label="Criticality" name="profile.criticality" errors={errors}>
            {(p) => (
              <select {...p} defaultValue={initial?.profile.criticality ?? 'medium'}>
                {Object.entries(criticalityLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <Field label="Notes" name="notes" errors={errors}>
        {(p) => <textarea {...p} rows={4} maxLength={20_000} defaultValue={initial?.notes ?? ''} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
