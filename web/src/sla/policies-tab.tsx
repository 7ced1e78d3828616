import { Link } from 'react-router';
import { clientKindLabels } from '../agreements/labels';
import type { ClientKind } from '../api/agreement-types';
import { useCan } from '../api/session';
import { useCalendars, useKindDefaults, usePolicies } from '../api/sla';
import { priorities } from '../tickets/labels';
import { formatBusiness } from '../tickets/time-left';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';

/** Every SLA policy with its targets at a glance, and which client kinds get it by default. */
export function PoliciesTab() {
  const policies = usePolicies();
  const calendars = useCalendars();
  const defaults = useKindDefaults();
  const canWrite = useCan('sla:write');
  const calendarName = (id: string) => calendars.data?.find((c) => c.id === id)?.name ?? '…';
  const kindsOf = (id: string) =>
    Object.entries(defaults.data ?? {})
      .filter(([, policyId]) => policyId === id)
      .map(([kind]) => clientKindLabels[kind as ClientKind] ?? kind);
  return (
    <section aria-labelledby="policies-title">
      <div className="section__header">
        <h2 id="policies-title">Policies</h2>
        {canWrite && (
          <Link className="button button--primary" to="new">
            New policy
          </Link>
        )}
      </div>
      <QueryState query={policies} loading="Loading policies…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No policies yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="SLA policies">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Calendar</th>
                    {priorities.map((p) => (
                      <th scope="col" key={p}>
                        {p} response / resolution
                      </th>
                    ))}
                    <th scope="col">Default for</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={p.id}>{p.name}</Link> {p.archived && <Badge tone="muted">Archived</Badge>}
                      </th>
                      <td>{calendarName(p.calendarId)}</td>
                      {priorities.map((k) => (
                        <td key={k} className="nowrap">
                          {formatBusiness(p.targets[k].responseMinutes)} /{' '}
                          {formatBusiness(p.targets[k].resolutionMinutes)}
                        </td>
                      ))}
                      <td>{kindsOf(p.id).join(', ') || <span className="muted">—</span>}</td>
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
