import { Link } from 'react-router';
import type { Ticket } from '../api/ticket-types';
import { Badge } from '../ui/badge';
import { entitlementHeadline } from './labels';

/** Whether work on the ticket is covered or billable, and the rule that decided it. */
export function EntitlementPanel({ ticket }: { ticket: Ticket }) {
  const e = ticket.entitlement;
  return (
    <section className="card" aria-labelledby="entitlement-title">
      <h2 id="entitlement-title">Entitlement</h2>
      {!e ? (
        <p className="muted">
          {ticket.clientId
            ? 'Not resolved for this ticket.'
            : 'No client yet: coverage is decided once the ticket has a client.'}
        </p>
      ) : (
        <>
          <p>
            <Badge tone={e.billable ? 'warn' : 'good'}>{e.billable ? 'Billable' : 'Not billable'}</Badge>{' '}
            <strong>{entitlementHeadline(e)}</strong>
          </p>
          {e.rule.explanation && <p>{e.rule.explanation}</p>}
          <p className="muted small">
            Rule <code>{e.rule.code}</code>
            {e.agreementId && (
              <>
                {' '}
                · <Link to={`/agreements/${e.agreementId}`}>the agreement</Link>
              </>
            )}
            . Decided when the ticket was raised, and again when its client or category changes.
          </p>
        </>
      )}
    </section>
  );
}
