import { Link, useOutletContext } from 'react-router';
import { useInvoices, useReceivables } from '../api/billing';
import { useCan } from '../api/session';
import type { Client } from '../api/types';
import { formatShare } from '../csat/rating';
import { formatMoney } from '../money/money';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../ui/query-state';
import { InvoicesTable } from './invoices-table';

/** A client's invoices and credit notes, with what it owes and how it pays. */
export function ClientInvoicesTab() {
  const client = useOutletContext<Client>();
  const invoices = useInvoices({ clientId: client.id });
  const receivables = useReceivables('', client.id);
  const canRun = useCan('billing:write');
  const items = invoices.data?.pages.flatMap((p) => p.items) ?? [];
  const mine = receivables.data?.clients.find((c) => c.clientId === client.id);
  const currency = receivables.data?.currency ?? null;
  return (
    <section className="section" aria-labelledby="client-invoices-title">
      <div className="section__header">
        <h2 id="client-invoices-title">Invoices</h2>
        {canRun && (
          <Link className="button" to={`/billing?client=${client.id}`}>
            Run billing for {client.name}
          </Link>
        )}
      </div>
      {mine && (
        <ul className="stat-grid" aria-label="What the client owes">
          <li className="stat">
            <span className="stat__label">Open balance</span>
            <span className="stat__value">{formatMoney(mine.openBalance, currency)}</span>
            <span className="stat__detail muted">{formatMoney(mine.overdue, currency)} overdue</span>
          </li>
          <li className="stat">
            <span className="stat__label">Credit</span>
            <span className="stat__value">{formatMoney(mine.credit, currency)}</span>
          </li>
          <li className="stat">
            <span className="stat__label">Days to pay</span>
            <span className="stat__value">
              {mine.averageDaysToPay === null ? '—' : Math.round(mine.averageDaysToPay)}
            </span>
            <span className="stat__detail muted">{formatShare(mine.lateShare)} paid late</span>
          </li>
        </ul>
      )}
      <QueryState query={invoices} loading="Loading invoices…">
        {() =>
          items.length === 0 ? (
            <p className="empty">No invoice yet: a billing run makes the first draft.</p>
          ) : (
            <>
              <InvoicesTable label={`Invoices of ${client.name}`} invoices={items} />
              <LoadMore query={invoices} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
