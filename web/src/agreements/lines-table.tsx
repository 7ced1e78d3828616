import type { Line } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { quantitySourceLabels, unitLabels } from './labels';

type Props = { lines: Line[]; currency: string | null; categoryName: (code: string) => string };

/** An agreement's lines to read: what, how many, at what price, and what each brings per month. */
export function LinesTable({ lines, currency, categoryName }: Props) {
  if (lines.length === 0) return <p className="muted">No lines.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Covers</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                {l.description}
                <div className="muted small">
                  {l.planId ? 'Plan' : l.serviceId ? 'Service' : l.productId ? 'Product' : 'Custom'} ·{' '}
                  {quantitySourceLabels[l.quantitySource]}
                </div>
              </th>
              <td className="num">{l.quantity}</td>
              <td className="num">
                {formatMoney(l.unitPrice, currency)} {unitLabels[l.unit]}
              </td>
              <td className="num">
                {formatMoney(l.quantity * l.unitPrice, currency)}
                <div className="muted small">{l.recurring ? 'per month' : 'one-off'}</div>
              </td>
              <td>{l.categories.map(categoryName).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
