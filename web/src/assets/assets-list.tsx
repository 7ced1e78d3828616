import { type AssetFilters, useAssets } from '../api/assets';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../ui/query-state';
import { AssetsTable } from './assets-table';

type Props = { filters: AssetFilters; showClient: boolean; empty: string };

/** One page of assets after another, for the filters given. */
export function AssetsList({ filters, showClient, empty }: Props) {
  const assets = useAssets(filters);
  const filtered =
    filters.q !== '' || filters.type !== '' || filters.managed !== '' || filters.includeArchived;
  return (
    <QueryState query={assets} loading="Loading assets…">
      {(data) => {
        const items = data.pages.flatMap((p) => p.items);
        if (items.length === 0)
          return <p className="empty">{filtered ? 'No asset matches these filters.' : empty}</p>;
        return (
          <>
            <AssetsTable assets={items} showClient={showClient} />
            <LoadMore query={assets} />
          </>
        );
      }}
    </QueryState>
  );
}
