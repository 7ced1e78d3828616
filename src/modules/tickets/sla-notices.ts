/**
 * SLA warnings and breaches. A job sweeps the tickets whose next warning or due instant has come,
 * records each notice once (the sla_notices key is ticket × clock × notice × due instant, so a
 * second sweep, a second worker or a restart never fires it twice), applies the policy's
 * escalation, and hands the notice on to mail and webhooks.
 */
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import type { Clock } from '../../domain/sla/clocks.js';
import { noticesDue, raisedPriority } from '../../domain/sla/notices.js';
import type { Priority } from '../../domain/sla/priority.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/store.js';
import { clocksOf, storeClocks, ticketHistory } from './ticket-clocks.js';
import type { ResolvedSla } from './tickets.ports.js';
import { ticketReference } from './tickets.presenters.js';
import { slaNotices, ticketEvents, tickets } from './tickets.tables.js';

export type SlaNotice = {
  ticketId: string;
  reference: string;
  clientId: string | null;
  assigneeId: string | null;
  subject: string;
  priority: Priority;
  clock: Clock['kind'];
  notice: 'warning' | 'breach';
  dueAt: string;
};

export type NoticePorts = {
  slaPolicy(policyId: string): Promise<ResolvedSla | null>;
  /** Mail and webhooks; called after the notice is committed. */
  onNotice(notice: SlaNotice): Promise<void>;
};

export async function sweepSlaNotices(
  db: Db,
  ports: NoticePorts,
  now = new Date(),
  limit = 200,
): Promise<{ examined: number; fired: number }> {
  const candidates = await db
    .select()
    .from(tickets)
    .where(and(isNotNull(tickets.nextNoticeAt), lte(tickets.nextNoticeAt, now)))
    .orderBy(asc(tickets.nextNoticeAt))
    .limit(limit);
  let fired = 0;
  for (const candidate of candidates) {
    const sla = candidate.slaPolicyId ? await ports.slaPolicy(candidate.slaPolicyId) : null;
    const escalation = sla?.escalation;
    const sent = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(tickets).where(eq(tickets.id, candidate.id)).for('update');
      if (!row) return [];
      const clocks = clocksOf(row, await ticketHistory(tx, row.id), sla, now);
      const notices: SlaNotice[] = [];
      let priority = row.priority;
      let assigneeId = row.assigneeId;
      for (const { clock, notice } of noticesDue(clocks, now.getTime())) {
        const inserted = await tx
          .insert(slaNotices)
          .values({
            ticketId: row.id,
            clock: clock.kind,
            notice,
            occurrence: clock.kind === 'update' ? new Date(clock.dueAt) : row.createdAt,
            dueAt: new Date(clock.dueAt),
            firedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!inserted.length) continue;
        await tx.insert(ticketEvents).values({
          ticketId: row.id,
          at: now,
          kind: notice === 'breach' ? 'sla_breached' : 'sla_warning',
          byStaff: false,
          data: { clock: clock.kind, dueAt: new Date(clock.dueAt).toISOString() },
        });
        if (notice === 'breach' && escalation?.raisePriority && priority !== 'P1')
          priority = raisedPriority(priority);
        if (notice === 'breach' && escalation?.reassignTo) assigneeId = escalation.reassignTo;
        const wanted = notice === 'breach' ? escalation?.notifyOnBreach : escalation?.notifyOnWarning;
        if (wanted !== false)
          notices.push({
            ticketId: row.id,
            reference: ticketReference(row.number),
            clientId: row.clientId,
            assigneeId,
            subject: row.subject,
            priority,
            clock: clock.kind,
            notice,
            dueAt: new Date(clock.dueAt).toISOString(),
          });
      }
      const escalated = priority !== row.priority || assigneeId !== row.assigneeId;
      if (escalated) {
        await tx.insert(ticketEvents).values({
          ticketId: row.id,
          at: now,
          kind: 'escalated',
          byStaff: false,
          data: { priority: [row.priority, priority], assigneeId: [row.assigneeId, assigneeId] },
        });
        await recordAudit(tx, {
          action: 'escalate',
          entityType: 'ticket',
          entityId: row.id,
          clientId: row.clientId,
          changes: { priority: [row.priority, priority], assigneeId: [row.assigneeId, assigneeId] },
        });
      }
      const [updated] = escalated
        ? await tx
            .update(tickets)
            .set({ priority, assigneeId, updatedAt: now })
            .where(eq(tickets.id, row.id))
            .returning()
        : [row];
      // Recomputing moves nextNoticeAt past `now`, so this ticket leaves the sweep until its next instant.
      await storeClocks(tx, updated!, sla, now, true);
      return notices;
    });
    for (const notice of sent) await ports.onNotice(notice);
    fired += sent.length;
  }
  return { examined: candidates.length, fired };
}
