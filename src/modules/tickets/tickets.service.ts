import { eq, inArray } from 'drizzle-orm';
import { priorityOf } from '../../domain/sla/priority.js';
import { initialStatus, phaseOf, transitionProblem, type Workflow } from '../../domain/tickets/workflow.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { currentContext } from '../../platform/context.js';
import type { Db, DbOrTx, Tx } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { clockColumns, clocksOf, storeClocks, type TicketRow, ticketHistory } from './ticket-clocks.js';
import { createTicketMailLookups } from './ticket-mail.js';
import { createTicketSettings } from './ticket-settings.js';
import { ticketWriter } from './ticket-writer.js';
import type { ResolvedSla, TicketPorts } from './tickets.ports.js';
import { presentEvent, presentMessage, presentTicket } from './tickets.presenters.js';
import { checkQueue, findTicket, listTickets, loadWorkflow } from './tickets.queries.js';
import type { CreateTicketInput, ReplyInput, TicketListQuery, UpdateTicketInput } from './tickets.schemas.js';
import { ticketEvents, ticketMessages, tickets } from './tickets.tables.js';

/** Who acts: a signed-in user from the request, or a contact writing in by mail. */
export type Actor = {
  userId: string | null;
  contactId: string | null;
  staff: boolean;
  channel: 'web' | 'portal' | 'email' | 'api' | 'alert';
};

export function actorOfContext(): Actor {
  const p = currentContext()?.principal;
  if (!p) return { userId: null, contactId: null, staff: true, channel: 'api' };
  const staff = p.role !== 'portal';
  return {
    userId: p.userId,
    contactId: null,
    staff,
    channel: !staff ? 'portal' : p.via === 'token' ? 'api' : 'web',
  };
}

/** A public or internal message written, announced once its transaction has committed (outgoing mail listens). */
export type TicketMessageEvent = {
  kind: 'created' | 'reply';
  ticketId: string;
  /** Null when a ticket was created without a description. */
  messageId: string | null;
  public: boolean;
  byStaff: boolean;
  channel: Actor['channel'];
  actorUserId: string | null;
};

/** Work a channel adds to the same transaction (mail: its attachments), so nothing is half-written. */
export type Within = (tx: Tx, written: { ticketId: string; messageId: string | null }) => Promise<void>;

const unprocessable = (field: string, detail: string) =>
  new AppError('UNPROCESSABLE', detail, [{ field: `body.${field}`, message: detail }]);

