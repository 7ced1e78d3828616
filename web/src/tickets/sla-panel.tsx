import { Link } from 'react-router';
import { usePolicies } from '../api/sla';
import type { Clock, Ticket } from '../api/ticket-types';
import { Badge } from '../ui/badge';
import { useNow } from '../ui/use-now';
import { clockLabels, clockView, formatBusiness, formatInstant } from './time-left';

/** When a clock's target ran out, was met, or will run out. */
function when(c: Clock) {
  if (c.metAt)
    return (
      <>
        met <time dateTime={c.metAt}>{formatInstant(c.metAt)}</time>
        {c.breachedAt && (
          <>
            {' '}
            · breached <time dateTime={c.breachedAt}>{formatInstant(c.breachedAt)}</time>
          </>
        )}
      </>
    );
  if (c.breachedAt)
    return (
      <>
        breached <time dateTime={c.breachedAt}>{formatInstant(c.breachedAt)}</time>
      </>
    );
  return (
    <>
      {c.state === 'paused' ? 'due, if resumed now, ' : 'due '}
      <time dateTime={c.dueAt}>{formatInstant(c.dueAt)}</time>
    </>
  );
}

/** The ticket's SLA clocks as time left, ticking each minute between fetches of the server's view. */
export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const now = useNow();
  const policies = usePolicies();
  const { sla } = ticket;
  const policy = policies.data?.find((p) => p.id === sla.policyId);
  return (
    <section className="card" aria-labelledby="sla-title">
      <div className="section__header">
        <h2 id="sla-title">SLA</h2>
        {sla.paused && <Badge tone="muted">Clocks paused</Badge>}
      </div>
      {sla.bestEffort ? (
        <p>
          <Badge tone="muted">Best effort</Badge> No SLA applies to this client: no clock runs.
        </p>
      ) : (
        <>
          <p className="muted small">
            Policy{' '}
            {policy ? <Link to={`/settings/sla/policies/${policy.id}`}>{policy.name}</Link> : 'loading…'} ·
            targets for {ticket.priority}, counted on the policy's calendar.
          </p>
          {sla.clocks.length === 0 ? (
            <p className="muted">The policy could not be read: no clock is shown.</p>
          ) : (
            <table className="table table--compact" aria-label="SLA clocks">
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">State</th>
                  <th scope="col">Time left</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {sla.clocks.map((c) => {
                  const view = clockView(c, now);
                  return (
                    <tr key={c.kind}>
                      <th scope="row">
                        {clockLabels[c.kind]}
                        <span className="muted small block">{formatBusiness(c.minutes)} target</span>
                      </th>
                      <td>
                        <Badge tone={view.tone}>{view.state}</Badge>
                      </td>
                      <td className={`nowrap sla-left sla-left--${view.tone}`}>{view.left}</td>
                      <td className="small">{when(c)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
