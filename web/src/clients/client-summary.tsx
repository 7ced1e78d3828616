import type { Client } from '../api/types';
import { Badge } from '../ui/badge';
import { addressLines, criticalityLabels, formatTaxRate, statusLabels, statusTone } from './format';

/** What the MSP knows about a client at a glance: status, billing, the environment, notes. */
export function ClientSummary({ client }: { client: Client }) {
  const address = addressLines(client.billingAddress);
  const { profile } = client;
  return (
    <div className="summary">
      <section className="card" aria-labelledby="summary-general">
        <h2 id="summary-general">General</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <Badge tone={statusTone(client.status)}>{statusLabels[client.status]}</Badge>
          </dd>
          <dt>Time zone</dt>
          <dd>{client.timeZone}</dd>
          <dt>Tax rate</dt>
          <dd>{formatTaxRate(client.taxRateBp)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="summary-profile">
        <h2 id="summary-profile">Environment</h2>
        <dl className="facts">
          <dt>Users supported</dt>
          <dd>{profile.users}</dd>
          <dt>Endpoints</dt>
          <dd>{profile.endpoints}</dd>
          <dt>Sites</dt>
          <dd>{profile.sites}</dd>
          <dt>Remote users</dt>
          <dd>{profile.remoteUsers}</dd>
          <dt>Criticality</dt>
          <dd>{criticalityLabels[profile.criticality]}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="summary-address">
        <h2 id="summary-address">Billing address</h2>
        {address.length ? (
          <address>
            {address.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </address>
        ) : (
          <p className="muted">No billing address yet.</p>
        )}
      </section>
      <section className="card summary__notes" aria-labelledby="summary-notes">
        <h2 id="summary-notes">Notes</h2>
        {client.notes ? <p className="pre-wrap">{client.notes}</p> : <p className="muted">No notes.</p>}
      </section>
    </div>
  );
}
