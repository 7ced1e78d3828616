import { type FormEvent, useId, useState } from 'react';
import { type DiscountsInput, useSetDiscounts } from '../api/billing';
import type { DiscountInput, Invoice } from '../api/billing-types';
import { ApiError } from '../api/http';
import { ProblemAlert } from '../ui/problem-alert';
import { type DiscountChoice, discountDraft, parseDiscount } from './discount';

type Props = { invoice: Invoice; onDone: () => void };
type Draft = { choice: DiscountChoice; text: string };

const choices: readonly (readonly [DiscountChoice, string])[] = [
  ['none', 'None'],
  ['percent', 'Percentage'],
  ['fixed', 'Fixed amount'],
];

const same = (a: Draft, b: Draft) => a.choice === b.choice && (a.choice === 'none' || a.text === b.text);

/**
 * A draft's discounts: one on the whole invoice (shared across its charge lines) and any on single
 * lines. Only what changed is sent; tax is worked out again on what is left.
 */
export function DiscountForm({ invoice, onDone }: Props) {
  const set = useSetDiscounts(invoice.id);
  const currency = invoice.currency;
  const savedInvoice = discountDraft(invoice.discount, currency);
  const savedLines = new Map(invoice.lines.map((l) => [l.id, discountDraft(l.discount, currency)]));
  const [whole, setWhole] = useState<Draft>(savedInvoice);
  const [lines, setLines] = useState<Map<string, Draft>>(savedLines);
  const [typed, setTyped] = useState<ApiError | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const wrong: { field: string; message: string }[] = [];
    const read = (d: Draft, field: string): DiscountInput | null => {
      const parsed = parseDiscount(d.choice, d.text, currency);
      if (typeof parsed === 'string') wrong.push({ field, message: parsed });
      return typeof parsed === 'string' ? null : parsed;
    };
    const body: DiscountsInput = {};
    if (!same(whole, savedInvoice)) body.invoice = read(whole, 'Invoice discount');
    const changed = invoice.lines.filter((l) => !same(lines.get(l.id)!, savedLines.get(l.id)!));
    if (changed.length)
      body.lines = changed.map((l) => ({ lineId: l.id, discount: read(lines.get(l.id)!, l.description) }));
    if (wrong.length) {
      setTyped(new ApiError(400, 'INVALID_INPUT', 'Some discounts are not right.', wrong));
      return;
    }
    setTyped(null);
    if (body.invoice === undefined && !body.lines) return onDone();
    set.mutate(body, { onSuccess: onDone });
  }

  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Discounts">
      <ProblemAlert error={typed ?? set.error} />
      <DiscountInputs label="Invoice discount" value={whole} currency={currency} onChange={setWhole} />
      <details open={[...savedLines.values()].some((d) => d.choice !== 'none')}>
        <summary>Discounts on single lines</summary>
        {invoice.lines.map((l) => (
          <DiscountInputs
            key={l.id}
            label={l.description}
            value={lines.get(l.id)!}
            currency={currency}
            onChange={(d) => setLines((m) => new Map(m).set(l.id, d))}
          />
        ))}
      </details>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={set.isPending}>
          Save discounts
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type InputsProps = {
  label: string;
  value: Draft;
  currency: string;
  onChange: (next: Draft) => void;
};

function DiscountInputs({ label, value, currency, onChange }: InputsProps) {
  const id = useId();
  return (
    <fieldset className="billing-discount">
      <legend>{label}</legend>
      <select
        aria-label={`${label}: kind`}
        id={`${id}-kind`}
        value={value.choice}
        onChange={(e) => onChange({ ...value, choice: e.target.value as DiscountChoice })}
      >
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {value.choice !== 'none' && (
        <span className="money-input">
          <input
            aria-label={`${label}: ${value.choice === 'percent' ? 'percentage' : 'amount'}`}
            inputMode="decimal"
            autoComplete="off"
            value={value.text}
            onChange={(e) => onChange({ ...value, text: e.target.value })}
          />
          <span className="money-input__currency">{value.choice === 'percent' ? '%' : currency}</span>
        </span>
      )}
    </fieldset>
  );
}
