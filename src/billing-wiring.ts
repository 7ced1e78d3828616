/**
 * How billing reaches clients, contacts and sites, agreements, managed assets, work types, tickets'
 * headings and time entries: through their services only. Part of the composition root (app.ts).
 */
import type { QuantityCounts } from './domain/billing/index.js';
import type { AgreementsService } from './modules/agreements/index.js';
import type { AssetsService } from './modules/assets/index.js';
import type { BillingClient, BillingPorts } from './modules/billing/index.js';
import type { CatalogService } from './modules/catalog/index.js';
import type { ClientsService } from './modules/clients/index.js';
import type { TicketsService } from './modules/tickets/index.js';
import type { TimeService } from './modules/time/index.js';
import { type AccessScope, staffScope } from './platform/auth/principal.js';
import { orNull } from './platform/errors.js';
import type { Page } from './platform/http/pagination.js';

type Services = {
  clients: ClientsService;
  agreements: AgreementsService;
  assets: Pick<AssetsService, 'countManaged'>;
  catalog: CatalogService;
  tickets: Pick<TicketsService, 'headings'>;
  time: TimeService;
};

type Client = Awaited<ReturnType<ClientsService['getClient']>>;

const billingClient = (c: Client): BillingClient => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  taxRateBp: c.taxRateBp,
  billingAddress: c.billingAddress,
  archived: c.archived,
});

/** Every item of a cursor-paged list (live ones only: the lists leave archived records out). */
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

const pageQuery = (cursor: string | undefined) => ({ limit: 200, cursor });

export function billingPorts(s: Services): BillingPorts {
  const contacts = (clientId: string) =>
    all((cursor) => s.clients.listContacts(staffScope, clientId, pageQuery(cursor)));

  return {
    async client(scope: AccessScope, clientId: string) {
      const client = await orNull(s.clients.getClient(scope, clientId));
      return client ? billingClient(client) : null;
    },
    async liveClients() {
      return (await all((cursor) => s.clients.listClients(staffScope, pageQuery(cursor)))).map(billingClient);
    },
    async billingEmail(clientId) {
      const list = await contacts(clientId);
      return list.find((c) => c.isBilling && c.email)?.email ?? null;
    },
    agreements: (clientIds) => s.agreements.signedForClients(clientIds),
    async counts(clientId, sources, at) {
      const counts: QuantityCounts = {};
      if (sources.has('active_contacts')) counts.active_contacts = (await contacts(clientId)).length;
      if (sources.has('sites'))
        counts.sites = (
          await all((cursor) => s.clients.listSites(staffScope, clientId, pageQuery(cursor)))
        ).length;
      if (sources.has('managed_assets')) counts.managed_assets = await s.assets.countManaged(clientId, at);
      return counts;
    },
    async workTypes() {
      return (await s.catalog.listWorkTypes()).map((w) => ({
        code: w.code,
        defaultRate: w.defaultRate,
        incrementMinutes: w.incrementMinutes,
        minimumMinutes: w.minimumMinutes,
      }));
    },
    ticketHeadings: (ids, tx) => s.tickets.headings(ids, tx),
    time: s.time,
  };
}
