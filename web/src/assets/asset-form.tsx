import { type FormEvent, useState } from 'react';
import type { Asset, AssetInput, AssetType, IdentityLabel } from '../api/assets';
import { useContacts, useSites } from '../api/children';
import { ClientSelect } from '../clients/client-select';
import { checked, text, textOrNull } from '../clients/form-values';
import { Checkbox, Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { IdentitiesEditor } from './identities-editor';
import './assets.css';
import { typeLabels } from './labels';

const shownFields = [
  'clientId',
  'type',
  'name',
  'hostname',
  'address',
  'os',
  'serialNumber',
  'manufacturer',
  'model',
  'purchaseDate',
  'warrantyEnd',
  'siteId',
  'ownerContactId',
  'notes',
];

type Props = {
  /** The asset to change; none to create one. */
  asset?: Asset;
  /** The client a new asset is for, when the page already knows it. */
  clientId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: AssetInput) => void;
  submitLabel: string;
};

/** Every field of an asset; a new one also picks its client. Sites and owners are the client's own. */
export function AssetForm({ asset, clientId: givenClient, pending, error, onSubmit, submitLabel }: Props) {
  const [clientId, setClientId] = useState(asset?.clientId ?? givenClient ?? '');
  const [identities, setIdentities] = useState<IdentityLabel[]>(asset?.identities ?? []);
  const sites = useSites(clientId);
  const contacts = useContacts(clientId);
  const siteList = sites.data?.pages.flatMap((p) => p.items) ?? [];
  const contactList = contacts.data?.pages.flatMap((p) => p.items) ?? [];
  const errors = fieldErrors(error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: AssetInput = {
      type: text(form, 'type') as AssetType,
      name: text(form, 'name'),
      hostname: textOrNull(form, 'hostname'),
      address: textOrNull(form, 'address'),
      os: textOrNull(form, 'os'),
      serialNumber: textOrNull(form, 'serialNumber'),
      manufacturer: textOrNull(form, 'manufacturer'),
      model: textOrNull(form, 'model'),
      purchaseDate: textOrNull(form, 'purchaseDate'),
      warrantyEnd: textOrNull(form, 'warrantyEnd'),
      managed: checked(form, 'managed'),
      siteId: textOrNull(form, 'siteId'),
      ownerContactId: textOrNull(form, 'ownerContactId'),
      notes: text(form, 'notes'),
      identities: identities
        .map((l) => ({ key: l.key.trim(), value: l.value.trim() }))
        .filter((l) => l.key !== '' || l.value !== ''),
    };
    onSubmit(asset ? input : { ...input, clientId });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-label={submitLabel}>
      <ProblemAlert
        error={error}
        shownFields={[
          ...shownFields,
          'identities',
          ...identities.flatMap((_, i) => [`identities.${i}.key`, `identities.${i}.value`]),
        ]}
      />
      {!asset && !givenClient && (
        <ClientSelect label="Client" value={clientId} onChange={setClientId} error={errors.get('clientId')} />
      )}
      <div className="grid grid--2">
        <Field label="Name" name="name" errors={errors}>
          {(p) => (
            <input {...p} required maxLength={200} defaultValue={asset?.name ?? ''} autoComplete="off" />
          )}
        </Field>
        <Field label="Type" name="type" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={asset?.type ?? 'workstation'}>
              {Object.entries(typeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Hostname" name="hostname" errors={errors}>
          {(p) => <input {...p} maxLength={253} defaultValue={asset?.hostname ?? ''} autoComplete="off" />}
        </Field>
        <Field label="IP address or FQDN" name="address" errors={errors}>
          {(p) => <input {...p} maxLength={253} defaultValue={asset?.address ?? ''} autoComplete="off" />}
        </Field>
        <Field label="Operating system" name="os" errors={errors}>
          {(p) => <input {...p} maxLength={200} defaultValue={asset?.os ?? ''} />}
        </Field>
        <Field label="Serial number" name="serialNumber" errors={errors}>
          {(p) => (
            <input {...p} maxLength={100} defaultValue={asset?.serialNumber ?? ''} autoComplete="off" />
          )}
        </Field>
        <Field label="Manufacturer" name="manufacturer" errors={errors}>
          {(p) => <input {...p} maxLength={200} defaultValue={asset?.manufacturer ?? ''} />}
        </Field>
        <Field label="Model" name="model" errors={errors}>
          {(p) => <input {...p} maxLength={200} defaultValue={asset?.model ?? ''} />}
        </Field>
        <Field label="Purchase date" name="purchaseDate" errors={errors}>
          {(p) => <input {...p} type="date" defaultValue={asset?.purchaseDate ?? ''} />}
        </Field>
        <Field label="Warranty end" name="warrantyEnd" errors={errors}>
          {(p) => <input {...p} type="date" defaultValue={asset?.warrantyEnd ?? ''} />}
        </Field>
        <Field label="Site" name="siteId" errors={errors}>
          {(p) => (
            <select {...p} key={`site-${clientId}-${siteList.length}`} defaultValue={asset?.siteId ?? ''}>
              <option value="">No particular site</option>
              {siteList.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Owner" name="ownerContactId" errors={errors} hint="A contact of the same client">
          {(p) => (
            <select
              {...p}
              key={`owner-${clientId}-${contactList.length}`}
              defaultValue={asset?.ownerContactId ?? ''}
            >
              <option value="">No owner</option>
              {contactList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.email ? ` (${c.email})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Checkbox
        label="Managed"
        name="managed"
        defaultChecked={asset?.managed ?? false}
        hint="Counts toward per-device billing."
      />
      <IdentitiesEditor value={identities} onChange={setIdentities} errors={errors} />
      <Field label="Internal notes" name="notes" errors={errors} hint="Never shown in the client portal.">
        {(p) => <textarea {...p} rows={3} maxLength={20_000} defaultValue={asset?.notes ?? ''} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
