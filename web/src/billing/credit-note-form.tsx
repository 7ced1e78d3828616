import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCreditNote } from '../api/billing';
import type { Invoice } from '../api/billing-types';
import { ApiError } from '../api/http';
import { formatMoney, parseMoney } from '../money/money';
import { dateKey } from '../time/week';
import { TextField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';

type Props = { invoice: Invoice; onDone: () => void };
type Scope = 'full' | 'lines';

/**
 * Corrects an issued invoice: a credit note for all that is left of it, or for chosen lines, each
 * whole or by a net amount (its tax follows the line's). It is issued at once, with its own number.
 */
export function CreditNoteForm({ invoice, onDone }: Props) {
  const id = useId();
  const create = useCreateCreditNote(invoice.id);
  const navigate = useNavigate();
  const currency = invoice.currency;
  const money = (minor: number) => formatMoney(minor, currency);
  const [scope, setScope] = useState<Scope>('full');
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [reason, setReason] = useState('');
  const [issueDate, setIssueDate] = useState(dateKey(new Date()));
  const [typed, setTyped] = useState<ApiError | null>(null);
  const error = typed ?? create.error;
  const errors = fieldErrors(error);
  const creditable = invoice.lines.filter((l) => l.net > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = { issueDate, reason: reason.trim() };
    if (scope === 'full') {
      create.mutate(
        { kind: 'full', ...common },
        { onSuccess: (note) => navigate(`/billing/invoices/${note.id}`) },
      );
      return;
    }
    const wrong: { field: string; message: string }[] = [];
    const lines = [...chosen].map(([lineId, text]) => {
      const net = parseMoney(text, currency);
      if (net !== null && (Number.isNaN(net) || net === 0))
        wrong.push({
          field: invoice.lines.find((l) => l.id === lineId)?.description ?? lineId,
          message: 'give an amount above zero, or leave it empty for the whole line',
        });
      return net === null ? { lineId } : { lineId, net };
    });
    if (wrong.length) {
      setTyped(new ApiError(400, 'INVALID_INPUT', 'Some amounts are not right.', wrong));
      return;
    }
    setTyped(null);
    create.mutate(
      { kind: 'lines', lines, ...common },
      { onSuccess: (note) => navigate(`/billing/invoices/${note.id}`) },
    );
  }

  const toggle = (lineId: string, on: boolean) =>
    setChosen((m) => {
      const next = new Map(m);
      if (on) next.set(lineId, '');
      else next.delete(lineId);
      return next;
    });

  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Create credit note">
      <ProblemAlert error={error} shownFields={['reason', 'issueDate']} />
      {invoice.amountCredited > 0 && (
        <p className="muted">{money(invoice.amountCredited)} of this invoice is already credited.</p>
      )}
      <fieldset className="choice-group">
        <legend>Credit</legend>
        <div className="choice-group__options">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'full'}
              onChange={() => setScope('full')}
            />
            The whole invoice (what is left of it)
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'lines'}
              onChange={() => setScope('lines')}
            />
            Selected lines
          </label>
        </div>
      </fieldset>
      {scope === 'lines' && (
        <div className="table-wrap">
          <table className="table table--compact" aria-label="Lines to credit">
            <thead>
              <tr>
                <th scope="col">Credit</th>
                <th scope="col">Line</th>
                <th scope="col" className="num">
                  Net billed
                </th>
                <th scope="col">Net to credit</th>
              </tr>
            </thead>
            <tbody>
              {creditable.map((l) => (
                <tr key={l.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Credit ${l.description}`}
                      checked={chosen.has(l.id)}
                      onChange={(e) => toggle(l.id, e.target.checked)}
                    />
                  </td>
                  <td>{l.description}</td>
                  <td className="num">{money(l.net)}</td>
                  <td>
                    {chosen.has(l.id) && (
                      <span className="money-input billing-credit-net">
                        <input
                          aria-label={`Net to credit on ${l.description}`}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder="All that is left"
                          value={chosen.get(l.id)}
                          onChange={(e) => setChosen((m) => new Map(m).set(l.id, e.target.value))}
                        />
                        <span className="money-input__currency">{currency}</span>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="grid grid--2">
        <TextField
          label="Reason"
          name="reason"
          maxLength={1000}
          hint="Printed on the credit note."
          errors={errors}
          value={reason}
          onChange={setReason}
        />
        <TextField
          label="Issue date"
          name="issueDate"
          type="date"
          required
          errors={errors}
          value={issueDate}
          onChange={setIssueDate}
        />
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending || (scope === 'lines' && chosen.size === 0)}
        >
          Issue credit note
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
