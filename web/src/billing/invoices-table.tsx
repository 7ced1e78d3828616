import { Link } from 'react-router';
import type { InvoiceSummary } from '../api/billing-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { formatDay, invoiceName, periodLabel, statusLabels, toneOf } from './labels';

type Props = {
  label: string;
  invoices: readonly InvoiceSummary[];
  /** One client's invoices leave the client column out. */
  showClient?: boolean;
  /** Where an invoice's number leads: the staff invoice page by default. */
  href?: (invoice: InvoiceSummary) => string;
};

/** Invoices and credit notes, with the totals of those shown per currency below them. */
export function InvoicesTable({
  label,
  invoices,
  showClient = false,
  href = (i) => `/billing/invoices/${i.id}`,
}: Props) {
  const totals = totalsByCurrency(invoices);
  const lead = showClient ? 5 : 4;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            {showClient && <th scope="col">Client</th>}
            <th scope="col">Period</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Balance
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="nowrap">
                <Link to={href(i)}>{invoiceName(i)}</Link>
                {i.kind === 'credit_note' && <div className="muted small">Credit note</div>}
              </th>
              {/* The buyer as invoiced: a client renamed since keeps its old name on old invoices. */}
              {showClient && <td>{i.buyer.name}</td>}
              <td className="nowrap">{periodLabel(i.period)}</td>
              <td className="nowrap">{formatDay(i.issueDate)}</td>
              <td className="nowrap">{formatDay(i.dueDate)}</td>
              <td>
                <Badge tone={toneOf(i)}>{statusLabels[i.status]}</Badge>
              </td>
              <td className="num">{formatMoney(signed(i, i.total), i.currency)}</td>
              <td className="num">
                {i.status === 'void' || i.kind === 'credit_note' ? '—' : formatMoney(i.balance, i.currency)}
              </td>
            </tr>
          ))}
        </tbody>
        {totals.length > 0 && (
          <tfoot>
            {totals.map((t) => (
              <tr key={t.currency}>
                <th scope="row" colSpan={lead + 1} className="num">
                  {invoices.length === 1 ? 'Total' : `Total of these ${invoices.length}`}
                  {totals.length > 1 && ` in ${t.currency}`}
                </th>
                <td className="num">
                  <strong>{formatMoney(t.total, t.currency)}</strong>
                </td>
                <td className="num">
                  <strong>{formatMoney(t.balance, t.currency)}</strong>
                </td>
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** A credit note takes money off what the client was billed: shown and added up as negative. */
const signed = (i: InvoiceSummary, amount: number) => (i.kind === 'credit_note' ? -amount : amount);

/** Sums of what stands (void invoices count for nothing), one row per currency. */
function totalsByCurrency(invoices: readonly InvoiceSummary[]) {
  const by = new Map<string, { currency: string; total: number; balance: number }>();
  for (const i of invoices) {
    if (i.status === 'void') continue;
    const t = by.get(i.currency) ?? { currency: i.currency, total: 0, balance: 0 };
    t.total += signed(i, i.total);
    // A credit note already lowered its invoice's balance; it owes nothing of its own.
    if (i.kind === 'invoice') t.balance += i.balance;
    by.set(i.currency, t);
  }
  return [...by.values()];
}
