import { Link, useParams } from 'react-router';
import { useInvoice } from '../api/billing';
import type { Invoice } from '../api/billing-types';
import { useCan } from '../api/session';
import { formatDate } from '../clients/format';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { InvoiceActions } from './invoice-actions';
import { InvoiceLines } from './invoice-lines';
import { InvoiceMailings } from './invoice-mailings';
import { InvoiceSettlements } from './invoice-settlements';
import { formatDay, invoiceName, periodLabel, statusLabels, toneOf } from './labels';
import { PdfDownload } from './pdf-download';
import './billing.css';

/** One invoice or credit note: who, what period, its lines and totals, what was paid, and what can be done next. */
export function InvoicePage() {
  const { invoiceId = '' } = useParams();
  const invoice = useInvoice(invoiceId);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/billing/invoices">Invoices</Link>
      </p>
      <QueryState query={invoice} loading="Loading invoice…">
        {(i) => <InvoiceView invoice={i} />}
      </QueryState>
    </>
  );
}

function InvoiceView({ invoice: i }: { invoice: Invoice }) {
  const canWrite = useCan('billing:write');
  const money = (minor: number) => formatMoney(minor, i.currency);
  const isNote = i.kind === 'credit_note';
  return (
    <>
      <PageHeader
        title={isNote ? `Credit note ${invoiceName(i)}` : `Invoice ${invoiceName(i)}`}
        subtitle={
          <>
            <Link to={`/clients/${i.clientId}/invoices`}>{i.buyer.name}</Link> · {periodLabel(i.period)}{' '}
            <Badge tone={toneOf(i)}>{statusLabels[i.status]}</Badge>
          </>
        }
        actions={
          <PdfDownload invoiceId={i.id} label={i.status === 'draft' ? 'Preview PDF' : 'Download PDF'} />
        }
      />
      {i.status === 'void' && (
        <p className="alert alert--info" role="status">
          Void since {i.voidedAt ? formatDate(i.voidedAt) : '—'}: {i.voidReason}. It keeps its number; its
          work can be billed again.
        </p>
      )}
      {i.status === 'draft' && (
        <p className="alert alert--info" role="status">
          A draft: it has no number yet and can still change. Issue it to number it and send it.
        </p>
      )}
      <div className="summary">
        <section className="card" aria-label="Invoice details">
          <dl className="facts">
            <dt>Number</dt>
            <dd>{i.number ?? 'Draft'}</dd>
            <dt>Client</dt>
            <dd>{i.buyer.name}</dd>
            <dt>Period</dt>
            <dd>{periodLabel(i.period)}</dd>
            {isNote && i.creditedInvoiceId && (
              <>
                <dt>Credits</dt>
                <dd>
                  <Link to={`/billing/invoices/${i.creditedInvoiceId}`}>the invoice it corrects</Link>
                </dd>
              </>
            )}
            <dt>Issued</dt>
            <dd>{formatDay(i.issueDate)}</dd>
            {!isNote && (
              <>
                <dt>Due</dt>
                <dd>{i.dueDate ? formatDay(i.dueDate) : `${i.paymentTermsDays} days after issue`}</dd>
              </>
            )}
            {i.reference && (
              <>
                <dt>Client reference</dt>
                <dd>{i.reference}</dd>
              </>
            )}
            {i.notes && (
              <>
                <dt>{isNote ? 'Reason' : 'Notes'}</dt>
                <dd className="pre-wrap">{i.notes}</dd>
              </>
            )}
          </dl>
        </section>
        <ul className="stat-grid" aria-label="Amounts">
          <li className="stat">
            <span className="stat__label">Total</span>
            <span className="stat__value">{money(i.total)}</span>
            <span className="stat__detail muted">{money(i.taxTotal)} tax</span>
          </li>
          {!isNote && (
            <>
              <li className="stat">
                <span className="stat__label">Paid</span>
                <span className="stat__value">{money(i.amountPaid)}</span>
                {i.amountCredited > 0 && (
                  <span className="stat__detail muted">{money(i.amountCredited)} credited</span>
                )}
              </li>
              <li className="stat">
                <span className="stat__label">Balance</span>
                <span className="stat__value">{money(i.status === 'void' ? 0 : i.balance)}</span>
              </li>
            </>
          )}
        </ul>
      </div>
      {canWrite && <InvoiceActions invoice={i} />}
      <InvoiceLines invoice={i} editable={canWrite && i.status === 'draft'} />
      {!isNote && i.status !== 'draft' && <InvoiceSettlements invoice={i} />}
      {i.status !== 'draft' && <InvoiceMailings invoiceId={i.id} />}
    </>
  );
}
