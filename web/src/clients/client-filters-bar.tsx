import { useEffect, useState } from 'react';
import type { ClientFilters } from '../api/clients';
import type { ClientStatus } from '../api/types';
import { useDebounced } from '../ui/use-debounced';
import { statusLabels } from './format';

type Props = { filters: ClientFilters; onChange: (next: Partial<ClientFilters>) => void };

/** Search as you type, by status, with or without archived clients. */
export function ClientFiltersBar({ filters, onChange }: Props) {
  const [term, setTerm] = useState(filters.q);
  const settled = useDebounced(term);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search term should refilter
  useEffect(() => {
    if (settled !== filters.q) onChange({ q: settled });
  }, [settled]);

  return (
    <search className="filters" aria-label="Filter clients">
      <div className="field">
        <label htmlFor="clients-search">Search clients</label>
        <input
          id="clients-search"
          type="search"
          placeholder="Name contains…"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="clients-status">Status</label>
        <select
          id="clients-status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as ClientStatus | '' })}
        >
          <option value="">Any status</option>
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox filters__archived">
        <input
          id="clients-archived"
          type="checkbox"
          checked={filters.includeArchived}
          onChange={(e) => onChange({ includeArchived: e.target.checked })}
        />
        <label htmlFor="clients-archived">Include archived</label>
      </div>
    </search>
  );
}
