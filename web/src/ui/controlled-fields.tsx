import { type ComponentProps, useId } from 'react';
import { Field } from './field';
import { MoneyInput } from './money-input';

/**
 * Labelled inputs bound to a value, for forms whose state lives in React (the agreement editor):
 * each takes the value, a change handler, and the error map keyed by the API's field paths.
 */

type Base = { label: string; name: string; errors: Map<string, string>; hint?: string };
type InputExtras = Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'name' | 'id'>;

export function TextField({
  label,
  name,
  errors,
  hint,
  value,
  onChange,
  ...input
}: Base & InputExtras & { value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(p) => <input {...input} {...p} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** Whole numbers (months, days, quantities) typed as text, so a half-typed value is not lost. */
export function WholeField(props: Base & InputExtras & { value: string; onChange: (value: string) => void }) {
  return <TextField inputMode="numeric" autoComplete="off" {...props} />;
}

export function MoneyField({
  label,
  name,
  errors,
  hint,
  value,
  onChange,
  currency,
  ...input
}: Base &
  Omit<InputExtras, 'type'> & { value: string; onChange: (value: string) => void; currency: string | null }) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(p) => (
        <MoneyInput
          {...input}
          {...p}
          currency={currency}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  name,
  errors,
  hint,
  value,
  onChange,
  options,
  disabled,
}: Base & {
  value: T;
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
  disabled?: boolean;
}) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(p) => (
        <select {...p} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
