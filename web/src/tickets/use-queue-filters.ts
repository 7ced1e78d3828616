import { useSearchParams } from 'react-router';
import type { Priority, QueueFilters } from '../api/ticket-types';
import { priorities } from './labels';

const views: readonly QueueFilters['view'][] = ['all', 'mine', 'unassigned', 'breaching'];

/** The queue's tab and filters live in the address, so a view can be bookmarked and shared. */
export function useQueueFilters(): [QueueFilters, (next: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') as QueueFilters['view'] | null;
  const priority = params.get('priority') as Priority | null;
  const filters: QueueFilters = {
    view: view && views.includes(view) ? view : 'all',
    q: params.get('q') ?? '',
    clientId: params.get('client') ?? '',
    priority: priority && priorities.includes(priority) ? priority : '',
    status: params.get('status') ?? '',
    queue: params.get('queue') ?? '',
    includeResolved: params.get('resolved') === '1',
  };
  const update = (next: Partial<QueueFilters>) => {
    const m = { ...filters, ...next };
    const out = new URLSearchParams();
    if (m.view !== 'all') out.set('view', m.view);
    if (m.q) out.set('q', m.q);
    if (m.clientId) out.set('client', m.clientId);
    if (m.priority) out.set('priority', m.priority);
    if (m.status) out.set('status', m.status);
    if (m.queue) out.set('queue', m.queue);
    if (m.includeResolved) out.set('resolved', '1');
    setParams(out, { replace: true });
  };
  return [filters, update];
}
