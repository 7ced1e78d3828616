import { useSites } from '../api/children';
import type { Client } from '../api/types';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../ui/query-state';
import { SiteForm } from './site-form';
import { SitesTable } from './sites-table';

type Props = { client: Client; canAdd: boolean };

/** The client's offices and locations. */
export function SitesSection({ client, canAdd }: Props) {
  const sites = useSites(client.id);
  return (
    <section aria-labelledby="sites-title" className="section">
      <h2 id="sites-title">Sites</h2>
      <QueryState query={sites} loading="Loading sites…">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return items.length ? (
            <>
              <SitesTable sites={items} clientTimeZone={client.timeZone} />
              <LoadMore query={sites} />
            </>
          ) : (
            <p className="empty">No sites yet.</p>
          );
        }}
      </QueryState>
      {canAdd && <SiteForm clientId={client.id} clientTimeZone={client.timeZone} />}
    </section>
  );
}
