import { Link, useOutletContext } from 'react-router';
import { useCan } from '../api/session';
import type { Client } from '../api/types';
import { AssetFiltersBar } from './asset-filters-bar';
import { AssetsList } from './assets-list';
import { useAssetFilters } from './use-asset-filters';

/** The assets tab of the staff client page. */
export function ClientAssetsTab() {
  const client = useOutletContext<Client>();
  const [filters, setFilters] = useAssetFilters(client.id);
  const canAdd = useCan('assets:write') && !client.archived;
  return (
    <section aria-labelledby="assets-title" className="section">
      <div className="section__header">
        <h2 id="assets-title">Assets</h2>
        {canAdd && (
          <Link className="button button--primary" to={`/assets/new?client=${client.id}`}>
            Add asset
          </Link>
        )}
      </div>
      <AssetFiltersBar filters={filters} onChange={setFilters} withClient={false} />
      <AssetsList filters={filters} showClient={false} empty={`${client.name} has no assets yet.`} />
    </section>
  );
}
