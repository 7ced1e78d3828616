import { Link } from 'react-router';
import type { Payment } from '../api/billing-types';
import { formatMoney } from '../money/money';

/** Where a payment just recorded went: the invoices it paid, and what is left as client credit. */
export function PaymentRecorded({ payment: p }: { payment: Payment }) {
  const money = (minor: number) => formatMoney(minor, p.currency);
  return (
    <div className="alert alert--success" role="status">
      <p>
        Recorded {money(p.amount)}
        {p.allocations.length === 0 ? '.' : ':'}
      </p>
      {p.allocations.length > 0 && (
        <ul>
          {p.allocations.map((a) => (
            <li key={a.invoiceId}>
              {money(a.amount)} paid on{' '}
              <Link to={`/billing/invoices/${a.invoiceId}`}>{a.invoiceNumber ?? 'an invoice'}</Link>
            </li>
          ))}
        </ul>
      )}
      {p.unallocated > 0 && <p>{money(p.unallocated)} is kept as the client’s credit.</p>}
    </div>
  );
}
