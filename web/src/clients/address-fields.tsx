import type { Address } from '../api/types';
import { Field } from '../ui/field';

type Props = { prefix: string; legend: string; initial?: Address; errors: Map<string, string> };

/** The parts of a postal address, named `${prefix}.line1` … to match the API's field errors. */
export function AddressFields({ prefix, legend, initial = {}, errors }: Props) {
  const input = (key: keyof Address, label: string, extra: { maxLength?: number; hint?: string } = {}) => (
    <Field label={label} name={`${prefix}.${key}`} errors={errors} hint={extra.hint}>
      {(p) => <input {...p} defaultValue={initial[key] ?? ''} maxLength={extra.maxLength} />}
    </Field>
  );
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="grid grid--2">
        {input('line1', 'Address line 1')}
        {input('line2', 'Address line 2')}
        {input('postalCode', 'Postal code', { maxLength: 20 })}
        {input('city', 'City')}
        {input('region', 'Region')}
        {input('country', 'Country', { maxLength: 2, hint: 'Two-letter ISO code, e.g. FR' })}
      </div>
    </fieldset>
  );
}

export const addressFieldNames = (prefix: string) =>
  ['line1', 'line2', 'postalCode', 'city', 'region', 'country'].map((k) => `${prefix}.${k}`);
