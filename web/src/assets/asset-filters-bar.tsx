import { useEffect, useState } from 'react';
import type { AssetFilters, AssetType } from '../api/assets';
import { ClientSelect } from '../clients/client-select';
import { useDebounced } from '../ui/use-debounced';
import { typeLabels } from './labels';

type Props = {
  filters: AssetFilters;
  onChange: (next: Partial<AssetFilters>) => void;
  /** On a client's own page the client is given: no client filter. */
  withClient: boolean;
};

/** Search as you type (name, hostname, address, serial, OS, make), by client, type and managed. */
export function AssetFiltersBar({ filters, onChange, withClient }: Props) {
  const [term, setTerm] = useState(filters.q);
  const settled = useDebounced(term);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search term should refilter
  useEffect(() => {
    if (settled !== filters.q) onChange({ q: settled });
  }, [settled]);

  return (
    <search className="filters" aria-label="Filter assets">
      <div className="field">
        <label htmlFor="assets-search">Search assets</label>
        <input
          id="assets-search"
          type="search"
          placeholder="Name, hostname, IP, serial…"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
      </div>
      {withClient && (
        <ClientSelect
          label="Client"
          value={filters.clientId}
          emptyLabel="Any client"
          onChange={(clientId) => onChange({ clientId })}
        />
      )}
      <div className="field">
        <label htmlFor="assets-type">Type</label>
        <select
          id="assets-type"
          value={filters.type}
          onChange={(e) => onChange({ type: e.target.value as AssetType | '' })}
        >
          <option value="">Any type</option>
          {Object.entries(typeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="assets-managed">Managed</label>
        <select
          id="assets-managed"
          value={filters.managed}
          onChange={(e) => onChange({ managed: e.target.value as AssetFilters['managed'] })}
        >
          <option value="">Managed or not</option>
          <option value="true">Managed (billed per device)</option>
          <option value="false">Not managed</option>
        </select>
      </div>
      <div className="checkbox filters__archived">
        <input
          id="assets-archived"
          type="checkbox"
          checked={filters.includeArchived}
          onChange={(e) => onChange({ includeArchived: e.target.checked })}
        />
        <label htmlFor="assets-archived">Include archived</label>
      </div>
    </search>
  );
}
