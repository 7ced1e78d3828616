import { useSearchParams } from 'react-router';
import type { ClientFilters } from '../api/clients';
import type { ClientStatus } from '../api/types';
import { statusLabels } from './format';

const isStatus = (s: string | null): s is ClientStatus => s !== null && s in statusLabels;

/** The list's filters live in the address, so a filtered list can be bookmarked and shared. */
export function useClientFilters(): [ClientFilters, (next: Partial<ClientFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: ClientFilters = {
    q: params.get('q') ?? '',
    status: isStatus(status) ? status : '',
    includeArchived: params.get('archived') === '1',
  };
  const update = (next: Partial<ClientFilters>) => {
    const merged = { ...filters, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.status) out.set('status', merged.status);
    if (merged.includeArchived) out.set('archived', '1');
    setParams(out, { replace: true });
  };
  return [filters, update];
}
