import { type FormEvent, type ReactNode, useState } from 'react';
import { parseMoney } from '../money/money';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';

/** The create or change mutation a catalog form sends; the list is fetched again after. */
export type CatalogSave<I> = {
  mutate: (input: I, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
};

type Props<I> = {
  title: string;
  submitLabel: string;
  save: CatalogSave<I>;
  /** The input to send from the form's fields; field errors found before sending go in `errors`. */
  read: (form: FormData, errors: Map<string, string>) => I;
  shownFields: string[];
  /** Saved or cancelled: the form closes. */
  onDone: () => void;
  /** The fields, given the errors to show next to each (the server's and those found before sending). */
  children: (errors: Map<string, string>) => ReactNode;
};

/**
 * The frame of every catalog form: title, what went wrong, the fields, save and cancel. Nothing is
 * sent while a field cannot be read (an amount that is not one).
 */
export function CatalogForm<I>({ title, submitLabel, save, read, shownFields, onDone, children }: Props<I>) {
  const [local, setLocal] = useState(new Map<string, string>());
  const errors = new Map([...fieldErrors(save.error), ...local]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = new Map<string, string>();
    const input = read(new FormData(event.currentTarget), found);
    setLocal(found);
    if (found.size === 0) save.mutate(input, { onSuccess: onDone });
  }
  return (
    <form className="form card" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ProblemAlert error={save.error} shownFields={shownFields} />
      {local.size > 0 && (
        <p className="alert alert--error" role="alert">
          Some fields need fixing before saving.
        </p>
      )}
      {children(errors)}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onDone}>
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
