import { Link } from 'react-router';
import { useCan } from '../api/session';
import { PageHeader } from '../ui/page-header';
import { AssetFiltersBar } from './asset-filters-bar';
import { AssetsList } from './assets-list';
import { useAssetFilters } from './use-asset-filters';

/** Every client's assets in one list, with filters. */
export function AssetsPage() {
  const [filters, setFilters] = useAssetFilters();
  const canWrite = useCan('assets:write');
  return (
    <>
      <PageHeader
        title="Assets"
        subtitle="Devices and services looked after for clients; managed ones count toward per-device billing."
        actions={
          canWrite && (
            <>
              <Link className="button" to="/assets/import">
                Import CSV
              </Link>
              <Link className="button button--primary" to="/assets/new">
                New asset
              </Link>
            </>
          )
        }
      />
      <AssetFiltersBar filters={filters} onChange={setFilters} withClient />
      <AssetsList filters={filters} showClient empty="No assets yet: add one, or import a CSV file." />
    </>
  );
}
