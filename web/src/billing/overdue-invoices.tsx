import { Link } from 'react-router';
import { useAging } from '../api/billing';
import { formatMoney } from '../money/money';
import { QueryState } from '../ui/query-state';
import { bucketLabels, formatDay } from './labels';

/** The invoices past their due date, the longest overdue first: who to call. */
export function OverdueInvoices({ asOf }: { asOf: string }) {
  const aging = useAging(asOf);
  return (
    <section className="section" aria-labelledby="overdue-title">
      <h2 id="overdue-title">Overdue invoices</h2>
      <QueryState query={aging} loading="Loading overdue invoices…">
        {(a) => {
          const overdue = a.invoices
            .filter((i) => i.daysPastDue > 0)
            .sort((x, y) => y.daysPastDue - x.daysPastDue || y.balance - x.balance);
          return overdue.length === 0 ? (
            <p className="empty">Nothing is overdue.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--compact" aria-label="Overdue invoices">
                <thead>
                  <tr>
                    <th scope="col">Invoice</th>
                    <th scope="col">Client</th>
                    <th scope="col">Due</th>
                    <th scope="col" className="num">
                      Days late
                    </th>
                    <th scope="col">Bucket</th>
                    <th scope="col" className="num">
                      Total
                    </th>
                    <th scope="col" className="num">
                      Balance
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overdue.map((i) => (
                    <tr key={i.invoiceId}>
                      <th scope="row" className="nowrap">
                        <Link to={`/billing/invoices/${i.invoiceId}`}>{i.number}</Link>
                      </th>
                      <td>{i.clientName}</td>
                      <td className="nowrap">{formatDay(i.dueDate)}</td>
                      <td className="num">{i.daysPastDue}</td>
                      <td>{bucketLabels[i.bucket]}</td>
                      <td className="num">{formatMoney(i.total, a.currency)}</td>
                      <td className="num">{formatMoney(i.balance, a.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
