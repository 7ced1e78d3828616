import { useRemoveLine } from '../api/billing';
import type { Invoice, InvoiceLine } from '../api/billing-types';
import { formatTaxRate } from '../clients/format';
import { formatMoney } from '../money/money';
import { ProblemAlert } from '../ui/problem-alert';
import { discountText } from './discount';
import { formatQuantity, formatSpan, lineKindLabels } from './labels';

type Props = { invoice: Invoice; editable: boolean };

/**
 * The lines as billed: what, for which dates (proration shows as its own dates), how many at what
 * price, each line's discounts and tax; then the invoice's totals. On a draft, charge lines added by
 * hand can be taken off again.
 */
export function InvoiceLines({ invoice, editable }: Props) {
  const remove = useRemoveLine(invoice.id);
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const anyDiscount = invoice.discountTotal !== 0;
  const columns = anyDiscount ? 9 : 8;
  const totalRow = (label: string, value: number, strong = false) => (
    <tr>
      <th scope="row" colSpan={columns - 1} className="num">
        {label}
      </th>
      <td className="num">{strong ? <strong>{money(value)}</strong> : money(value)}</td>
      {editable && <td />}
    </tr>
  );
  return (
    <section className="section" aria-labelledby="invoice-lines-title">
      <h2 id="invoice-lines-title">Lines</h2>
      <ProblemAlert error={remove.error} />
      {invoice.lines.length === 0 ? (
        <p className="empty">No line yet. Add a charge, or run billing for the period.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact" aria-label="Invoice lines">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Description</th>
                <th scope="col">Dates</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  Unit price
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
                {anyDiscount && (
                  <th scope="col" className="num">
                    Discount
                  </th>
                )}
                <th scope="col" className="num">
                  Tax
                </th>
                <th scope="col" className="num">
                  Total
                </th>
                {editable && <th scope="col" aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((l) => (
                <tr key={l.id}>
                  <td>{lineKindLabels[l.kind]}</td>
                  <td>
                    {l.description}
                    <LineNotes line={l} currency={invoice.currency} />
                  </td>
                  <td className="nowrap">{formatSpan(l.servicePeriod)}</td>
                  <td className="num nowrap">
                    {formatQuantity(l.quantity)}
                    {l.unit && <span className="muted small"> {l.unit.replace(/^per_/, '')}</span>}
                  </td>
                  <td className="num">{money(l.unitPrice)}</td>
                  <td className="num">{money(l.amount)}</td>
                  {anyDiscount && (
                    <td className="num">
                      {l.lineDiscount + l.invoiceDiscount === 0
                        ? '—'
                        : money(-(l.lineDiscount + l.invoiceDiscount))}
                    </td>
                  )}
                  <td className="num">
                    {l.taxable ? money(l.tax) : <span className="muted small">none</span>}
                  </td>
                  <td className="num">{money(l.gross)}</td>
                  {editable && (
                    <td>
                      {l.kind === 'charge' && (
                        <button
                          type="button"
                          className="button button--link"
                          disabled={remove.isPending}
                          aria-label={`Remove ${l.description}`}
                          onClick={() => remove.mutate(l.id)}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              {totalRow('Subtotal', invoice.subtotal)}
              {anyDiscount &&
                totalRow(
                  invoice.discount
                    ? `Discounts (invoice ${discountText(invoice.discount, invoice.currency)})`
                    : 'Discounts',
                  -invoice.discountTotal,
                )}
              {anyDiscount && totalRow('Net', invoice.netTotal)}
              {totalRow(`Tax ${formatTaxRate(invoice.taxRateBp)}`, invoice.taxTotal)}
              {totalRow('Total', invoice.total, true)}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

/** What makes a line's figure what it is: a line discount, a billing cycle beyond its dates. */
function LineNotes({ line: l, currency }: { line: InvoiceLine; currency: string }) {
  const notes: string[] = [];
  if (l.discount) notes.push(`${discountText(l.discount, currency)} off`);
  if (l.cycle && formatSpan(l.cycle) !== formatSpan(l.servicePeriod))
    notes.push(`cycle ${formatSpan(l.cycle)}`);
  if (notes.length === 0) return null;
  return <div className="muted small">{notes.join(' · ')}</div>;
}
