/**
 * How the helpdesk reaches clients, users, the catalog, agreements and SLA policies: through their
 * services only. Part of the composition root (app.ts).
 */
import type {
  AgreementsService,
  ClassificationService,
  EntitlementService,
} from './modules/agreements/index.js';
import type { CatalogService } from './modules/catalog/index.js';
import type { ClientsService } from './modules/clients/index.js';
import type { IdentityService } from './modules/identity/index.js';
import type { SlaService } from './modules/sla/index.js';
import type { TicketPorts } from './modules/tickets/index.js';
import { staffScope } from './platform/auth/principal.js';
import { AppError } from './platform/errors.js';

type Services = {
  clients: ClientsService;
  identity: IdentityService;
  catalog: CatalogService;
  agreements: AgreementsService;
  classification: ClassificationService;
  entitlement: EntitlementService;
  sla: () => SlaService;
};

const orNull = <T>(work: Promise<T>): Promise<T | null> =>
  work.catch((err) => {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  });

/** Work that is neither billable nor covered by a prepaid balance at the moment it is logged. */
const notBillable = new Set(['covered', 'internal', 'block', 'retainer']);

export async function isAssignable(identity: IdentityService, userId: string) {
  const user = await orNull(identity.getUser(userId));
  return user !== null && user.role !== 'portal' && user.disabledAt === null;
}

export function helpdeskPorts(s: Services): TicketPorts {
  return {
    async liveClient(scope, clientId) {
      const client = await orNull(s.clients.getClient(scope, clientId));
      return client && !client.archived ? { id: client.id } : null;
    },
    async contactOfClient(clientId, contactId) {
      const contact = await orNull(s.clients.getContact(staffScope, contactId));
      return contact && contact.clientId === clientId ? { id: contact.id, email: contact.email } : null;
    },
    async siteOfClient(clientId, siteId) {
      const site = await orNull(s.clients.getSite(staffScope, siteId));
      return site !== null && site.clientId === clientId;
    },
    unknownCategories: s.catalog.unknownCategories,
    isAssignable: (userId) => isAssignable(s.identity, userId),
    priorityMatrix: () => s.sla().priorityMatrix(),
    slaPolicy: (policyId) => s.sla().resolved(policyId),

    /** The SLA an agreement in force names wins; otherwise the default of the client's kind. */
    async slaForClient(clientId, at) {
      if (!clientId) return null;
      const day = at.toISOString().slice(0, 10);
      const agreements = await s.agreements.forClient(clientId, day);
      const named =
        agreements.find((a) => a.slaPolicyId && a.status === 'active' && a.kind === 'managed') ??
        agreements.find((a) => a.slaPolicyId && a.status === 'active');
      if (named?.slaPolicyId) return s.sla().resolved(named.slaPolicyId);
      const { kind } = await s.classification.classify(clientId, day);
      const policyId = (await s.sla().kindDefaults())[kind];
      return policyId ? s.sla().resolved(policyId) : null;
    },

    async entitlement(clientId, category, at) {
      // A ticket has no work yet: ask about its first minute, which is what decides coverage.
      const end = new Date(at.getTime() + 60_000).toISOString();
      const outcome = await s.entitlement.check(staffScope, {
        clientId,
        category,
        workType: 'remote',
        start: at.toISOString(),
        end,
      });
      return {
        kind: outcome.kind,
        agreementId: 'agreementId' in outcome ? outcome.agreementId : null,
        rule: outcome.rule,
        billable: !notBillable.has(outcome.kind),
      };
    },
  };
}
