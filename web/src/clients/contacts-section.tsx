import { useContacts, useSites } from '../api/children';
import type { Client } from '../api/types';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../ui/query-state';
import { ContactForm } from './contact-form';
import { ContactsTable } from './contacts-table';

type Props = { client: Client; canAdd: boolean };

/** The people at a client the MSP deals with; sites are loaded to name each contact's site. */
export function ContactsSection({ client, canAdd }: Props) {
  const contacts = useContacts(client.id);
  const sites = useSites(client.id);
  const siteList = sites.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="contacts-title" className="section">
      <h2 id="contacts-title">Contacts</h2>
      <QueryState query={contacts} loading="Loading contacts…">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return items.length ? (
            <>
              <ContactsTable contacts={items} sites={siteList} />
              <LoadMore query={contacts} />
            </>
          ) : (
            <p className="empty">No contacts yet.</p>
          );
        }}
      </QueryState>
      {canAdd && <ContactForm clientId={client.id} sites={siteList} />}
    </section>
  );
}
