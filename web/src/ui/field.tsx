import { type ReactNode, useId } from 'react';

type FieldProps = {
  label: string;
  /** The input's name; also the key of its error in the API's field errors. */
  name: string;
  errors?: Map<string, string>;
  hint?: string;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
  }) => ReactNode;
};

/** A labelled control with its hint and its error from the server, wired for screen readers. */
export function Field({ label, name, errors, hint, children }: FieldProps) {
  const id = useId();
  const error = errors?.get(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type CheckboxProps = { label: string; name: string; defaultChecked?: boolean; hint?: string };

export function Checkbox({ label, name, defaultChecked, hint }: CheckboxProps) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        name={name}
        defaultChecked={defaultChecked}
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
