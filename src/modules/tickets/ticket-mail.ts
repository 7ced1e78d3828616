/**
 * What the mail channel asks of tickets: threading by reference and Message-ID, and recording the
 * Message-IDs replies were mailed with. Staff scope: callers are channels, not users.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/store.js';
import { notFound } from '../../platform/errors.js';
import { findTicketByNumber, mailThreadOf, ticketOfEmailMessageIds } from './tickets.queries.js';
import { ticketMessages, tickets } from './tickets.tables.js';

export function createTicketMailLookups(db: Db) {
  return {
    /** The ticket a reference such as T-000123 names, or null. Staff scope: callers are channels, not users. */
    findByNumber: (number: number) => findTicketByNumber(db, number),

    /** The ticket one of these RFC 5322 Message-IDs was stored on, in or out, or null. */
    findByEmailMessageIds: (ids: readonly string[]) => ticketOfEmailMessageIds(db, ids),

    /** What an outgoing mail needs: the ticket, who raised it, the thread's Message-IDs, and one message. */
    mailThread: (ticketId: string, messageId?: string) => mailThreadOf(db, ticketId, messageId),

    /** Records the Message-ID a public reply was mailed with, so the answers to it thread. */
    async recordMailed(ticketId: string, messageId: string, emailMessageId: string, to: string) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(ticketMessages)
          .set({ emailMessageId })
          .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId)))
          .returning({ id: ticketMessages.id });
        if (!row) throw notFound('NOT_FOUND', 'Message', messageId);
        const [ticket] = await tx
          .select({ clientId: tickets.clientId })
          .from(tickets)
          .where(eq(tickets.id, ticketId));
        await recordAudit(tx, {
          action: 'mail',
          entityType: 'ticket',
          entityId: ticketId,
          clientId: ticket?.clientId ?? null,
          changes: { messageId, emailMessageId, to },
        });
      });
    },
  };
}
