import { useEffect, useState } from 'react';
import type { Priority, QueueFilters } from '../api/ticket-types';
import { useWorkflow } from '../api/tickets';
import { ClientSelect } from '../clients/client-select';
import { useDebounced } from '../ui/use-debounced';
import { priorities, priorityLabels } from './labels';
import { useQueueList } from './use-queues';

type Props = { filters: QueueFilters; onChange: (next: Partial<QueueFilters>) => void };

/** Search by subject or number as you type; narrow by client, priority, status and queue. */
export function QueueFiltersBar({ filters, onChange }: Props) {
  const workflow = useWorkflow();
  const queues = useQueueList();
  const [term, setTerm] = useState(filters.q);
  const settled = useDebounced(term);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search term should refilter
  useEffect(() => {
    if (settled !== filters.q) onChange({ q: settled });
  }, [settled]);

  return (
    <search className="filters" aria-label="Filter tickets">
      <div className="field">
        <label htmlFor="tickets-search">Search tickets</label>
        <input
          id="tickets-search"
          type="search"
          placeholder="Subject or number (T-000123)…"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
      </div>
      <ClientSelect
        label="Client"
        emptyLabel="Any client"
        value={filters.clientId}
        onChange={(clientId) => onChange({ clientId })}
      />
      <div className="field filters__narrow">
        <label htmlFor="tickets-priority">Priority</label>
        <select
          id="tickets-priority"
          value={filters.priority}
          onChange={(e) => onChange({ priority: e.target.value as Priority | '' })}
        >
          <option value="">Any priority</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabels[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="field filters__narrow">
        <label htmlFor="tickets-status">Status</label>
        <select
          id="tickets-status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value })}
        >
          <option value="">{filters.includeResolved ? 'Any status' : 'Any unresolved'}</option>
          {workflow.data?.statuses.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field filters__narrow">
        <label htmlFor="tickets-queue">Queue</label>
        <select
          id="tickets-queue"
          value={filters.queue}
          onChange={(e) => onChange({ queue: e.target.value })}
        >
          <option value="">Every queue</option>
          {queues.options(filters.queue).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox filters__archived">
        <input
          id="tickets-resolved"
          type="checkbox"
          checked={filters.includeResolved}
          onChange={(e) => onChange({ includeResolved: e.target.checked })}
        />
        <label htmlFor="tickets-resolved">Include resolved</label>
      </div>
    </search>
  );
}
