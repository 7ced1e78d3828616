import { unitLabels } from '../agreements/labels';
import { useCategories } from '../api/catalog';
import type { Unit } from '../api/catalog-types';
import { toDecimal } from '../money/money';
import { Field } from '../ui/field';
import { MoneyInput } from '../ui/money-input';

/** The fields several catalog forms share; `errors` are the form's, `value` the entry's current one. */
type Errors = { errors: Map<string, string> };

/** The key a new entry is known by (a category's or a work type's), typed once: not changed after. */
export function CodeField({ errors, example }: Errors & { example: string }) {
  return (
    <Field
      label="Code"
      name="code"
      errors={errors}
      hint={`Lowercase letters, digits and dashes, e.g. ${example}`}
    >
      {(p) => <input {...p} required maxLength={40} autoComplete="off" spellCheck={false} />}
    </Field>
  );
}

export function NameField({ errors, value }: Errors & { value: string | undefined }) {
  return (
    <Field label="Name" name="name" errors={errors}>
      {(p) => <input {...p} required maxLength={200} defaultValue={value} />}
    </Field>
  );
}

export function DescriptionField({ errors, value }: Errors & { value: string | undefined }) {
  return (
    <Field label="Description" name="description" errors={errors}>
      {(p) => <textarea {...p} rows={2} maxLength={5000} defaultValue={value} />}
    </Field>
  );
}

/** The category an entry is in, by code: `categoryCode`. */
export function CategoryField({ errors, value }: Errors & { value: string }) {
  const categories = useCategories().data ?? [];
  return (
    <Field label="Category" name="categoryCode" errors={errors}>
      {(p) => (
        <select {...p} defaultValue={value}>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What a price is counted per: user, device, site or flat; per user unless set. */
export function UnitField({ errors, value = 'per_user' }: Errors & { value: Unit | undefined }) {
  return (
    <Field label="Unit" name="unit" errors={errors}>
      {(p) => (
        <select {...p} defaultValue={value}>
          {(Object.entries(unitLabels) as [Unit, string][]).map(([unit, label]) => (
            <option key={unit} value={unit}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An amount in minor units, typed as a decimal; empty unless a value is given. */
export function MoneyField({
  errors,
  label,
  name,
  hint,
  value,
}: Errors & { label: string; name: string; hint?: string; value?: number }) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(p) => (
        <MoneyInput
          {...p}
          currency={null}
          defaultValue={value === undefined ? undefined : toDecimal(value, null)}
        />
      )}
    </Field>
  );
}
