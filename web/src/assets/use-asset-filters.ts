import { useSearchParams } from 'react-router';
import type { AssetFilters } from '../api/assets';
import { isAssetType } from './labels';

/** The list's filters live in the address, so a filtered list can be bookmarked and shared. */
export function useAssetFilters(
  fixedClientId?: string,
): [AssetFilters, (next: Partial<AssetFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  const managed = params.get('managed');
  const filters: AssetFilters = {
    q: params.get('q') ?? '',
    clientId: fixedClientId ?? params.get('client') ?? '',
    type: isAssetType(type) ? type : '',
    managed: managed === 'true' || managed === 'false' ? managed : '',
    includeArchived: params.get('archived') === '1',
  };
  const update = (next: Partial<AssetFilters>) => {
    const merged = { ...filters, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.clientId && !fixedClientId) out.set('client', merged.clientId);
    if (merged.type) out.set('type', merged.type);
    if (merged.managed) out.set('managed', merged.managed);
    if (merged.includeArchived) out.set('archived', '1');
    setParams(out, { replace: true });
  };
  return [filters, update];
}
