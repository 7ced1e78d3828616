import type { Line } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { emptyLine, type LineDraft } from './draft';
import { LineFields } from './line-fields';
import { LinesTable } from './lines-table';
import type { SectionProps } from './section-props';

type Props = SectionProps & {
  /** Lines are typed in while a draft; a signed agreement's lines change by dated amendments. */
  editable: boolean;
  savedLines: Line[];
  mrr: number;
};

/** What the client pays for: service, plan or product × quantity × unit price, and the MRR they make. */
export function LinesSection({ draft, update, errors, currency, catalog, editable, savedLines, mrr }: Props) {
  const change = (key: string, patch: Partial<LineDraft>) =>
    update({ lines: draft.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) });
  return (
    <fieldset className="fieldset">
      <legend>Lines</legend>
      {editable ? (
        <>
          {draft.lines.length === 0 && <p className="muted">No lines yet. Add what the client pays for.</p>}
          {draft.lines.map((line, i) => (
            <fieldset key={line.key} className="subfieldset">
              <legend>Line {i + 1}</legend>
              <LineFields
                line={line}
                path={`lines.${i}`}
                onChange={(patch) => change(line.key, patch)}
                errors={errors}
                currency={currency}
                catalog={catalog}
              />
              <button
                type="button"
                className="button button--danger"
                onClick={() => update({ lines: draft.lines.filter((l) => l.key !== line.key) })}
              >
                Remove line {i + 1}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => update({ lines: [...draft.lines, emptyLine()] })}
          >
            Add line
          </button>
        </>
      ) : (
        <>
          <p className="field__hint">
            The agreement is signed: its lines change through dated amendments (below), so billing can prorate
            them.
          </p>
          <LinesTable lines={savedLines} currency={currency} categoryName={catalog.categoryName} />
        </>
      )}
      <p className="total">
        Monthly recurring value: <strong>{formatMoney(mrr, currency)}</strong>
      </p>
    </fieldset>
  );
}
