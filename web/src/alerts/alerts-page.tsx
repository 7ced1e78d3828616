import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Alert, type AlertFilters, type AlertStatus, useAlerts } from '../api/alerts';
import { useClientNames } from '../api/clients';
import { useCan } from '../api/session';
import { ClientSelect } from '../clients/client-select';
import { formatInstant } from '../tickets/time-left';
import { Badge } from '../ui/badge';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../ui/query-state';
import {
  alertTitle,
  severityLabels,
  severityTone,
  statusLabels,
  statusTone,
  ticketStateLabels,
} from './labels';
import { MapAlertForm } from './map-alert-form';

type View = { view: string; label: string; status: AlertStatus | ''; triage: boolean; empty: string };

const views: View[] = [
  { view: 'open', label: 'Open', status: 'open', triage: false, empty: 'No alert is firing.' },
  {
    view: 'triage',
    label: 'Triage',
    status: '',
    triage: true,
    empty: 'Every alert is placed with a client: nothing to triage.',
  },
  {
    view: 'silenced',
    label: 'Silenced',
    status: 'silenced',
    triage: false,
    empty: 'No alert is silenced by a maintenance window.',
  },
  {
    view: 'resolved',
    label: 'Resolved',
    status: 'resolved',
    triage: false,
    empty: 'No alert has recovered yet.',
  },
];

/** Alerts by state or in triage, for all clients or one. */
export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const current = views.find((v) => v.view === params.get('view')) ?? views[0]!;
  const clientId = params.get('client') ?? '';
  const filters: AlertFilters = { status: current.status, triage: current.triage, clientId, source: '' };
  const alerts = useAlerts(filters);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <nav className="tabs" aria-label="Alert views">
        {views.map((v) => {
          const next = new URLSearchParams(params);
          if (v.view === 'open') next.delete('view');
          else next.set('view', v.view);
          const search = next.toString();
          return (
            <Link
              key={v.view}
              to={search ? `/alerts?${search}` : '/alerts'}
              replace
              className={v === current ? 'tabs__tab active' : 'tabs__tab'}
              aria-current={v === current ? 'page' : undefined}
            >
              {v.label}
            </Link>
          );
        })}
      </nav>
      {!current.triage && (
        <div className="alerts-filters">
          <ClientSelect
            label="Client"
            value={clientId}
            emptyLabel="Any client"
            onChange={(id) => set('client', id)}
          />
        </div>
      )}
      <QueryState query={alerts} loading="Loading alerts…">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return items.length ? (
            <>
              <AlertsTable alerts={items} triage={current.triage} />
              <LoadMore query={alerts} />
            </>
          ) : (
            <p className="empty">{current.empty}</p>
          );
        }}
      </QueryState>
    </>
  );
}

function AlertsTable({ alerts, triage }: { alerts: Alert[]; triage: boolean }) {
  const clientNames = useClientNames(alerts.map((a) => a.clientId));
  const canMap = useCan('alerts:write');
  const [mapping, setMapping] = useState<string | null>(null);
  const chosen = alerts.find((a) => a.id === mapping);
  return (
    <>
      {chosen && (
        <section className="card" aria-labelledby="map-alert">
          <h2 id="map-alert">Map “{alertTitle(chosen)}”</h2>
          <MapAlertForm key={chosen.id} alert={chosen} onDone={() => setMapping(null)} />
        </section>
      )}
      <div className="table-wrap">
        <table className="table" aria-label={triage ? 'Alerts in triage' : 'Alerts'}>
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">{triage ? 'Identity' : 'Client'}</th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
              <th scope="col">Ticket</th>
              {triage && canMap && <th scope="col">Map</th>}
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <AlertRow
                key={a.id}
                alert={a}
                client={a.clientId ? (clientNames.get(a.clientId) ?? '…') : 'Triage'}
                triage={triage}
                canMap={canMap}
                mapping={mapping === a.id}
                onMap={(on) => setMapping(on ? a.id : null)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type RowProps = {
  alert: Alert;
  client: string;
  triage: boolean;
  canMap: boolean;
  mapping: boolean;
  onMap: (on: boolean) => void;
};

function AlertRow({ alert: a, client, triage, canMap, mapping, onMap }: RowProps) {
  const identity = Object.entries(a.identity)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return (
    <>
      <tr>
        <th scope="row">
          <span className="alert-row__summary">
            {a.url ? (
              <a href={a.url} target="_blank" rel="noreferrer">
                {alertTitle(a)}
              </a>
            ) : (
              alertTitle(a)
            )}
            <span className="alert-row__meta">
              {a.integration}
              {a.flapping ? ' · flapping' : ''}
              {a.acknowledged ? ' · acknowledged' : ''}
            </span>
          </span>
        </th>
        <td className="nowrap">
          <Badge tone={severityTone[a.severity]}>{severityLabels[a.severity]}</Badge>
        </td>
        <td className="nowrap">
          <Badge tone={statusTone[a.status]}>{statusLabels[a.status]}</Badge>
        </td>
        <td>
          {triage ? (
            identity || a.fingerprint
          ) : a.clientId ? (
            <Link to={`/clients/${a.clientId}`}>{client}</Link>
          ) : (
            client
          )}
        </td>
        <td className="num">{a.count}</td>
        <td className="nowrap">
          <time dateTime={a.firstSeen}>{formatInstant(a.firstSeen)}</time>
        </td>
        <td className="nowrap">
          <time dateTime={a.lastSeen}>{formatInstant(a.lastSeen)}</time>
        </td>
        <td className="nowrap">
          {a.ticketId ? (
            <Link to={`/tickets/${a.ticketId}`}>{ticketStateLabels[a.ticketState]}</Link>
          ) : (
            ticketStateLabels[a.ticketState]
          )}
        </td>
        {triage && canMap && (
          <td>
            <button type="button" className="button" onClick={() => onMap(!mapping)} aria-expanded={mapping}>
              {mapping ? 'Close' : 'Map to client'}
            </button>
          </td>
        )}
      </tr>
    </>
  );
}
