import { type FormEvent, useState } from 'react';
import { type Alert, useAlertEvents, useMapAlert } from '../api/alerts';
import { ClientSelect } from '../clients/client-select';
import { formatInstant } from '../tickets/time-left';
import { ProblemAlert } from '../ui/problem-alert';
import { AssetSelect } from './asset-select';

/**
 * Places an alert from triage with a client (and asset); optionally adds a mapping rule on its
 * identity so the next alerts from it map by themselves. Its recent events are shown to decide by.
 */
export function MapAlertForm({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const map = useMapAlert(alert.id);
  const events = useAlertEvents(alert.id);
  const [clientId, setClientId] = useState('');
  const [assetId, setAssetId] = useState('');
  const [createRule, setCreateRule] = useState(true);
  const labels = Object.entries(alert.labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');

  function submit(event: FormEvent) {
    event.preventDefault();
    map.mutate({ clientId, assetId: assetId || null, createRule }, { onSuccess: onDone });
  }

  return (
    <form className="alert-map" onSubmit={submit} aria-label={`Map ${alert.summary ?? alert.fingerprint}`}>
      <p className="muted">
        Labels: <code>{labels || 'none'}</code>
      </p>
      {events.data && events.data.length > 0 && (
        <ol className="alert-events" aria-label="Recent events">
          {events.data.slice(0, 5).map((e) => (
            <li key={e.id}>
              {formatInstant(e.receivedAt)} — {e.status}, {e.outcome}
            </li>
          ))}
        </ol>
      )}
      <ProblemAlert error={map.error} />
      <div className="grid grid--2">
        <ClientSelect
          label="Client"
          value={clientId}
          onChange={(id) => {
            setClientId(id);
            setAssetId('');
          }}
        />
        <AssetSelect clientId={clientId} value={assetId} onChange={setAssetId} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={createRule} onChange={(e) => setCreateRule(e.target.checked)} /> Map
        this alert&apos;s next alerts the same way (a mapping rule on its identity)
      </label>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!clientId || map.isPending}>
          {map.isPending ? 'Mapping…' : 'Map alert'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