export function createTicketsService(db: Db, ports: TicketPorts) {
  const writeTicket = ticketWriter(db);
  const settings = createTicketSettings(db);
  const listeners: ((event: TicketMessageEvent) => Promise<void>)[] = [];
  // A listener's failure never undoes a committed write: listeners log their own errors.
  const announce = async (event: TicketMessageEvent) => {
    await Promise.allSettled(listeners.map((listen) => listen(event)));
  };
  const resolvedListeners: ((ticket: TicketRow) => Promise<void>)[] = [];
  /** Heard once a ticket moves into a resolved or closed status from an open one (CSAT listens). */
  const announceResolved = async (before: TicketRow | null, after: TicketRow) => {
    if (before?.resolvedAt || !after.resolvedAt) return;
    await Promise.allSettled(resolvedListeners.map((listen) => listen(after)));
  };

  async function event(
    tx: DbOrTx,
    ticketId: string,
    actor: Actor,
    kind: string,
    data: Record<string, unknown>,
    at: Date,
  ) {
    await tx.insert(ticketEvents).values({
      ticketId,
      at,
      kind,
      data,
      byStaff: actor.staff,
      actorUserId: actor.userId,
      actorContactId: actor.contactId,
    });
  }

  type Parties = Pick<Partial<CreateTicketInput>, 'contactId' | 'siteId' | 'category' | 'assigneeId'>;
  async function checkParties(
    scope: AccessScope,
    clientId: string | null,
    input: Parties,
    newClient: boolean,
  ) {
    if (newClient && clientId && !(await ports.liveClient(scope, clientId)))
      throw new AppError(
        'CLIENT_NOT_FOUND',
        `Client ${clientId} does not exist, is archived or is not visible to you.`,
      );
    if (input.contactId && (!clientId || !(await ports.contactOfClient(clientId, input.contactId))))
      throw unprocessable('contactId', 'is not a contact of this client');
    if (input.siteId && (!clientId || !(await ports.siteOfClient(clientId, input.siteId))))
      throw unprocessable('siteId', 'is not a site of this client');
    if (input.category && (await ports.unknownCategories([input.category])).length)
      throw unprocessable('category', `is not a service category: ${input.category}`);
    if (input.assigneeId && !(await ports.isAssignable(input.assigneeId)))
      throw unprocessable('assigneeId', 'is not a staff user who can take tickets');
  }

  async function slaOf(row: Pick<TicketRow, 'slaPolicyId'>) {
    return row.slaPolicyId ? ports.slaPolicy(row.slaPolicyId) : null;
  }

  /** `sla` is read before any transaction: on the embedded store a transaction holds the only connection. */
  async function present(
    tx: DbOrTx,
    row: TicketRow,
    scope: AccessScope,
    sla: ResolvedSla | null,
    now = new Date(),
  ) {
    const clocks = clocksOf(row, await ticketHistory(tx, row.id), sla, now);
    return presentTicket(row, clocks, scope);
  }

  function checkMove(workflow: Workflow, from: string, to: string) {
    const problem = transitionProblem(workflow, from, to);
    if (problem?.code === 'UNKNOWN_STATUS') throw unprocessable('status', `is not a status: ${to}`);
    if (problem?.code === 'TRANSITION_NOT_ALLOWED')
      throw new AppError(
        'TICKET_TRANSITION',
        `A ticket cannot move from ${from} to ${to}; allowed: ${problem.allowed.join(', ') || 'none'}.`,
        [{ field: 'body.status', message: `allowed from ${from}: ${problem.allowed.join(', ')}` }],
      );
  }

  /** Status moves keep resolvedAt/closedAt and the history the clocks read in step. */
  async function move(tx: DbOrTx, row: TicketRow, workflow: Workflow, to: string, actor: Actor, now: Date) {
    checkMove(workflow, row.status, to);
    if (to === row.status) return {};
    const phase = phaseOf(workflow, to);
    await event(tx, row.id, actor, 'status', { from: row.status, to, phase }, now);
    const done = phase === 'resolved' || phase === 'closed';
    return {
      status: to,
      resolvedAt: done ? (row.resolvedAt ?? now) : null,
      closedAt: phase === 'closed' ? now : null,
    };
  }

  return {
    async create(
      scope: AccessScope,
      input: CreateTicketInput & { emailMessageId?: string | null },
      actor: Actor = actorOfContext(),
      now = new Date(),
      within?: Within,
    ) {
      const staff = scope.kind === 'staff';
      const clientId = staff ? (input.clientId ?? null) : scope.clientId;
      if (!staff && (input.assigneeId || input.queue))
        throw new AppError('FORBIDDEN', 'Portal users cannot assign tickets or choose queues.');
      await checkParties(scope, clientId, input, true);
      const [matrix, sla, entitlement] = await Promise.all([
        ports.priorityMatrix(),
        ports.slaForClient(clientId, now),
        clientId ? ports.entitlement(clientId, input.category ?? null, now) : null,
      ]);
      const [workflow, queue] = await Promise.all([
        settings.cachedWorkflow(),
        input.queue ? settings.queueCode(input.queue) : clientId ? 'service-desk' : settings.triageQueue(),
      ]);
      const priority = priorityOf(matrix, input.impact, input.urgency);
      // A new ticket's clocks need no history: they start now, at its priority's targets.
      const clocks = clocksOf({ createdAt: now, priority } as TicketRow, [], sla, now);
      const { row: stored, messageId } = await writeTicket({
        row: {
          clientId,
          contactId: input.contactId ?? null,
          siteId: input.siteId ?? null,
          requesterEmail: input.requesterEmail ?? null,
          source: staff ? input.source : 'portal',
          type: input.type,
          category: input.category ?? null,
          impact: input.impact,
          urgency: input.urgency,
          priority,
          status: initialStatus(workflow),
          queue,
          assigneeId: input.assigneeId ?? null,
          tags: input.tags,
          subject: input.subject,
          slaPolicyId: sla?.policyId ?? null,
          entitlement,
          ...clockColumns(clocks, now),
          createdAt: now,
          updatedAt: now,
        },
        event: {
          at: now,
          kind: 'created',
          data: { source: staff ? input.source : 'portal', priority, queue },
          byStaff: actor.staff,
          actorUserId: actor.userId,
          actorContactId: actor.contactId,
        },
        // The description is the requester's words, never a response: it gets no 'reply' event.
        description: input.description
          ? {
              public: true,
              byStaff: actor.staff,
              authorUserId: actor.userId,
              authorContactId: actor.contactId ?? input.contactId ?? null,
              fromAddress: input.requesterEmail ?? null,
              body: input.description,
              channel: actor.channel,
              emailMessageId: input.emailMessageId ?? null,
              createdAt: now,
            }
          : null,
        within,
        audit: (ticketId) => ({
          action: 'create',
          entityType: 'ticket',
          entityId: ticketId,
          clientId,
          changes: { subject: input.subject, priority, queue },
        }),
      });
      const created = presentTicket(stored, clocks, scope);
      await announce({
        kind: 'created',
        ticketId: created.id,
        messageId,
        public: true,
        byStaff: actor.staff,
        channel: actor.channel,
        actorUserId: actor.userId,
      });
      return created;
    },

    async get(scope: AccessScope, id: string) {
      const row = await findTicket(db, scope, id);
      return present(db, row, scope, await slaOf(row));
    },

    /**
     * '#123 Printer offline' for each ticket found, by id: how other modules name tickets. Read in
     * the caller's transaction when given one.
     */
    async headings(ids: readonly string[], tx: DbOrTx = db): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const rows = await tx
        .select({ id: tickets.id, number: tickets.number, subject: tickets.subject })
        .from(tickets)
        .where(inArray(tickets.id, unique));
      return new Map(rows.map((r) => [r.id, `#${r.number} ${r.subject}`]));
    },

    async list(scope: AccessScope, query: TicketListQuery, me: string | null) {
      const now = new Date();
      const page = await listTickets(db, scope, query, me, now);
      // The queue shows stored deadlines; live clocks are on the ticket itself.
      return { ...page, items: page.items.map((row) => presentTicket(row, [], scope)) };
    },

    async update(
      scope: AccessScope,
      id: string,
      patch: UpdateTicketInput,
      actor: Actor = actorOfContext(),
      now = new Date(),
    ) {
      if (scope.kind !== 'staff') {
        const allowed = new Set(['status']);
        const denied = Object.keys(patch).filter((k) => !allowed.has(k));
        if (denied.length)
          throw new AppError('FORBIDDEN', `Portal users cannot change ${denied.join(', ')}.`);
      }
      // Everything read from other modules is read first: no transaction is open while they run.
      const current = await findTicket(db, scope, id);
      const clientId = patch.clientId ?? current.clientId;
      const clientChanged = patch.clientId !== undefined && patch.clientId !== current.clientId;
      await checkParties(scope, clientId, patch, clientChanged);
      const set: Partial<TicketRow> = {};
      for (const k of [
        'contactId',
        'siteId',
        'type',
        'category',
        'assigneeId',
        'tags',
        'subject',
        'problemId',
        'clientId',
      ] as const)
        if (patch[k] !== undefined) (set as Record<string, unknown>)[k] = patch[k];
      // The old client's contact and site mean nothing for the new one.
      if (clientChanged) {
        set.contactId = patch.contactId ?? null;
        set.siteId = patch.siteId ?? null;
      }
      const impact = patch.impact ?? current.impact;
      const urgency = patch.urgency ?? current.urgency;
      if (patch.priority) set.priority = patch.priority;
      else if (patch.impact || patch.urgency)
        set.priority = priorityOf(await ports.priorityMatrix(), impact, urgency);
      if (patch.impact) set.impact = impact;
      if (patch.urgency) set.urgency = urgency;
      // A new client brings its own SLA, counted from the ticket's original start.
      let sla = await slaOf(current);
      if (clientChanged) {
        sla = await ports.slaForClient(clientId, current.createdAt);
        set.slaPolicyId = sla?.policyId ?? null;
      }
      const categoryChanged = patch.category !== undefined && patch.category !== current.category;
      if (clientId && (clientChanged || categoryChanged))
        set.entitlement = await ports.entitlement(clientId, set.category ?? current.category, now);

      const [result, stored] = await db.transaction(async (tx) => {
        const before = await findTicket(tx, scope, id, true);
        if (before.updatedAt.getTime() !== current.updatedAt.getTime())
          throw new AppError('CONFLICT', `Ticket ${id} changed while this change was prepared: try again.`);
        if (patch.queue) set.queue = (await checkQueue(tx, patch.queue)).code;
        else if (clientChanged && before.clientId === null) set.queue = 'service-desk';
        if (patch.status)
          Object.assign(set, await move(tx, before, await loadWorkflow(tx), patch.status, actor, now));

        const changes = diff(before as Record<string, unknown>, set as Record<string, unknown>);
        const tracked = [
          'priority',
          'impact',
          'urgency',
          'type',
          'subject',
          'tags',
          'assigneeId',
          'clientId',
          'category',
          'queue',
          'problemId',
        ] as const;
        for (const field of tracked)
          if (changes[field])
            await event(
              tx,
              id,
              actor,
              field === 'assigneeId' ? 'assigned' : field,
              { from: before[field], to: set[field] },
              now,
            );
        const [updated] = await tx
          .update(tickets)
          .set({ ...set, updatedAt: now })
          .where(eq(tickets.id, id))
          .returning();
        const stored = await storeClocks(tx, updated!, sla, now);
        await recordAudit(tx, {
          action: 'update',
          entityType: 'ticket',
          entityId: id,
          clientId: stored.clientId,
          changes,
        });
        return [await present(tx, stored, scope, sla, now), stored] as const;
      });
      await announceResolved(current, stored);
      return result;
    },

    async reply(
      scope: AccessScope,
      id: string,
      input: ReplyInput & { fromAddress?: string | null; emailMessageId?: string | null },
      actor: Actor = actorOfContext(),
      now = new Date(),
      within?: Within,
    ) {
      if (!actor.staff && !input.public)
        throw new AppError('FORBIDDEN', 'Only staff can write internal notes.');
      const sla = await slaOf(await findTicket(db, scope, id));
      const replied = await db.transaction(async (tx) => {
        const before = await findTicket(tx, scope, id, true);
        const [message] = await tx
          .insert(ticketMessages)
          .values({
            ticketId: id,
            public: input.public,
            byStaff: actor.staff,
            authorUserId: actor.userId,
            authorContactId: actor.contactId,
            fromAddress: input.fromAddress ?? null,
            body: input.body,
            channel: actor.channel,
            emailMessageId: input.emailMessageId ?? null,
            createdAt: now,
          })
          .returning();
        await event(tx, id, actor, 'reply', { public: input.public, messageId: message!.id }, now);
        await within?.(tx, { ticketId: id, messageId: message!.id });
        const workflow = await loadWorkflow(tx);
        const set = input.status ? await move(tx, before, workflow, input.status, actor, now) : {};
        const [updated] = await tx
          .update(tickets)
          .set({ ...set, updatedAt: now })
          .where(eq(tickets.id, id))
          .returning();
        const stored = await storeClocks(tx, updated!, sla, now);
        await recordAudit(tx, {
          action: input.public ? 'reply' : 'note',
          entityType: 'ticket',
          entityId: id,
          clientId: stored.clientId,
          changes: {
            messageId: message!.id,
            ...(input.status ? { status: [before.status, input.status] } : {}),
          },
        });
        return {
          message: presentMessage(message!),
          ticket: await present(tx, stored, scope, sla, now),
          before,
          stored,
        };
      });
      await announceResolved(replied.before, replied.stored);
      await announce({
        kind: 'reply',
        ticketId: id,
        messageId: replied.message.id,
        public: input.public,
        byStaff: actor.staff,
        channel: actor.channel,
        actorUserId: actor.userId,
      });
      return { message: replied.message, ticket: replied.ticket };
    },

    async messages(scope: AccessScope, id: string) {
      await findTicket(db, scope, id);
      const rows = await db
        .select()
        .from(ticketMessages)
        .where(eq(ticketMessages.ticketId, id))
        .orderBy(ticketMessages.createdAt, ticketMessages.id);
      return rows.filter((m) => scope.kind === 'staff' || m.public).map(presentMessage);
    },

    async history(scope: AccessScope, id: string) {
      await findTicket(db, scope, id);
      const rows = await ticketHistory(db, id);
      // Internal notes leave a trace in history; portal users see only what they could read anyway.
      return rows
        .filter((e) => scope.kind === 'staff' || e.kind !== 'reply' || e.data.public === true)
        .map(presentEvent);
    },

    ...settings.api,

    /** Calls `listener` after every committed create and reply (outgoing mail). */
    onMessage(listener: (event: TicketMessageEvent) => Promise<void>) {
      listeners.push(listener);
    },

    /** Calls `listener` once a ticket is resolved (or closed) from an open status. */
    onResolved(listener: (ticket: TicketRow) => Promise<void>) {
      resolvedListeners.push(listener);
    },

    ...createTicketMailLookups(db),
  };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
