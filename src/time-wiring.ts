/**
 * How time entries reach tickets, clients, users, the catalog, agreements and SLA calendars: through
 * their services only. Part of the composition root (app.ts).
 */
import type { Agreement } from './domain/agreements/types.js';
import type { WeeklyHours } from './domain/entitlement/types.js';
import { namedSlaPolicy } from './domain/sla/notices.js';
import { isAssignable } from './helpdesk-wiring.js';
import type { AgreementsService, ClassificationService } from './modules/agreements/index.js';
import type { CatalogService } from './modules/catalog/index.js';
import type { ClientsService } from './modules/clients/index.js';
import type { IdentityService } from './modules/identity/index.js';
import type { SlaService } from './modules/sla/index.js';
import type { TicketsService } from './modules/tickets/index.js';
import type { TimePorts } from './modules/time/index.js';
import { staffScope } from './platform/auth/principal.js';
import { orNull } from './platform/errors.js';

type Services = {
  tickets: TicketsService;
  clients: ClientsService;
  identity: IdentityService;
  catalog: CatalogService;
  agreements: AgreementsService;
  classification: ClassificationService;
  sla: () => SlaService;
};

export function timePorts(s: Services): TimePorts {
  /**
   * The client's calendar is the one its SLA runs on (the policy an agreement names, else its kind's
   * default), read as wall-clock hours and dates in the client's own zone. A round-the-clock
   * calendar says when the MSP answers, not when the client works: the client then keeps
   * entitlement's default business hours, as does a client with no SLA at all.
   */
  async function calendarOf(
    clientId: string,
    day: string,
    agreements: Agreement[],
  ): Promise<{ businessHours?: WeeklyHours; holidays?: readonly string[] }> {
    let policyId = namedSlaPolicy(agreements);
    if (!policyId) {
      const { kind } = await s.classification.classify(clientId, day);
      policyId = (await s.sla().kindDefaults())[kind] ?? null;
    }
    if (!policyId) return {};
    const policy = await orNull(s.sla().getPolicy(policyId));
    const calendar = policy ? await orNull(s.sla().getCalendar(policy.calendarId)) : null;
    if (!calendar || calendar.always) return {};
    return { businessHours: calendar.hours as WeeklyHours, holidays: calendar.holidays };
  }

  return {
    async ticket(ticketId) {
      const ticket = await orNull(s.tickets.get(staffScope, ticketId));
      return ticket ? { id: ticket.id, clientId: ticket.clientId, category: ticket.category } : null;
    },
    async client(clientId) {
      const client = await orNull(s.clients.getClient(staffScope, clientId));
      return client ? { id: client.id, timeZone: client.timeZone, archived: client.archived } : null;
    },
    isStaff: (userId) => isAssignable(s.identity, userId),
    workTypes: async () => (await s.catalog.listWorkTypes()).filter((w) => w.active),
    unknownCategories: (codes) => s.catalog.unknownCategories(codes),
    async decidingContext(clientId, day) {
      const agreements = await s.agreements.forClient(clientId, day);
      return { agreements, ...(await calendarOf(clientId, day, agreements)) };
    },
  };
}
