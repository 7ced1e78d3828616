import { asc, eq } from 'drizzle-orm';
import { type Clock, computeClocks, nextDeadline } from '../../domain/sla/clocks.js';
import { clockHistory, type HistoryEntry } from '../../domain/sla/history.js';
import type { Phase } from '../../domain/tickets/workflow.js';
import type { DbOrTx } from '../../platform/db/store.js';
import type { ResolvedSla } from './tickets.ports.js';
import { ticketEvents, tickets } from './tickets.tables.js';

export type TicketRow = typeof tickets.$inferSelect;
type EventRow = typeof ticketEvents.$inferSelect;

/** A policy decides which statuses pause its clocks; the workflow's phases decide the rest. */
function historyOf(events: readonly EventRow[], sla: ResolvedSla): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const e of events) {
    const at = e.at.getTime();
    if (e.kind === 'status') {
      const to = String(e.data.to);
      let phase = e.data.phase as Phase;
      if (sla.pauseStatuses.includes(to)) phase = 'paused';
      else if (phase === 'paused') phase = 'open';
      entries.push({ at, kind: 'status', phase, byStaff: e.byStaff });
    } else if (e.kind === 'reply') {
      entries.push({ at, kind: 'reply', public: e.data.public === true, byStaff: e.byStaff });
    }
  }
  return entries;
}

export function clocksOf(
  row: TicketRow,
  events: readonly EventRow[],
  sla: ResolvedSla | null,
  now: Date,
): Clock[] {
  if (!sla) return [];
  return computeClocks(sla.time, {
    start: row.createdAt.getTime(),
    now: now.getTime(),
    targets: sla.targets[row.priority],
    warnPercent: sla.warnPercent,
    ...clockHistory(historyOf(events, sla)),
  });
}

export const ticketHistory = (tx: DbOrTx, ticketId: string) =>
  tx
    .select()
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));

const when = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

/**
 * The columns the queue and the notice job read, from clocks computed at `now`. The next notice
 * instant is the nearest warning or due instant of an unmet clock; a write (`sweptNow` false) also
 * counts instants already past, so a ticket written after its due time is swept and its breach
 * recorded; the sweep itself (`sweptNow` true) looks only ahead, or it would find the same ticket
 * every minute.
 */
export function clockColumns(clocks: readonly Clock[], now: Date, sweptNow = false) {
  const get = (kind: Clock['kind']) => clocks.find((c) => c.kind === kind);
  const response = get('response');
  const resolution = get('resolution');
  const ahead = clocks
    .filter((c) => c.state === 'running' || (!sweptNow && c.state === 'breached' && c.metAt === null))
    .flatMap((c) => [c.warnAt, c.dueAt])
    .filter((t) => !sweptNow || t > now.getTime());
  return {
    responseDueAt: when(response?.dueAt),
    responseMetAt: when(response?.metAt),
    responseBreachedAt: when(response?.breachedAt),
    resolutionDueAt: when(resolution?.dueAt),
    resolutionMetAt: when(resolution?.metAt),
    resolutionBreachedAt: when(resolution?.breachedAt),
    updateDueAt: when(get('update')?.dueAt),
    nextDeadlineAt: when(nextDeadline(clocks)),
    nextNoticeAt: when(ahead.length ? Math.min(...ahead) : null),
    slaPaused: clocks.some((c) => c.state === 'paused'),
  };
}

/** Recomputes the clocks from history and stores what the queue and the notice job read. */
export async function storeClocks(
  tx: DbOrTx,
  row: TicketRow,
  sla: ResolvedSla | null,
  now: Date,
  sweptNow = false,
): Promise<TicketRow> {
  const clocks = clocksOf(row, await ticketHistory(tx, row.id), sla, now);
  const [updated] = await tx
    .update(tickets)
    .set(clockColumns(clocks, now, sweptNow))
    .where(eq(tickets.id, row.id))
    .returning();
  return updated!;
}
