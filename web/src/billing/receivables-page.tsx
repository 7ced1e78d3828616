import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useReceivables } from '../api/billing';
import type { Payment, Receivables } from '../api/billing-types';
import { useCan } from '../api/session';
import { formatShare } from '../csat/rating';
import { formatMoney } from '../money/money';
import { QueryState } from '../ui/query-state';
import { AgingChart } from './aging-chart';
import { formatDay } from './labels';
import { OverdueInvoices } from './overdue-invoices';
import { PaymentForm } from './payment-form';
import { PaymentRecorded } from './payment-recorded';

/**
 * What clients owe as of a day: balances and credit, aging in five buckets with its chart, how fast
 * each client pays and how often late; and money received, recorded here.
 */
export function ReceivablesPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('as_of') ?? '';
  const receivables = useReceivables(asOf);
  const canWrite = useCan('billing:write');
  const [paying, setPaying] = useState(false);
  const [recorded, setRecorded] = useState<Payment | null>(null);
  const currency = receivables.data?.currency ?? null;
  return (
    <>
      <div className="filters">
        <div className="field filters__narrow">
          <label htmlFor={`${id}-as-of`}>As of</label>
          <input
            id={`${id}-as-of`}
            type="date"
            value={asOf || receivables.data?.asOf || ''}
            onChange={(e) => setParams(e.target.value ? { as_of: e.target.value } : {}, { replace: true })}
          />
        </div>
        {canWrite && (
          <button
            type="button"
            className="button button--primary"
            aria-expanded={paying}
            onClick={() => {
              setRecorded(null);
              setPaying(!paying);
            }}
          >
            Record a payment…
          </button>
        )}
      </div>
      {recorded && <PaymentRecorded payment={recorded} />}
      {paying && (
        <section className="card" aria-label="Payment entry">
          <PaymentForm
            currency={currency}
            onDone={(p) => {
              setRecorded(p);
              setPaying(false);
            }}
            onCancel={() => setPaying(false)}
          />
        </section>
      )}
      <QueryState query={receivables} loading="Loading receivables…">
        {(r) => <Overview receivables={r} />}
      </QueryState>
      <OverdueInvoices asOf={asOf} />
    </>
  );
}

function Overview({ receivables: r }: { receivables: Receivables }) {
  const money = (minor: number) => formatMoney(minor, r.currency);
  const owing = [...r.clients].sort((a, b) => b.openBalance - a.openBalance || b.credit - a.credit);
  return (
    <>
      <div className="section">
        <ul className="stat-grid" aria-label="Receivables">
          <li className="stat">
            <span className="stat__label">Open balance</span>
            <span className="stat__value">{money(r.total.openBalance)}</span>
            <span className="stat__detail muted">as of {formatDay(r.asOf)}</span>
          </li>
          <li className="stat">
            <span className="stat__label">Overdue</span>
            <span className="stat__value">{money(r.total.overdue)}</span>
          </li>
          <li className="stat">
            <span className="stat__label">Client credit</span>
            <span className="stat__value">{money(r.total.credit)}</span>
            <span className="stat__detail muted">received, not yet applied</span>
          </li>
        </ul>
      </div>
      <section className="section" aria-labelledby="aging-title">
        <h2 id="aging-title">Aging</h2>
        <AgingChart aging={r.total.aging} currency={r.currency} />
      </section>
      <section className="section" aria-labelledby="by-client-title">
        <h2 id="by-client-title">By client</h2>
        {owing.length === 0 ? (
          <p className="empty">No client owes anything or has credit.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact" aria-label="Receivables by client">
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col" className="num">
                    Open balance
                  </th>
                  <th scope="col" className="num">
                    Current
                  </th>
                  <th scope="col" className="num">
                    1–30
                  </th>
                  <th scope="col" className="num">
                    31–60
                  </th>
                  <th scope="col" className="num">
                    61–90
                  </th>
                  <th scope="col" className="num">
                    90+
                  </th>
                  <th scope="col" className="num">
                    Credit
                  </th>
                  <th scope="col" className="num">
                    Days to pay
                  </th>
                  <th scope="col" className="num">
                    Paid late
                  </th>
                </tr>
              </thead>
              <tbody>
                {owing.map((c) => (
                  <tr key={c.clientId} className={c.overdue > 0 ? 'row--overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/clients/${c.clientId}/invoices`}>{c.clientName}</Link>
                      <div className="muted small">
                        {c.openInvoices} open
                        {c.overdueInvoices > 0 && `, ${c.overdueInvoices} overdue`}
                      </div>
                    </th>
                    <td className="num">{money(c.openBalance)}</td>
                    <td className="num">{money(c.aging.current)}</td>
                    <td className="num">{money(c.aging.days1to30)}</td>
                    <td className="num">{money(c.aging.days31to60)}</td>
                    <td className="num">{money(c.aging.days61to90)}</td>
                    <td className="num">{money(c.aging.over90)}</td>
                    <td className="num">{c.credit ? money(c.credit) : '—'}</td>
                    <td className="num">
                      {c.averageDaysToPay === null ? '—' : Math.round(c.averageDaysToPay)}
                    </td>
                    <td className="num" title={`${c.paidLate} of ${c.paidInvoices} paid invoices`}>
                      {formatShare(c.lateShare)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
