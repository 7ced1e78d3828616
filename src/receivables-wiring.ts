/**
 * How payments, receivables, reminders and invoice mail reach clients and their billing contacts:
 * through the clients service only. Part of the composition root (app.ts).
 */

import type { ReceivablesPorts } from './modules/billing/index.js';
import type { ClientsService } from './modules/clients/index.js';
import { staffScope } from './platform/auth/principal.js';
import { orNull } from './platform/errors.js';
import type { Page } from './platform/http/pagination.js';

/** Every item of a cursor-paged list. */
async function all<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export function receivablesPorts(clients: ClientsService): ReceivablesPorts {
  return {
    async client(clientId) {
      const client = await orNull(clients.getClient(staffScope, clientId));
      return client ? { id: client.id, name: client.name, archived: client.archived } : null;
    },
    async clientNames(clientIds) {
      const wanted = new Set(clientIds);
      const names = new Map<string, string>();
      if (!wanted.size) return names;
      // One client: one lookup; many (a receivables report): one pass over the list, archived included.
      if (wanted.size === 1) {
        const [id] = wanted;
        const client = await orNull(clients.getClient(staffScope, id!));
        if (client) names.set(client.id, client.name);
        return names;
      }
      const list = await all((cursor) =>
        clients.listClients(staffScope, { limit: 200, cursor, include_archived: true }),
      );
      for (const c of list) if (wanted.has(c.id)) names.set(c.id, c.name);
      return names;
    },
    async billingContacts(clientId) {
      const contacts = await all((cursor) =>
        clients.listContacts(staffScope, clientId, { limit: 200, cursor }),
      );
      const addresses = contacts.filter((c) => c.isBilling && !c.archived && c.email).map((c) => c.email!);
      return [...new Set(addresses)];
    },
  };
}
