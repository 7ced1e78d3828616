import { and, asc, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Workflow } from '../../domain/tickets/workflow.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { containsPattern, inScope } from '../../platform/db/query.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import type { TicketRow } from './ticket-clocks.js';
import type { TicketListQuery } from './tickets.schemas.js';
import { ticketEvents, ticketMessages, ticketQueues, ticketStatuses, tickets } from './tickets.tables.js';

export async function loadWorkflow(tx: DbOrTx): Promise<Workflow> {
  const rows = await tx.select().from(ticketStatuses).orderBy(asc(ticketStatuses.position));
  return {
    statuses: rows.map((r) => ({ code: r.code, label: r.label, phase: r.phase })),
    transitions: Object.fromEntries(rows.map((r) => [r.code, r.next])),
  };
}

export async function checkQueue(tx: DbOrTx, code: string) {
  const [row] = await tx.select().from(ticketQueues).where(eq(ticketQueues.code, code));
  if (!row)
    throw new AppError('UNPROCESSABLE', `There is no queue ${code}.`, [
      { field: 'body.queue', message: 'is not a queue' },
    ]);
  return row;
}

export async function triageQueue(tx: DbOrTx): Promise<string> {
  const [row] = await tx.select().from(ticketQueues).where(eq(ticketQueues.triage, true)).limit(1);
  return row?.code ?? 'triage';
}

/** A ticket in the caller's scope; a portal user's view of another client's ticket does not exist. */
export async function findTicket(
  tx: DbOrTx,
  scope: AccessScope,
  id: string,
  forUpdate = false,
): Promise<TicketRow> {
  const q = tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, id), inScope(scope, tickets.clientId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('TICKET_NOT_FOUND', 'Ticket', id);
  return row;
}

const QueueCursor = z.tuple([z.string().nullable(), z.number().int()]);

/** The queue: by the nearest SLA deadline, tickets with no running clock last, then by number. */
export async function listTickets(
  tx: DbOrTx,
  scope: AccessScope,
  query: TicketListQuery,
  me: string | null,
  now: Date,
): Promise<Page<TicketRow>> {
  const where: (SQL | undefined)[] = [inScope(scope, tickets.clientId)];
  if (query.status)
    where.push(
      inArray(
        tickets.status,
        query.status.split(',').map((s) => s.trim()),
      ),
    );
  else if (!query.include_resolved) where.push(isNull(tickets.resolvedAt));
  if (query.client_id) where.push(eq(tickets.clientId, query.client_id));
  if (query.queue) where.push(eq(tickets.queue, query.queue));
  if (query.priority) where.push(eq(tickets.priority, query.priority));
  if (query.assignee === 'none') where.push(isNull(tickets.assigneeId));
  else if (query.assignee === 'me') where.push(me ? eq(tickets.assigneeId, me) : sql`false`);
  else if (query.assignee) where.push(eq(tickets.assigneeId, query.assignee));
  if (query.breaching_within !== undefined)
    where.push(
      sql`${tickets.nextDeadlineAt} <= ${new Date(now.getTime() + query.breaching_within * 60_000)}`,
    );
  if (query.updated_since) where.push(gte(tickets.updatedAt, new Date(query.updated_since)));
  if (query.q) {
    const n = /^(?:T-)?0*(\d{1,15})$/i.exec(query.q)?.[1];
    const text = sql`${tickets.subject} ilike ${containsPattern(query.q)}`;
    where.push(n ? sql`(${tickets.number} = ${Number(n)} or ${text})` : text);
  }
  if (query.cursor) {
    const [deadline, number] = decodeCursor(query.cursor, QueueCursor);
    where.push(
      deadline === null
        ? sql`(${tickets.nextDeadlineAt} is null and ${tickets.number} > ${number})`
        : sql`((${tickets.nextDeadlineAt}, ${tickets.number}) > (${new Date(deadline)}, ${number}) or ${tickets.nextDeadlineAt} is null)`,
    );
  }
  const rows = await tx
    .select()
    .from(tickets)
    .where(and(...where))
    .orderBy(sql`${tickets.nextDeadlineAt} asc nulls last`, asc(tickets.number))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return {
    items,
    nextCursor: more && last ? encodeCursor([last.nextDeadlineAt?.toISOString() ?? null, last.number]) : null,
  };
}

// The mail channel's look-ups: threading by reference and by Message-ID, and what a reply mail needs.

export async function findTicketByNumber(tx: DbOrTx, number: number): Promise<TicketRow | null> {
  if (!Number.isSafeInteger(number) || number <= 0) return null;
  const [row] = await tx.select().from(tickets).where(eq(tickets.number, number));
  return row ?? null;
}

export async function ticketOfEmailMessageIds(tx: DbOrTx, ids: readonly string[]): Promise<string | null> {
  if (!ids.length) return null;
  const rows = await tx
    .select({ ticketId: ticketMessages.ticketId, emailMessageId: ticketMessages.emailMessageId })
    .from(ticketMessages)
    .where(inArray(ticketMessages.emailMessageId, [...ids]));
  // The nearest ancestor wins: callers list In-Reply-To first, then References from the newest.
  for (const id of ids) {
    const hit = rows.find((r) => r.emailMessageId === id);
    if (hit) return hit.ticketId;
  }
  return null;
}

export async function mailThreadOf(tx: DbOrTx, ticketId: string, messageId?: string) {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) return null;
  const messages = await tx
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const [created] = await tx
    .select({ actorUserId: ticketEvents.actorUserId })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, 'created')))
    .limit(1);
  return {
    ticket,
    createdBy: created?.actorUserId ?? null,
    emailMessageIds: messages.flatMap((m) => (m.emailMessageId ? [m.emailMessageId] : [])),
    message: messageId ? (messages.find((m) => m.id === messageId) ?? null) : null,
  };
}
