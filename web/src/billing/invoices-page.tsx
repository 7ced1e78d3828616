import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useInvoices } from '../api/billing';
import type { InvoiceKind, InvoiceStatus } from '../api/billing-types';
import { ClientSelect } from '../clients/client-select';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../ui/query-state';
import { InvoicesTable } from './invoices-table';
import { statusLabels } from './labels';

const kindLabels: Record<InvoiceKind, string> = { invoice: 'Invoices', credit_note: 'Credit notes' };

/**
 * Every invoice and credit note, filtered by client, period, status and kind; the filters live in
 * the address, so going back from an invoice finds the list as it was.
 */
export function InvoicesPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client') ?? '';
  const period = params.get('period') ?? '';
  const status = (params.get('status') ?? '') as InvoiceStatus | '';
  const kind = (params.get('kind') ?? '') as InvoiceKind | '';
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const invoices = useInvoices({ clientId, period, status, kind });
  const items = invoices.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <search className="filters" aria-label="Filter invoices">
        <ClientSelect
          label="Client"
          emptyLabel="Any client"
          value={clientId}
          onChange={(v) => set('client', v)}
        />
        <div className="field filters__narrow">
          <label htmlFor={`${id}-period`}>Period</label>
          <input
            id={`${id}-period`}
            type="month"
            value={period}
            onChange={(e) => set('period', e.target.value)}
          />
        </div>
        <div className="field filters__narrow">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any status</option>
            {Object.entries(statusLabels).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field filters__narrow">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">Invoices and credit notes</option>
            {Object.entries(kindLabels).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </search>
      <QueryState query={invoices} loading="Loading invoices…">
        {() =>
          items.length === 0 ? (
            <p className="empty">
              No invoice matches. Drafts are made by a billing run; issue them to give them a number.
            </p>
          ) : (
            <>
              <InvoicesTable label="Invoices" invoices={items} showClient />
              <LoadMore query={invoices} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
