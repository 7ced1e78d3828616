/**
 * The ticket side of alerts, run by a job per alert: carries out, in order, the ticket work intake
 * recorded (open, note, resolve, mark for review, reopen), through the helpdesk's service.
 *
 * Exactly once, whatever retries or second workers do: each ticket change marks its action done in
 * the helpdesk's own transaction (and opening also links the ticket to the alert there, against a
 * unique key), so a change whose action was already done rolls back instead of happening twice.
 *
 * What intake decided is checked against the ticket as it is now: a recovery of a ticket a
 * technician has worked on (time logged or written on) marks it "recovered — review" instead of
 * resolving it; a note or a recovery for a ticket someone already closed is skipped; a reopen of a
 * ticket that is still open becomes a note.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import type { AlertTicketPorts } from './alerts.ports.js';
import { keyOf, lockFingerprints } from './alerts.records.js';
import { alertActions, alerts, alertTickets } from './alerts.tables.js';

/** The tag the queue shows on a ticket whose alert recovered after a technician worked on it. */
export const reviewTag = 'recovered-review';

/**
 * When ticket changes are dated: `now`, as the job carries them out; `decision`, when intake decided
 * them (the action's receipt time), for replaying past alerts such as the demo's two months.
 */
export type TicketClock = 'now' | 'decision';

/** After this many failed tries an action is given up (and says why). */
const maxAttempts = 8;

type Action = typeof alertActions.$inferSelect;

class ActionTaken extends Error {
  constructor() {
    super('the action was carried out by another worker');
  }
}

