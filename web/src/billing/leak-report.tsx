import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLeakReport } from '../api/billing';
import type { LeakReport } from '../api/billing-types';
import { useWorkTypes } from '../api/catalog';
import { useClientNames } from '../api/clients';
import { formatMoney } from '../money/money';
import { useStaff } from '../tickets/use-staff';
import { formatDuration, statusLabels } from '../time/labels';
import { QueryState } from '../ui/query-state';
import { formatDay, formatQuantity, formatSpan } from './labels';

type Props = { period: string; clientId: string; currency: string | null };

/**
 * Before invoicing, what could slip through: billable work on no invoice, time still waiting for
 * approval, agreements with nothing billed for the period, and counts that moved since billing.
 */
export function LeakReportPanel({ period, clientId, currency }: Props) {
  const report = useLeakReport(period, clientId);
  return (
    <section className="billing-preview__leaks card" aria-labelledby="leak-report-title">
      <h2 id="leak-report-title">Leak report</h2>
      <QueryState query={report} loading="Looking for leaks…">
        {(r) => <Findings report={r} currency={currency} />}
      </QueryState>
    </section>
  );
}

function Findings({ report: r, currency }: { report: LeakReport; currency: string | null }) {
  const names = useClientNames([
    ...r.unbilledWork.map((w) => w.clientId),
    ...r.pendingApproval.map((p) => p.clientId),
    ...r.agreementsNotBilled.map((a) => a.clientId),
    ...r.quantityMismatches.map((q) => q.clientId),
  ]);
  const staff = useStaff();
  const workTypes = useWorkTypes();
  const clientName = (id: string | null) => (id ? (names.get(id) ?? '…') : 'Internal');
  const workTypeName = (code: string) => workTypes.data?.find((w) => w.code === code)?.name ?? code;
  const unbilled = r.unbilledWork.reduce((s, w) => s + w.amount, 0);
  const pendingBillable = r.pendingApproval.filter((p) => p.billable);
  return (
    <>
      <Finding title="Billable work on no invoice" count={r.unbilledWork.length}>
        <p className="muted small">
          Approved and billable, worth about {formatMoney(unbilled, currency)}; the run bills it unless a
          reason below says otherwise.
        </p>
        <div className="table-wrap">
          <table className="table table--compact" aria-label="Billable work on no invoice">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Day</th>
                <th scope="col">Work</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {r.unbilledWork.map((w) => (
                <tr key={w.entryId}>
                  <td>{clientName(w.clientId)}</td>
                  <td className="nowrap">{formatDay(w.workDate)}</td>
                  <td>
                    {formatDuration(w.minutes)} {workTypeName(w.workType)}
                    {w.reason && <div className="muted small">{w.reason}</div>}
                  </td>
                  <td className="num">{formatMoney(w.amount, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Finding>
      <Finding title="Time waiting for approval" count={r.pendingApproval.length}>
        <p className="small">
          {pendingBillable.length} of them billable: nothing is invoiced before it is approved.{' '}
          <Link to="/time/approvals">Open the approval queue</Link>
        </p>
        <div className="table-wrap">
          <table className="table table--compact" aria-label="Time waiting for approval">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Technician</th>
                <th scope="col">Day</th>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {r.pendingApproval.map((p) => (
                <tr key={p.entryId}>
                  <td>{clientName(p.clientId)}</td>
                  <td>{staff.nameOf(p.technicianId)}</td>
                  <td className="nowrap">{formatDay(p.workDate)}</td>
                  <td className="nowrap">
                    {formatDuration(p.minutes)}
                    {p.billable && <span className="muted small"> · billable</span>}
                  </td>
                  <td>{statusLabels[p.status as keyof typeof statusLabels] ?? p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Finding>
      <Finding title="Agreements with nothing billed" count={r.agreementsNotBilled.length}>
        <ul className="findings">
          {r.agreementsNotBilled.map((a) => (
            <li key={`${a.agreementId}:${a.cycle.from}`}>
              <Link to={`/agreements/${a.agreementId}`}>{a.name}</Link> ({clientName(a.clientId)}), cycle{' '}
              {formatSpan(a.cycle)}
            </li>
          ))}
        </ul>
      </Finding>
      <Finding title="Quantities that changed" count={r.quantityMismatches.length}>
        <ul className="findings">
          {r.quantityMismatches.map((q) => (
            <li key={`${q.agreementId}:${q.lineId}`}>
              <Link to={`/agreements/${q.agreementId}`}>{q.description}</Link> ({clientName(q.clientId)}):
              counted {formatQuantity(q.counted)} {q.source.replaceAll('_', ' ')}, billed{' '}
              {formatQuantity(q.billed)}
            </li>
          ))}
        </ul>
      </Finding>
    </>
  );
}

/** One kind of leak: its count in the heading, the detail only when there is something to see. */
function Finding({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <div className="billing-leak">
      <h3>
        {title} <span className={count ? 'billing-leak__count' : 'muted'}>{count}</span>
      </h3>
      {count === 0 ? <p className="muted small">None.</p> : children}
    </div>
  );
}
