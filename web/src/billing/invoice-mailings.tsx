import { useInvoiceMailings } from '../api/billing';
import type { Mailing } from '../api/billing-types';
import { Badge, type Tone } from '../ui/badge';
import { QueryState } from '../ui/query-state';

const statusText: Record<Mailing['status'], [string, Tone]> = {
  queued: ['Queued', 'warn'],
  sent: ['Sent', 'good'],
  failed: ['Failed', 'danger'],
};

/** Every mail of the invoice: the invoice itself when sent, then its reminders, and whether each left. */
export function InvoiceMailings({ invoiceId }: { invoiceId: string }) {
  const mailings = useInvoiceMailings(invoiceId);
  return (
    <section className="section" aria-labelledby="invoice-mailings-title">
      <h2 id="invoice-mailings-title">Sent by email</h2>
      <QueryState query={mailings} loading="Loading mails…">
        {(items) =>
          items.length === 0 ? (
            <p className="muted">Not sent yet.</p>
          ) : (
            <ul className="link-list">
              {items.map((m) => {
                const [label, tone] = statusText[m.status];
                return (
                  <li key={m.id}>
                    {m.kind === 'invoice' ? 'Invoice' : `Reminder ${m.level ?? ''}`} to{' '}
                    {m.sentTo.join(', ') || 'the billing contacts'}, asked{' '}
                    {new Date(m.requestedAt).toLocaleString()}
                    {m.requestedBy && ` by ${m.requestedBy}`} <Badge tone={tone}>{label}</Badge>
                    {m.error && <div className="muted small">{m.error}</div>}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
