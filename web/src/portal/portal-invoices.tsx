import { useInvoices } from '../api/billing';
import { formatDay, invoiceName, periodLabel, statusLabels, toneOf } from '../billing/labels';
import { PdfDownload } from '../billing/pdf-download';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';

/** The client's issued invoices and credit notes (the portal's scope shows no drafts), each as a PDF. */
export function PortalInvoices() {
  const invoices = useInvoices({});
  const items = invoices.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Your invoices"
        subtitle="Every invoice and credit note we issued you, to download."
      />
      <QueryState query={invoices} loading="Loading your invoices…">
        {() =>
          items.length === 0 ? (
            <p className="empty">No invoice yet.</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table" aria-label="Your invoices">
                  <thead>
                    <tr>
                      <th scope="col">Invoice</th>
                      <th scope="col">Period</th>
                      <th scope="col">Issued</th>
                      <th scope="col">Due</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Total
                      </th>
                      <th scope="col" className="num">
                        Left to pay
                      </th>
                      <th scope="col">PDF</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((i) => (
                      <tr key={i.id}>
                        <th scope="row" className="nowrap">
                          {invoiceName(i)}
                          {i.kind === 'credit_note' && <div className="muted small">Credit note</div>}
                        </th>
                        <td className="nowrap">{periodLabel(i.period)}</td>
                        <td className="nowrap">{formatDay(i.issueDate)}</td>
                        <td className="nowrap">{i.kind === 'credit_note' ? '—' : formatDay(i.dueDate)}</td>
                        <td>
                          <Badge tone={toneOf(i)}>{statusLabels[i.status]}</Badge>
                        </td>
                        <td className="num">{formatMoney(i.total, i.currency)}</td>
                        <td className="num">
                          {i.kind === 'credit_note' || i.status === 'void'
                            ? '—'
                            : formatMoney(i.balance, i.currency)}
                        </td>
                        <td>
                          <PdfDownload
                            invoiceId={i.id}
                            label="Download"
                            className="button button--link"
                            ariaLabel={`Download ${invoiceName(i)} as PDF`}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore query={invoices} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
