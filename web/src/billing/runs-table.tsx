import { useBillingRuns, useBillingSettings } from '../api/billing';
import type { RunRecord } from '../api/billing-types';
import { useClientNames } from '../api/clients';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { periodLabel } from './labels';

const triggerLabels: Record<string, string> = { api: 'By hand', cli: 'Command line', schedule: 'Schedule' };

/** The last runs, whoever started them (a person, the command line, the schedule), and what they did. */
export function RunsTable() {
  const runs = useBillingRuns();
  const currency = useBillingSettings().data?.currency ?? null;
  const names = useClientNames(runs.data?.map((r) => r.clientId) ?? []);
  return (
    <section className="section" aria-labelledby="recent-runs-title">
      <h2 id="recent-runs-title">Recent runs</h2>
      <QueryState query={runs} loading="Loading runs…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No billing run yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--compact" aria-label="Recent runs">
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Period</th>
                    <th scope="col">Clients</th>
                    <th scope="col">By</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Created
                    </th>
                    <th scope="col" className="num">
                      Added to
                    </th>
                    <th scope="col" className="num">
                      Skipped
                    </th>
                    <th scope="col" className="num">
                      Amount added
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id ?? r.startedAt}>
                      <td className="nowrap">{new Date(r.startedAt).toLocaleString()}</td>
                      <td className="nowrap">{periodLabel(r.period)}</td>
                      <td>{r.clientId ? (names.get(r.clientId) ?? '…') : `All (${r.clientsTotal})`}</td>
                      <td>
                        {triggerLabels[r.trigger] ?? r.trigger}
                        {r.startedBy && r.startedBy !== r.trigger && (
                          <div className="muted small">{r.startedBy}</div>
                        )}
                      </td>
                      <td>
                        <RunStatus run={r} />
                        {r.error && <div className="muted small">{r.error}</div>}
                      </td>
                      <td className="num">{r.invoicesCreated}</td>
                      <td className="num">{r.invoicesUpdated}</td>
                      <td className="num">{r.clientsSkipped}</td>
                      <td className="num">{formatMoney(r.amountAdded, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

/** Done, still running (with its progress), failed, or done with some clients failed. */
function RunStatus({ run: r }: { run: RunRecord }) {
  if (r.status === 'running')
    return <Badge tone="warn">{`Running ${r.clientsDone}/${r.clientsTotal}`}</Badge>;
  if (r.status === 'failed') return <Badge tone="danger">Failed</Badge>;
  if (r.problems.length) return <Badge tone="danger">{`${r.problems.length} failed`}</Badge>;
  return <Badge tone="good">Done</Badge>;
}
