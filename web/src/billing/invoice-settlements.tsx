import { Link } from 'react-router';
import { useAllInvoices, useClientPayments } from '../api/billing';
import type { Invoice, Payment } from '../api/billing-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { formatDay, methodLabels } from './labels';

type Row = { payment: Payment; amount: number; appliedOn: string; voided: boolean };

/**
 * The money applied to an invoice: each payment's part of it (a payment voided since shows what it
 * had paid, struck through), and the credit notes issued against it.
 */
export function InvoiceSettlements({ invoice }: { invoice: Invoice }) {
  const payments = useClientPayments(invoice.clientId);
  const notes = useAllInvoices({ clientId: invoice.clientId, kind: 'credit_note' });
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const rows: Row[] = (payments.data ?? []).flatMap((p) => [
    ...p.allocations
      .filter((a) => a.invoiceId === invoice.id)
      .map((a) => ({ payment: p, amount: a.amount, appliedOn: a.appliedOn, voided: false })),
    ...(p.voided?.allocations ?? [])
      .filter((a) => a.invoiceId === invoice.id)
      .map((a) => ({ payment: p, amount: a.amount, appliedOn: a.appliedOn, voided: true })),
  ]);
  const credits = (notes.data ?? []).filter((n) => n.creditedInvoiceId === invoice.id);
  return (
    <>
      <section className="section" aria-labelledby="invoice-payments-title">
        <h2 id="invoice-payments-title">Payments</h2>
        <QueryState query={payments} loading="Loading payments…">
          {() =>
            rows.length === 0 ? (
              <p className="empty">No payment applied yet.</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--compact" aria-label="Payments applied">
                  <thead>
                    <tr>
                      <th scope="col">Received</th>
                      <th scope="col">Method</th>
                      <th scope="col">Reference</th>
                      <th scope="col">Applied</th>
                      <th scope="col" className="num">
                        Payment
                      </th>
                      <th scope="col" className="num">
                        To this invoice
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr
                        key={`${r.payment.id}:${r.voided}`}
                        className={r.voided ? 'billing-voided' : undefined}
                      >
                        <td className="nowrap">{formatDay(r.payment.date)}</td>
                        <td>
                          {methodLabels[r.payment.method]}
                          {r.voided && (
                            <>
                              {' '}
                              <Badge tone="danger">Voided</Badge>
                              <div className="muted small">{r.payment.voided?.reason}</div>
                            </>
                          )}
                        </td>
                        <td>{r.payment.reference || '—'}</td>
                        <td className="nowrap">{formatDay(r.appliedOn)}</td>
                        <td className="num">{money(r.payment.amount)}</td>
                        <td className="num">{r.voided ? <s>{money(r.amount)}</s> : money(r.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryState>
      </section>
      {(invoice.amountCredited > 0 || credits.length > 0) && (
        <section className="section" aria-labelledby="invoice-credits-title">
          <h2 id="invoice-credits-title">Credit notes</h2>
          <ul className="link-list">
            {credits.map((n) => (
              <li key={n.id}>
                <Link to={`/billing/invoices/${n.id}`}>{n.number}</Link> of {formatDay(n.issueDate)}:{' '}
                {money(n.total)}
                {n.notes && <span className="muted"> · {n.notes}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
