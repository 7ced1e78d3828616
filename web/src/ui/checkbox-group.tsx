import { useId } from 'react';

type Option = { value: string; label: string; hint?: string };

type Props = {
  legend: string;
  options: Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
};

/** A set of choices any number of which may be on, kept in the options' order. */
export function CheckboxGroup({ legend, options, selected, onChange, error, hint, disabled }: Props) {
  const id = useId();
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset
      className={error ? 'choice-group field--invalid' : 'choice-group'}
      aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="choice-group__options">
        {options.map((o) => (
          <label key={o.value} className="choice" title={o.hint}>
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
