import { useOutletContext } from 'react-router';
import { useCan } from '../api/session';
import type { Client } from '../api/types';
import { ContactsSection } from './contacts-section';
import { SitesSection } from './sites-section';

/** The contacts and sites tabs of the staff client page. */
export function ClientContactsTab() {
  const client = useOutletContext<Client>();
  const canAdd = useCan('contacts:write') && !client.archived;
  return <ContactsSection client={client} canAdd={canAdd} />;
}

export function ClientSitesTab() {
  const client = useOutletContext<Client>();
  const canAdd = useCan('sites:write') && !client.archived;
  return <SitesSection client={client} canAdd={canAdd} />;
}
