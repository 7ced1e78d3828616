/**
 * How assets reach clients, sites and contacts: through the clients service only. Part of the
 * composition root (app.ts).
 */
import type { AssetsPorts } from './modules/assets/index.js';
import type { ClientsService } from './modules/clients/index.js';
import { staffScope } from './platform/auth/principal.js';
import { orNull } from './platform/errors.js';
import type { Page } from './platform/http/pagination.js';

/** Every item of a paged list, page by page. */
async function everyPage<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export function assetsPorts(clients: ClientsService): AssetsPorts {
  return {
    async client(scope, clientId) {
      const c = await orNull(clients.getClient(scope, clientId));
      return c && { id: c.id, name: c.name, archived: c.archived };
    },
    async site(scope, siteId) {
      const s = await orNull(clients.getSite(scope, siteId));
      return s && { id: s.id, clientId: s.clientId, name: s.name, archived: s.archived };
    },
    async contact(scope, contactId) {
      const c = await orNull(clients.getContact(scope, contactId));
      return c && { id: c.id, clientId: c.clientId, name: c.name, email: c.email, archived: c.archived };
    },
    liveClients: () => clients.listLiveClients(),
    async liveSites(clientId) {
      const sites = await everyPage((cursor) =>
        clients.listSites(staffScope, clientId, { limit: 200, cursor }),
      );
      return sites.map((s) => ({ id: s.id, name: s.name }));
    },
    async liveContacts(clientId) {
      const contacts = await everyPage((cursor) =>
        clients.listContacts(staffScope, clientId, { limit: 200, cursor }),
      );
      return contacts.map((c) => ({ id: c.id, name: c.name, email: c.email }));
    },
  };
}
