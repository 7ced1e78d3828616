/**
 * What assets need from the clients module, as plain functions the composition root wires to its
 * service (src/assets-wiring.ts). Assets never read another module's tables.
 */
import type { AccessScope } from '../../platform/auth/principal.js';

export type ClientRef = { id: string; name: string; archived: boolean };
export type SiteRef = { id: string; clientId: string; name: string; archived: boolean };
export type ContactRef = {
  id: string;
  clientId: string;
  name: string;
  email: string | null;
  archived: boolean;
};

export type AssetsPorts = {
  /** The client as the caller may see it, or null. */
  client(scope: AccessScope, clientId: string): Promise<ClientRef | null>;
  site(scope: AccessScope, siteId: string): Promise<SiteRef | null>;
  contact(scope: AccessScope, contactId: string): Promise<ContactRef | null>;
  /** Every live client (staff view): an import names clients by name or id. */
  liveClients(): Promise<{ id: string; name: string }[]>;
  /** A client's live sites and contacts: an import names them by name, email or id. */
  liveSites(clientId: string): Promise<{ id: string; name: string }[]>;
  liveContacts(clientId: string): Promise<{ id: string; name: string; email: string | null }[]>;
};
