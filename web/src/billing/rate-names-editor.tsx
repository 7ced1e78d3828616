import { useId } from 'react';
import { Field } from '../ui/field';
import { parseDiscount } from './discount';
import { newRateRow, type RateNameRow, rowErrorKey } from './rate-names';

type Props = {
  legend: string;
  /** The API's field ("xeroTaxTypes"): its errors come back as `<field>.<basis points>`. */
  field: string;
  /** What one row is called, numbered: "Xero tax rate" → "Xero tax rate 1". */
  rowLabel: string;
  nameLabel: string;
  hint: string;
  rows: RateNameRow[];
  onChange: (rows: RateNameRow[]) => void;
  errors: Map<string, string>;
  disabled: boolean;
};

/** The server names a row by its rate; the form, until the rate parses, by its place. */
function rowError(errors: Map<string, string>, field: string, row: RateNameRow, index: number) {
  const parsed = parseDiscount('percent', row.rate, null);
  const byRate =
    parsed && typeof parsed === 'object' && parsed.kind === 'percent' ? parsed.basisPoints : null;
  return (
    (byRate !== null ? errors.get(`${field}.${byRate}`) : undefined) ?? errors.get(rowErrorKey(field, index))
  );
}

/** Each tax rate Keel invoices with, and the accounting package's own name for it. */
export function RateNamesEditor({
  legend,
  field,
  rowLabel,
  nameLabel,
  hint,
  rows,
  onChange,
  errors,
  disabled,
}: Props) {
  const id = useId();
  const update = (key: number, patch: Partial<RateNameRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const whole = errors.get(field);
  return (
    <fieldset className="subfieldset" aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {whole && <p className="field__error">{whole}</p>}
      {rows.map((row, i) => {
        const error = rowError(errors, field, row, i);
        const rowErrors = new Map(error ? [['rate', error]] : []);
        return (
          <fieldset key={row.key} aria-label={`${rowLabel} ${i + 1}`} className="bare grid grid--3">
            <Field label="Rate (%)" name="rate" errors={rowErrors}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="20"
                  value={row.rate}
                  onChange={(e) => update(row.key, { rate: e.target.value })}
                />
              )}
            </Field>
            <Field label={nameLabel} name="name">
              {(p) => (
                <input
                  {...p}
                  maxLength={100}
                  autoComplete="off"
                  value={row.name}
                  onChange={(e) => update(row.key, { name: e.target.value })}
                />
              )}
            </Field>
            {!disabled && (
              <div className="field rate-names__remove">
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove ${rowLabel.toLowerCase()} ${i + 1}`}
                  onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                >
                  Remove
                </button>
              </div>
            )}
          </fieldset>
        );
      })}
      {!disabled && (
        <button type="button" className="button" onClick={() => onChange([...rows, newRateRow()])}>
          Add a rate
        </button>
      )}
    </fieldset>
  );
}
