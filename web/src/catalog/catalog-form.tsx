import type { FormEvent, ReactNode } from 'react';
import { parseMoney } from '../money/money';
import { ProblemAlert } from '../ui/problem-alert';

type Props = {
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Field errors found before sending (an amount that is not one). */
  localErrors?: Map<string, string>;
  shownFields: string[];
  onSubmit: (form: FormData) => void;
  onCancel: () => void;
  children: ReactNode;
};

/** The frame of every catalog form: title, what went wrong, the fields, save and cancel. */
export function CatalogForm({
  title,
  submitLabel,
  pending,
  error,
  localErrors = new Map(),
  shownFields,
  ...props
}: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit(new FormData(event.currentTarget));
  }
  return (
    <form className="form card" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ProblemAlert error={error} shownFields={shownFields} />
      {localErrors.size > 0 && (
        <p className="alert alert--error" role="alert">
          Some fields need fixing before saving.
        </p>
      )}
      {props.children}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** An amount field of a catalog form in minor units; a message in `errors` when it is not one. */
export function moneyOf(form: FormData, name: string, errors: Map<string, string>): number {
  const raw = form.get(name);
  const value = parseMoney(typeof raw === 'string' ? raw : '', null);
  if (value === null) return 0;
  if (Number.isNaN(value)) {
    errors.set(name, 'enter an amount, e.g. 99.50');
    return 0;
  }
  return value;
}

/** Price less cost as a share of the price: "38 %"; a dash when there is no price. */
export function marginOf(price: number, cost: number): string {
  if (price <= 0) return '—';
  return `${Math.round(((price - cost) / price) * 100)} %`;
}
