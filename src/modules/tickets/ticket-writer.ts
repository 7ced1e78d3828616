/**
 * New tickets are written in groups: tickets arriving together (an outage, a mail storm, an alert
 * burst) share one transaction of four multi-row INSERTs — tickets, their 'created' events, their
 * descriptions and their audit rows — instead of four statements each. Ids are made here, so rows
 * are matched by id, never by the order the database returns them in.
 */

import { type AuditEntry, recordAuditOf } from '../../platform/audit/audit.js';
import { currentContext, type RequestContext } from '../../platform/context.js';
import { createBatcher } from '../../platform/db/batcher.js';
import { newId } from '../../platform/db/columns.js';
import type { Db, Tx } from '../../platform/db/store.js';
import type { TicketRow } from './ticket-clocks.js';
import { ticketEvents, ticketMessages, tickets } from './tickets.tables.js';

export type NewTicket = {
  row: Omit<typeof tickets.$inferInsert, 'id'>;
  event: Omit<typeof ticketEvents.$inferInsert, 'id' | 'ticketId'>;
  description: Omit<typeof ticketMessages.$inferInsert, 'id' | 'ticketId'> | null;
  audit: (row: TicketRow) => AuditEntry;
  /** Work of the channel in the same transaction (mail: attachments). */
  within?: (tx: Tx, written: { ticketId: string; messageId: string | null }) => Promise<void>;
};
type Queued = NewTicket & { ctx: RequestContext | undefined };
export type Written = { row: TicketRow; messageId: string | null };

async function writeAll(db: Db, items: Queued[]): Promise<Written[]> {
  return db.transaction(async (tx) => {
    const ids = items.map(() => newId());
    const messageIds = items.map((i) => (i.description ? newId() : null));
    const rows = await tx
      .insert(tickets)
      .values(items.map((i, n) => ({ ...i.row, id: ids[n]! })))
      .returning();
    const byId = new Map(rows.map((r) => [r.id, r]));
    await tx.insert(ticketEvents).values(items.map((i, n) => ({ ...i.event, ticketId: ids[n]! })));
    const messages = items.flatMap((i, n) =>
      i.description ? [{ ...i.description, id: messageIds[n]!, ticketId: ids[n]! }] : [],
    );
    if (messages.length) await tx.insert(ticketMessages).values(messages);
    for (const [n, i] of items.entries())
      await i.within?.(tx, { ticketId: ids[n]!, messageId: messageIds[n]! });
    await recordAuditOf(
      tx,
      items.map((i, n) => ({ ctx: i.ctx, entry: i.audit(byId.get(ids[n]!)!) })),
    );
    return ids.map((id, n) => ({ row: byId.get(id)!, messageId: messageIds[n]! }));
  });
}

export function ticketWriter(db: Db) {
  const write = createBatcher((items: Queued[]) => writeAll(db, items));
  return (ticket: NewTicket): Promise<Written> => write({ ...ticket, ctx: currentContext() });
}
