import { Link } from 'react-router';
import { useScheduledRuns } from '../api/billing';
import type { ScheduledRun } from '../api/billing-types';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { periodLabel } from './labels';

const kindLabels: Record<ScheduledRun['kind'], string> = {
  period_start: 'Month start (fees in advance)',
  period_end: 'Month end (work in arrears)',
};

function Outcome({ run }: { run: ScheduledRun }) {
  if (run.error) return <Badge tone="danger">Failed</Badge>;
  if (!run.finishedAt) return <Badge tone="warn">Running</Badge>;
  return <Badge tone="good">Done</Badge>;
}

/** The moments the schedule ran, so a missed or failed month is seen where the schedule is set. */
export function ScheduledRunsTable() {
  const runs = useScheduledRuns();
  return (
    <section className="section" aria-labelledby="scheduled-runs-title">
      <h2 id="scheduled-runs-title">Scheduled runs so far</h2>
      <QueryState query={runs} loading="Loading scheduled runs…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">The schedule has not run yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--compact" aria-label="Scheduled runs">
                <thead>
                  <tr>
                    <th scope="col">Due</th>
                    <th scope="col">Moment</th>
                    <th scope="col">Billed</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Issued
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.slot}>
                      <td className="nowrap">{new Date(r.dueAt).toLocaleString()}</td>
                      <td>{kindLabels[r.kind]}</td>
                      <td className="nowrap">
                        {r.runId ? (
                          <Link to={`/billing?period=${r.period}`}>{periodLabel(r.period)}</Link>
                        ) : (
                          periodLabel(r.period)
                        )}
                      </td>
                      <td>
                        <Outcome run={r} />
                        {r.error && <div className="muted small">{r.error}</div>}
                      </td>
                      <td className="num">{r.invoicesIssued}</td>
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
