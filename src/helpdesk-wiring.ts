/**
 * How the helpdesk reaches clients, users, the catalog, agreements and SLA policies: through their
 * services only. Part of the composition root (app.ts).
 */

import { openingBalances } from './domain/entitlement/balances.js';
import { decideEntitlement } from './domain/entitlement/decide.js';
import { billedAsDone } from './domain/entitlement/types.js';
import { namedSlaPolicy } from './domain/sla/notices.js';
import type { AgreementsService, ClassificationService } from './modules/agreements/index.js';
import type { CatalogService } from './modules/catalog/index.js';
import type { ClientsService } from './modules/clients/index.js';
import type { IdentityService } from './modules/identity/index.js';
import type { SlaService } from './modules/sla/index.js';
import type { TicketPorts } from './modules/tickets/index.js';
import { staffScope } from './platform/auth/principal.js';
import { ttlCache } from './platform/cache.js';
import { orNull } from './platform/errors.js';

type Services = {
  clients: ClientsService;
  identity: IdentityService;
  catalog: CatalogService;
  agreements: AgreementsService;
  classification: ClassificationService;
  sla: () => SlaService;
};

export async function isAssignable(identity: IdentityService, userId: string) {
  const user = await orNull(identity.getUser(userId));
  return user !== null && user.role !== 'portal' && user.disabledAt === null;
}

/**
 * What a new ticket needs to know about its client, read once and kept briefly: tickets arrive in
 * bursts (an outage, a mail storm) and each would otherwise reload the same agreements.
 */
const contextMs = 2_000;

export function helpdeskPorts(s: Services): TicketPorts {
  const clientContext = ttlCache(contextMs, async (key: string) => {
    const [clientId, day] = key.split('|') as [string, string];
    const client = await orNull(s.clients.getClient(staffScope, clientId));
    if (!client) return null;
    return { client, agreements: await s.agreements.forClient(clientId, day) };
  });
  const workTypes = ttlCache(contextMs, async () =>
    (await s.catalog.listWorkTypes()).filter((w) => w.active),
  );
  const categories = ttlCache(
    contextMs,
    async (code: string) => (await s.catalog.unknownCategories([code])).length === 0,
  );
  const contextOf = (clientId: string, at: Date) =>
    clientContext.get(`${clientId}|${at.toISOString().slice(0, 10)}`);
  /** The SLA an agreement in force names wins; otherwise the default of the client's kind. */
  const slaPolicyOf = ttlCache(contextMs, async (key: string): Promise<string | null> => {
    const [clientId, day] = key.split('|') as [string, string];
    const ctx = await clientContext.get(key);
    const named = namedSlaPolicy(ctx?.agreements ?? []);
    if (named) return named;
    const { kind } = await s.classification.classify(clientId, day);
    return (await s.sla().kindDefaults())[kind] ?? null;
  });

  return {
    async liveClient(scope, clientId) {
      if (scope.kind === 'client' && scope.clientId !== clientId) return null;
      const ctx = await contextOf(clientId, new Date());
      return ctx && !ctx.client.archived ? { id: clientId } : null;
    },
    async contactOfClient(clientId, contactId) {
      const contact = await orNull(s.clients.getContact(staffScope, contactId));
      return contact && contact.clientId === clientId ? { id: contact.id, email: contact.email } : null;
    },
    async siteOfClient(clientId, siteId) {
      const site = await orNull(s.clients.getSite(staffScope, siteId));
      return site !== null && site.clientId === clientId;
    },
    async unknownCategories(codes) {
      const known = await Promise.all(codes.map((c) => categories.get(c)));
      return codes.filter((_, i) => !known[i]);
    },
    isAssignable: (userId) => isAssignable(s.identity, userId),
    priorityMatrix: () => s.sla().priorityMatrix(),
    slaPolicy: (policyId) => s.sla().resolved(policyId),

    async slaForClient(clientId, at) {
      if (!clientId) return null;
      const policyId = await slaPolicyOf.get(`${clientId}|${at.toISOString().slice(0, 10)}`);
      return policyId ? s.sla().resolved(policyId) : null;
    },

    async entitlement(clientId, category, at) {
      const ctx = await contextOf(clientId, at);
      if (!ctx) return null;
      // A ticket has no work yet: ask about its first minute, which is what decides coverage. A ticket
      // nobody has categorised is a support request: helpdesk, until a technician says otherwise.
      const unit = {
        clientId,
        category: category ?? 'helpdesk',
        workType: 'remote',
        start: at.toISOString(),
        end: new Date(at.getTime() + 60_000).toISOString(),
      };
      const outcome = decideEntitlement(unit, {
        timeZone: ctx.client.timeZone,
        agreements: ctx.agreements,
        workTypes: await workTypes.get(null),
        ...openingBalances(ctx.agreements),
      });
      return {
        kind: outcome.kind,
        agreementId: 'agreementId' in outcome ? outcome.agreementId : null,
        rule: outcome.rule,
        billable: billedAsDone(outcome.kind),
      };
    },
  };
}
