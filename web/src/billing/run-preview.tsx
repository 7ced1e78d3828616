import { Link } from 'react-router';
import type { ClientOutcome, PlannedLine, RunResult } from '../api/billing-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { formatQuantity, formatSpan, lineKindLabels, outcomeLabels, outcomeTone } from './labels';

type Props = { result: RunResult; currency: string | null };

const sum = (lines: readonly PlannedLine[]) => lines.reduce((s, l) => s + l.amount, 0);

/** A dry run's answer: per client, the lines the run would add and what the invoice would come to. */
export function RunPreview({ result, currency }: Props) {
  const billed = result.clients.filter((c) => c.outcome !== 'unchanged');
  const quiet = result.clients.filter((c) => c.outcome === 'unchanged');
  return (
    <>
      <ul className="stat-grid" aria-label="Dry run">
        <li className="stat">
          <span className="stat__label">Clients looked at</span>
          <span className="stat__value">{result.clientsTotal}</span>
        </li>
        <li className="stat">
          <span className="stat__label">Drafts to create or add to</span>
          <span className="stat__value">
            {result.clients.filter((c) => c.outcome === 'created' || c.outcome === 'updated').length}
          </span>
        </li>
        <li className="stat">
          <span className="stat__label">Lines to add</span>
          <span className="stat__value">{result.linesAdded}</span>
          <span className="stat__detail muted">{formatMoney(result.amountAdded, currency)} before tax</span>
        </li>
      </ul>
      {billed.length === 0 ? (
        <p className="empty">Nothing new to bill for this period: every client is billed up to date.</p>
      ) : (
        billed.map((c) => <ClientPlan key={c.clientId} client={c} currency={currency} />)
      )}
      {quiet.length > 0 && (
        <p className="muted small">
          Nothing new for {quiet.length === 1 ? '1 other client' : `${quiet.length} other clients`}:{' '}
          {quiet.map((c) => c.clientName).join(', ')}.
        </p>
      )}
    </>
  );
}

/** One client's part of the preview: its lines by kind, with their dates, then the invoice's totals. */
function ClientPlan({ client: c, currency }: { client: ClientOutcome; currency: string | null }) {
  const money = (minor: number) => formatMoney(minor, currency);
  const lines = c.lines ?? [];
  const subtotal = sum(lines);
  const titleId = `plan-${c.clientId}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId} className="billing-plan__title">
        <Link to={`/clients/${c.clientId}`}>{c.clientName}</Link>{' '}
        <Badge tone={outcomeTone[c.outcome]}>{outcomeLabels[c.outcome]}</Badge>
        {c.invoiceId && (
          <Link className="small" to={`/billing/invoices/${c.invoiceId}`}>
            {c.outcome === 'skipped' ? 'the issued invoice' : 'the draft so far'}
          </Link>
        )}
      </h3>
      {c.reason && <p className={c.outcome === 'failed' ? 'alert alert--error' : 'muted'}>{c.reason}</p>}
      {lines.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact" aria-label={`Lines for ${c.clientName}`}>
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
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.key}>
                  <td>{lineKindLabels[l.kind] ?? l.kind}</td>
                  <td>
                    {l.description}
                    {!l.taxable && <span className="muted small"> · no tax</span>}
                  </td>
                  <td className="nowrap">{formatSpan(l.from && l.to ? { from: l.from, to: l.to } : null)}</td>
                  <td className="num">{formatQuantity(l.quantity)}</td>
                  <td className="num">{money(l.unitPrice)}</td>
                  <td className="num">{money(l.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <PlanTotals client={c} subtotal={subtotal} money={money} />
            </tfoot>
          </table>
        </div>
      )}
      {(c.skippedEntries?.length ?? 0) > 0 && (
        <details>
          <summary className="small">
            {c.skippedEntries!.length} time {c.skippedEntries!.length === 1 ? 'entry' : 'entries'} not billed
          </summary>
          <ul className="findings small">
            {c.skippedEntries!.map((s) => (
              <li key={s.entryId}>{s.reason}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

type TotalsProps = { client: ClientOutcome; subtotal: number; money: (minor: number) => string };

/**
 * A new invoice holds only these lines, so its tax is its total less their sum; added to a draft,
 * tax is worked out once over the whole invoice (rounded once per invoice), so only the total after
 * the run is shown.
 */
function PlanTotals({ client: c, subtotal, money }: TotalsProps) {
  const row = (label: string, value: string, strong = false) => (
    <tr>
      <th scope="row" colSpan={5} className="num">
        {label}
      </th>
      <td className="num">{strong ? <strong>{value}</strong> : value}</td>
    </tr>
  );
  if (c.total === null) return row('Lines', money(subtotal));
  if (c.outcome === 'created')
    return (
      <>
        {row('Subtotal', money(subtotal))}
        {row('Tax', money(c.total - subtotal))}
        {row('Total', money(c.total), true)}
      </>
    );
  return (
    <>
      {row('Lines added', money(subtotal))}
      {row('Draft total after the run, tax included', money(c.total), true)}
    </>
  );
}
