import type { FormEvent } from 'react';
import { useAddContact } from '../api/children';
import type { Site } from '../api/types';
import { Checkbox, Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { checked, text, textOrNull } from './form-values';

const shownFields = ['name', 'email', 'phone', 'role', 'siteId'];

type Props = { clientId: string; sites: Site[] };

export function ContactForm({ clientId, sites }: Props) {
  const add = useAddContact(clientId);
  const errors = fieldErrors(add.error);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    add.mutate(
      {
        name: text(form, 'name'),
        email: textOrNull(form, 'email'),
        phone: textOrNull(form, 'phone'),
        role: text(form, 'role'),
        siteId: textOrNull(form, 'siteId'),
        isBilling: checked(form, 'isBilling'),
        portalAccess: checked(form, 'portalAccess'),
      },
      { onSuccess: () => formEl.reset() },
    );
  }
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="add-contact">
      <h3 id="add-contact">Add a contact</h3>
      <ProblemAlert error={add.error} shownFields={shownFields} />
      <div className="grid grid--2">
        <Field label="Name" name="name" errors={errors}>
          {(p) => <input {...p} required maxLength={200} autoComplete="off" />}
        </Field>
        <Field label="Role" name="role" errors={errors} hint="Job title, e.g. Office manager">
          {(p) => <input {...p} maxLength={100} />}
        </Field>
        <Field label="Email" name="email" errors={errors}>
          {(p) => <input {...p} type="email" maxLength={254} autoComplete="off" />}
        </Field>
        <Field label="Phone" name="phone" errors={errors}>
          {(p) => <input {...p} type="tel" maxLength={40} autoComplete="off" />}
        </Field>
        <Field label="Site" name="siteId" errors={errors}>
          {(p) => (
            <select {...p} defaultValue="">
              <option value="">No particular site</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Checkbox label="Billing contact" name="isBilling" hint="Receives invoices." />
      <Checkbox label="Portal access" name="portalAccess" hint="May be invited to the client portal." />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add contact'}
        </button>
      </div>
    </form>
  );
}
