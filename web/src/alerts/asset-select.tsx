import { useId } from 'react';
import { useAssets } from '../api/assets';

type Props = { clientId: string; value: string; onChange: (assetId: string) => void; label?: string };

/** One of a client's live assets, or none (the client as a whole). */
export function AssetSelect({ clientId, value, onChange, label = 'Asset' }: Props) {
  const id = useId();
  const assets = useAssets({ q: '', clientId, type: '', managed: '', includeArchived: false });
  const items = clientId ? (assets.data?.pages.flatMap((p) => p.items) ?? []) : [];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={!clientId} onChange={(e) => onChange(e.target.value)}>
        <option value="">None: the client as a whole</option>
        {items.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
            {a.hostname ? ` (${a.hostname})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
