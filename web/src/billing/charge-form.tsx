import { type FormEvent, useState } from 'react';
import { periodEnd } from '../../../src/domain/billing/periods';
import { useAddCharge } from '../api/billing';
import type { Invoice } from '../api/billing-types';
import { ApiError } from '../api/http';
import { parseMoney } from '../money/money';
import { CheckField, MoneyField, TextField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';

type Props = { invoice: Invoice; onDone: () => void };

/** A quantity as typed, to three decimals: "1", "2.5", "0,75". */
function parseQuantity(text: string): number {
  const s = text.trim().replace(',', '.');
  return /^\d+(\.\d{1,3})?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * A line added by hand to a draft: hardware sold, an expense passed on, a goodwill credit (a
 * negative price). It is kept as a charge, so it is billed once even if the draft is discarded.
 */
export function ChargeForm({ invoice, onDone }: Props) {
  const add = useAddCharge(invoice.id);
  const currency = invoice.currency;
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [credit, setCredit] = useState(false);
  const [date, setDate] = useState(periodEnd(invoice.period));
  const [taxable, setTaxable] = useState(true);
  const [typed, setTyped] = useState<ApiError | null>(null);
  const error = typed ?? add.error;
  const errors = fieldErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = parseQuantity(quantity);
    const unitPrice = parseMoney(price, currency);
    const wrong = [
      ...(Number.isNaN(q) ? [{ field: 'quantity', message: 'give a number, up to three decimals' }] : []),
      ...(unitPrice === null || Number.isNaN(unitPrice)
        ? [{ field: 'unitPrice', message: 'give an amount, e.g. 120.00' }]
        : []),
    ];
    if (wrong.length) {
      setTyped(new ApiError(400, 'INVALID_INPUT', 'Some values are not right.', wrong));
      return;
    }
    setTyped(null);
    add.mutate(
      {
        description: description.trim(),
        quantity: q,
        unitPrice: credit ? -unitPrice! : unitPrice!,
        date: date || undefined,
        taxable,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Add a charge">
      <ProblemAlert error={error} shownFields={['description', 'quantity', 'unitPrice', 'date']} />
      <TextField
        label="Description"
        name="description"
        required
        maxLength={500}
        errors={errors}
        value={description}
        onChange={setDescription}
      />
      <div className="grid grid--3">
        <TextField
          label="Quantity"
          name="quantity"
          inputMode="decimal"
          autoComplete="off"
          errors={errors}
          value={quantity}
          onChange={setQuantity}
        />
        <MoneyField
          label="Unit price"
          name="unitPrice"
          currency={currency}
          errors={errors}
          value={price}
          onChange={setPrice}
        />
        <TextField
          label="Date"
          name="date"
          type="date"
          hint="When delivered or incurred."
          errors={errors}
          value={date}
          onChange={setDate}
        />
      </div>
      <CheckField
        label="A credit to the client (takes the amount off)"
        checked={credit}
        onChange={setCredit}
      />
      <CheckField label="Taxable" checked={taxable} onChange={setTaxable} />
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={add.isPending || !description.trim()}
        >
          Add charge
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
