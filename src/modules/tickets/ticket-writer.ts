/**
 * New tickets are written in groups: tickets arriving together (an outage, a mail storm, an alert
 * burst) share one transaction of four multi-row INSERTs — tickets, their 'created' events, their
 * descriptions and their audit rows — instead of four statements each. Ids are made here, so rows
 * are matched by id, never by the order the database returns them in.
 */

import { sql } from 'drizzle-orm';
import { type AuditEntry, auditInsertOf, markAudited, recordAuditOf } from '../../platform/audit/audit.js';
import { currentContext, type RequestContext } from '../../platform/context.js';
import { createBatcher } from '../../platform/db/batcher.js';
import { newId } from '../../platform/db/columns.js';
import { rawRows, recordsetInsert, recordsetInsertReturning } from '../../platform/db/recordset.js';
import type { Db, Tx } from '../../platform/db/store.js';
import type { TicketRow } from './ticket-clocks.js';
import { ticketEvents, ticketMessages, tickets } from './tickets.tables.js';

export type NewTicket = {
  row: Omit<typeof tickets.$inferInsert, 'id'>;
  event: Omit<typeof ticketEvents.$inferInsert, 'id' | 'ticketId'>;
  description: Omit<typeof ticketMessages.$inferInsert, 'id' | 'ticketId'> | null;
  /** The audit entry; the ticket's number is not known until it is written, its id is. */
  audit: (ticketId: string) => AuditEntry;
  /** Work of the channel in the same transaction (mail: attachments). */
  within?: (tx: Tx, written: { ticketId: string; messageId: string | null }) => Promise<void>;
};
type Queued = NewTicket & { ctx: RequestContext | undefined };
export type Written = { row: TicketRow; messageId: string | null };

async function writeAll(db: Db, items: Queued[]): Promise<Written[]> {
  const ids = items.map(() => newId());
  const messageIds = items.map((i) => (i.description ? newId() : null));
  const ticketRows = items.map((i, n) => ({ ...i.row, id: ids[n]! }));
  const events = items.map((i, n) => ({ ...i.event, ticketId: ids[n]! }));
  const messages = items.flatMap((i, n) =>
    i.description ? [{ ...i.description, id: messageIds[n]!, ticketId: ids[n]! }] : [],
  );
  const audits = items.map((i, n) => ({ ctx: i.ctx, entry: i.audit(ids[n]!) }));
  const written = (rows: TicketRow[]) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id, n) => ({ row: byId.get(id)!, messageId: messageIds[n]! }));
  };

  if (items.every((i) => !i.within)) {
    // One statement, so one round trip and atomic without BEGIN/COMMIT: the events, descriptions
    // and audit rows go in data-modifying CTEs; their foreign keys are checked when the statement
    // ends, by which time the tickets exist.
    const insert = recordsetInsertReturning(tickets, ticketRows, 'id');
    const statement = sql.join(
      [
        sql`with new_events as (${recordsetInsert(ticketEvents, events)}),`,
        sql`new_audit as (${auditInsertOf(audits)})`,
        messages.length ? sql`, new_messages as (${recordsetInsert(ticketMessages, messages)})` : undefined,
        insert.query,
      ],
      sql` `,
    );
    const rows = insert.rows(await rawRows(db, statement));
    markAudited(audits);
    return written(rows);
  }
  return db.transaction(async (tx) => {
    const rows = await tx.insert(tickets).values(ticketRows).returning();
    await tx.insert(ticketEvents).values(events);
    if (messages.length) await tx.insert(ticketMessages).values(messages);
    for (const [n, i] of items.entries())
      await i.within?.(tx, { ticketId: ids[n]!, messageId: messageIds[n]! });
    await recordAuditOf(tx, audits);
    return written(rows);
  });
}

export function ticketWriter(db: Db) {
  const write = createBatcher((items: Queued[]) => writeAll(db, items));
  return (ticket: NewTicket): Promise<Written> => write({ ...ticket, ctx: currentContext() });
}
