import type { FormEvent } from 'react';
import { useAddSite } from '../api/children';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { TimeZoneInput } from '../ui/time-zone-input';
import { AddressFields, addressFieldNames } from './address-fields';
import { address, text, textOrNull } from './form-values';

const shownFields = ['name', 'timeZone', 'notes', ...addressFieldNames('address')];

export function SiteForm({ clientId, clientTimeZone }: { clientId: string; clientTimeZone: string }) {
  const add = useAddSite(clientId);
  const errors = fieldErrors(add.error);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    add.mutate(
      {
        name: text(form, 'name'),
        address: address(form, 'address'),
        timeZone: textOrNull(form, 'timeZone'),
        notes: text(form, 'notes'),
      },
      { onSuccess: () => formEl.reset() },
    );
  }
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="add-site">
      <h3 id="add-site">Add a site</h3>
      <ProblemAlert error={add.error} shownFields={shownFields} />
      <div className="grid grid--2">
        <Field label="Site name" name="name" errors={errors}>
          {(p) => <input {...p} required maxLength={200} autoComplete="off" />}
        </Field>
        <Field
          label="Time zone"
          name="timeZone"
          errors={errors}
          hint={`Leave empty to use ${clientTimeZone}`}
        >
          {(p) => <TimeZoneInput {...p} />}
        </Field>
      </div>
      <AddressFields prefix="address" legend="Address" errors={errors} />
      <Field label="Notes" name="notes" errors={errors} hint="Access, parking, where the network cabinet is…">
        {(p) => <textarea {...p} rows={3} maxLength={20_000} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add site'}
        </button>
      </div>
    </form>
  );
}
