/**
 * How alerts reach tickets, time, clients, assets and agreements: through their services only. Part
 * of the composition root (app.ts).
 */
import { inForce } from './domain/agreements/types.js';
import { type Level, levels, type Priority } from './domain/sla/priority.js';
import type { Phase } from './domain/tickets/workflow.js';
import type { AgreementsService } from './modules/agreements/index.js';
import type { AlertPorts } from './modules/alerts/index.js';
import type { AssetsService } from './modules/assets/index.js';
import type { ClientsService } from './modules/clients/index.js';
import type { SlaService } from './modules/sla/index.js';
import type { Actor, TicketsService } from './modules/tickets/index.js';
import type { TimeService } from './modules/time/index.js';
import { staffScope } from './platform/auth/principal.js';
import { AppError, orNull } from './platform/errors.js';

type Services = {
  tickets: TicketsService;
  time: TimeService;
  clients: ClientsService;
  assets: AssetsService;
  agreements: AgreementsService;
  sla: () => SlaService;
};

/** Tickets written by the alert lifecycle: staff-side, by no user, on the alert channel. */
const alertActor: Actor = { userId: null, contactId: null, staff: true, channel: 'alert' };

/** The impact and urgency the priority matrix turns into `priority`, most severe pair first. */
function levelsFor(matrix: Record<Level, Record<Level, Priority>>, priority: Priority) {
  for (const impact of levels)
    for (const urgency of levels) if (matrix[impact][urgency] === priority) return { impact, urgency };
  return null;
}

/** An update that lost a race with another writer of the ticket is tried again once. */
async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return work();
    throw err;
  }
}

export function alertPorts(s: Services): AlertPorts {
  async function client(clientId: string) {
    return orNull(s.clients.getClient(staffScope, clientId));
  }

  /** The first status in `phase` the ticket may move to from where it is. */
  async function statusIn(ticketId: string, phase: Phase): Promise<string | null> {
    const [ticket, workflow] = await Promise.all([s.tickets.get(staffScope, ticketId), s.tickets.workflow()]);
    const allowed = workflow.transitions[ticket.status] ?? [];
    return workflow.statuses.find((st) => st.phase === phase && allowed.includes(st.code))?.code ?? null;
  }

  return {
    tickets: {
      async open(input, link, at = new Date()) {
        const levelsOf = levelsFor(await s.sla().priorityMatrix(), input.priority);
        const ticket = await s.tickets.create(
          staffScope,
          {
            clientId: input.clientId,
            source: 'alert',
            type: 'incident',
            impact: levelsOf?.impact ?? 'medium',
            urgency: levelsOf?.urgency ?? 'medium',
            tags: ['alert'],
            subject: input.subject,
            description: input.description,
          },
          alertActor,
          at,
          (tx, written) => link(tx, written.ticketId),
        );
        // A matrix with no pair for this priority: set it directly.
        if (ticket.priority !== input.priority)
          await retryOnConflict(() =>
            s.tickets.update(staffScope, ticket.id, { priority: input.priority }, alertActor, at),
          );
        return { id: ticket.id };
      },

      async state(ticketId) {
        const ticket = await orNull(s.tickets.get(staffScope, ticketId));
        if (!ticket) return null;
        if (ticket.resolvedAt !== null) return { state: 'resolved', tags: ticket.tags };
        const messages = await s.tickets.messages(staffScope, ticketId);
        const wrote = messages.some((m) => m.byStaff && m.authorUserId !== null);
        const logged = wrote
          ? true
          : (
              await s.time.list(
                { limit: 1, ticket_id: ticketId },
                { userId: '00000000-0000-0000-0000-000000000000', canApprove: true },
              )
            ).items.length > 0;
        return { state: logged ? 'worked-on' : 'open', tags: ticket.tags };
      },

      async note(ticketId, body, within, to, at = new Date()) {
        const status = to ? await statusIn(ticketId, to) : null;
        await s.tickets.reply(
          staffScope,
          ticketId,
          { body, public: false, ...(status ? { status } : {}) },
          alertActor,
          at,
          (tx) => within(tx),
        );
      },

      async tag(ticketId, tag, at = new Date()) {
        await retryOnConflict(async () => {
          const ticket = await s.tickets.get(staffScope, ticketId);
          if (ticket.tags.includes(tag)) return;
          await s.tickets.update(
            staffScope,
            ticketId,
            { tags: [...ticket.tags, tag].slice(-20) },
            alertActor,
            at,
          );
        });
      },

      async setClient(ticketId, clientId) {
        await retryOnConflict(() => s.tickets.update(staffScope, ticketId, { clientId }, alertActor));
      },
    },

    async assetIdentities() {
      return s.assets.listIdentities();
    },
    async findAssetByIdentity(identity) {
      const asset = await s.assets.findByIdentity(identity);
      return asset && { id: asset.id, clientId: asset.clientId, siteId: asset.siteId };
    },
    async assetName(assetId) {
      return (await orNull(s.assets.get(staffScope, assetId)))?.name ?? null;
    },
    async clientExists(clientId) {
      const c = await client(clientId);
      return c !== null && !c.archived;
    },
    async assetOfClient(clientId, assetId) {
      const asset = await orNull(s.assets.get(staffScope, assetId));
      return asset !== null && asset.clientId === clientId && !asset.archived;
    },
    async clientTimeZone(clientId) {
      return (await client(clientId))?.timeZone ?? null;
    },
    /** The strictest target among the agreements in force that day. */
    async availabilityTarget(clientId, day) {
      const targets = (await s.agreements.forClient(clientId, day))
        .filter((a) => inForce(a, day) && typeof a.availabilityTargetPercent === 'number')
        .map((a) => a.availabilityTargetPercent!);
      return targets.length ? Math.max(...targets) : null;
    },
    async clientsWithTargets(day) {
      const live = await s.clients.listLiveClients();
      const byClient = await s.agreements.forClients(
        live.map((c) => c.id),
        day,
      );
      return [...byClient]
        .filter(([, list]) =>
          list.some((a) => inForce(a, day) && typeof a.availabilityTargetPercent === 'number'),
        )
        .map(([id]) => id);
    },
  };
}