function ticketDescription(a: typeof alerts.$inferSelect): string {
  const labels = Object.entries(a.labels)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
  return [
    a.description ?? a.summary ?? a.fingerprint,
    '',
    `Severity: ${a.severity}`,
    `Source: ${a.integration}`,
    `Fingerprint: ${a.fingerprint}`,
    `Firing since: ${a.firingSince.toISOString()}`,
    a.url ? `Link: ${a.url}` : null,
    labels ? `Labels:\n${labels}` : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
}

export function createAlertTickets(db: Db, tickets: AlertTicketPorts) {
  /**
   * Tickets this process is resolving for a recovery right now: the helpdesk announces that
   * resolution too, and it is no news to intake (which may meanwhile have decided a reopen).
   */
  const resolving = new Set<string>();
  /** Marks the action done inside `tx`; throws when it already was, undoing that transaction. */
  async function markDoneIn(tx: DbOrTx, action: Action, outcome: string) {
    const rows = await tx
      .update(alertActions)
      .set({ doneAt: new Date(), outcome, attempts: sql`${alertActions.attempts} + 1` })
      .where(and(eq(alertActions.id, action.id), isNull(alertActions.doneAt)))
      .returning({ id: alertActions.id });
    if (!rows.length) throw new ActionTaken();
  }

  const markDone = (action: Action, outcome: string) =>
    markDoneIn(db, action, outcome).catch((err) => {
      if (!(err instanceof ActionTaken)) throw err;
    });

  /** The link's state, under the alert's lock (intake writes it too). */
  async function setLinkState(alert: typeof alerts.$inferSelect, from: string, to: 'review' | 'open') {
    await db.transaction(async (tx) => {
      await lockFingerprints(tx, [keyOf(alert.integration, alert.fingerprint)]);
      await tx
        .update(alertTickets)
        .set({ state: to, resolvedAt: null, updatedAt: new Date() })
        .where(and(eq(alertTickets.alertId, alert.id), sql`${alertTickets.state} = ${from}`));
    });
  }

  /** Runs a ticket change that marks the action done in its own transaction. */
  async function once(
    action: Action,
    work: (within: (tx: Tx) => Promise<void>) => Promise<unknown>,
    outcome: string,
  ) {
    try {
      await work((tx) => markDoneIn(tx, action, outcome));
    } catch (err) {
      if (!(err instanceof ActionTaken)) throw err;
    }
  }

  async function carryOut(action: Action, clock: TicketClock) {
    const at = clock === 'decision' ? action.createdAt : new Date();
    const [alert] = await db.select().from(alerts).where(eq(alerts.id, action.alertId));
    const [link] = await db.select().from(alertTickets).where(eq(alertTickets.alertId, action.alertId));
    if (!alert) return markDone(action, 'skipped: the alert is gone');

    if (action.kind === 'open') {
      if (!link) return markDone(action, 'skipped: no ticket is asked for any more');
      if (link.ticketId) return markDone(action, 'skipped: the alert has its ticket already');
      try {
        await tickets.open(
          {
            clientId: alert.clientId,
            priority: link.priority,
            subject: (alert.summary ?? alert.fingerprint).slice(0, 300),
            description: ticketDescription(alert),
          },
          async (tx, ticketId) => {
            const linked = await tx
              .update(alertTickets)
              .set({
                ticketId,
                state: sql`case when ${alertTickets.state} = 'pending' then 'open' else ${alertTickets.state} end`,
                updatedAt: new Date(),
              })
              .where(and(eq(alertTickets.alertId, alert.id), isNull(alertTickets.ticketId)))
              .returning({ alertId: alertTickets.alertId });
            if (!linked.length) throw new ActionTaken();
            await markDoneIn(tx, action, `opened ticket ${ticketId}`);
          },
          at,
        );
      } catch (err) {
        if (err instanceof ActionTaken) return markDone(action, 'skipped: another worker opened the ticket');
        // The helpdesk refused (an archived client …): say so, and let the rules ask again later.
        if (err instanceof AppError && err.status < 500) {
          await db.transaction(async (tx) => {
            await lockFingerprints(tx, [keyOf(alert.integration, alert.fingerprint)]);
            await tx
              .delete(alertTickets)
              .where(and(eq(alertTickets.alertId, alert.id), isNull(alertTickets.ticketId)));
            await markDoneIn(tx, action, `failed: ${err.message}`).catch(() => {});
          });
          return;
        }
        throw err;
      }
      return;
    }

    if (!link?.ticketId) return markDone(action, 'skipped: the alert has no ticket');
    const ticketId = link.ticketId;
    const live = await tickets.state(ticketId);
    if (!live) return markDone(action, 'skipped: the ticket is gone');
    const closed = live.state === 'resolved';

    switch (action.kind) {
      case 'note':
        if (closed) return markDone(action, 'skipped: the ticket is closed');
        return once(action, (within) => tickets.note(ticketId, action.note, within, undefined, at), 'noted');
      case 'resolve':
        if (closed) return markDone(action, 'skipped: the ticket is already closed');
        if (live.state === 'worked-on') {
          await tickets.tag(ticketId, reviewTag, at);
          await once(
            action,
            (within) =>
              tickets.note(
                ticketId,
                `${action.note}\nA technician has worked on this ticket: recovered — review.`,
                within,
                undefined,
                at,
              ),
            'marked for review',
          );
          return setLinkState(alert, 'resolved', 'review');
        }
        resolving.add(ticketId);
        try {
          return await once(
            action,
            (within) => tickets.note(ticketId, action.note, within, 'resolved', at),
            'resolved',
          );
        } finally {
          resolving.delete(ticketId);
        }
      case 'review':
        if (closed) return markDone(action, 'skipped: the ticket is already closed');
        await tickets.tag(ticketId, reviewTag, at);
        return once(
          action,
          (within) => tickets.note(ticketId, action.note, within, undefined, at),
          'marked for review',
        );
      case 'reopen':
        if (closed)
          return once(
            action,
            (within) => tickets.note(ticketId, action.note, within, 'open', at),
            'reopened',
          );
        return once(
          action,
          (within) => tickets.note(ticketId, action.note, within, undefined, at),
          'noted: the ticket was still open',
        );
    }
  }

  async function pending(alertId: string): Promise<Action | null> {
    const [action] = await db
      .select()
      .from(alertActions)
      .where(and(eq(alertActions.alertId, alertId), isNull(alertActions.doneAt)))
      .orderBy(asc(alertActions.id))
      .limit(1);
    return action ?? null;
  }

  /** This process works one alert at a time (pg-boss keeps other processes to one job per alert). */
  const busy = new Map<string, Promise<void>>();

  /** Carries out every action waiting for the alert, in order. */
  async function processAlert(alertId: string, clock: TicketClock = 'now'): Promise<void> {
    const running = busy.get(alertId);
    if (running) await running.catch(() => {});
    const work = (async () => {
      for (let action = await pending(alertId); action; action = await pending(alertId)) {
        try {
          await carryOut(action, clock);
        } catch (err) {
          const [row] = await db
            .update(alertActions)
            .set({ attempts: sql`${alertActions.attempts} + 1` })
            .where(eq(alertActions.id, action.id))
            .returning({ attempts: alertActions.attempts });
          if ((row?.attempts ?? 0) >= maxAttempts)
            await markDone(action, `failed after ${maxAttempts} tries: ${(err as Error).message}`);
          throw err;
        }
      }
    })();
    busy.set(alertId, work);
    try {
      await work;
    } finally {
      if (busy.get(alertId) === work) busy.delete(alertId);
    }
  }

  /** Alerts with work waiting (the sweep re-queues their jobs; tests drain them). */
  async function waiting(limit = 1000): Promise<string[]> {
    const rows = await db
      .selectDistinct({ alertId: alertActions.alertId })
      .from(alertActions)
      .where(isNull(alertActions.doneAt))
      .limit(limit);
    return rows.map((r) => r.alertId);
  }

  return {
    processAlert,
    waiting,
    /** Carries out everything waiting, alert by alert; returns how many alerts had work. */
    async drain(clock: TicketClock = 'now'): Promise<number> {
      let total = 0;
      for (let ids = await waiting(); ids.length; ids = await waiting()) {
        for (const id of ids) await processAlert(id, clock);
        total += ids.length;
      }
      return total;
    },

    /** A ticket resolved or closed in the helpdesk: the alert's next firing reopens rather than notes. */
    async ticketResolved(ticketId: string, at: Date) {
      if (resolving.has(ticketId)) return;
      const [link] = await db.select().from(alertTickets).where(eq(alertTickets.ticketId, ticketId));
      if (!link || link.state === 'resolved') return;
      const [alert] = await db.select().from(alerts).where(eq(alerts.id, link.alertId));
      if (!alert) return;
      await db.transaction(async (tx) => {
        await lockFingerprints(tx, [keyOf(alert.integration, alert.fingerprint)]);
        await tx
          .update(alertTickets)
          .set({ state: 'resolved', resolvedAt: at, updatedAt: new Date() })
          // A decision intake made after the ticket closed (a reopen) is newer than this news.
          .where(
            and(
              eq(alertTickets.ticketId, ticketId),
              sql`${alertTickets.state} <> 'resolved'`,
              sql`${alertTickets.updatedAt} <= ${at}`,
            ),
          );
      });
    },
  };
}

export type AlertTickets = ReturnType<typeof createAlertTickets>;
