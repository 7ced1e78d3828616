/**
 * The ticket workflow and queues: settings every write reads and an administrator rarely changes,
 * so they are kept briefly in memory and forgotten at once when this process changes them.
 */
import { notInArray } from 'drizzle-orm';
import { type Workflow, workflowProblems } from '../../domain/tickets/workflow.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ttlCache } from '../../platform/cache.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { checkQueue, loadWorkflow, triageQueue } from './tickets.queries.js';
import { ticketQueues, ticketStatuses, tickets } from './tickets.tables.js';

export function createTicketSettings(db: Db) {
  const workflowCache = ttlCache(5_000, (_: null) => loadWorkflow(db));
  const queueCache = ttlCache(5_000, (code: string) => checkQueue(db, code));
  const triageCache = ttlCache(5_000, (_: null) => triageQueue(db));

  async function readWorkflow() {
    const w = await loadWorkflow(db);
    return {
      statuses: [...w.statuses],
      transitions: Object.fromEntries(Object.entries(w.transitions).map(([from, to]) => [from, [...to]])),
    };
  }

  /** What the tickets service offers callers about its settings. */
  const api = {
    workflow: readWorkflow,

    /**
     * Replaces the workflow. It must stay readable by the clocks (one status in the new phase, an
     * open and a resolved one, every status leading somewhere), and no status a ticket is in may go.
     */
    async setWorkflow(workflow: Workflow) {
      const problems = workflowProblems(workflow);
      if (problems.length)
        throw new AppError(
          'UNPROCESSABLE',
          `The workflow cannot be used: ${problems.join('; ')}.`,
          problems.map((message) => ({ field: 'body', message })),
        );
      const kept = workflow.statuses.map((st) => st.code);
      const inUse = await db
        .selectDistinct({ status: tickets.status })
        .from(tickets)
        .where(notInArray(tickets.status, kept));
      if (inUse.length)
        throw new AppError(
          'CONFLICT',
          `Tickets are still in ${inUse.map((r) => r.status).join(', ')}: move them before removing the status.`,
        );
      await db.transaction(async (tx) => {
        await tx.delete(ticketStatuses);
        await tx.insert(ticketStatuses).values(
          workflow.statuses.map((st, i) => ({
            ...st,
            position: i + 1,
            next: [...(workflow.transitions[st.code] ?? [])],
          })),
        );
        await recordAudit(tx, {
          action: 'update',
          entityType: 'ticket_workflow',
          changes: { statuses: kept },
        });
      });
      workflowCache.forget();
      return readWorkflow();
    },

    async queues() {
      return db.select().from(ticketQueues).orderBy(ticketQueues.name);
    },

    async statusCodes() {
      return (await loadWorkflow(db)).statuses.map((s) => s.code);
    },
  };

  return {
    api,
    cachedWorkflow: () => workflowCache.get(null),
    /** The queue's code; an unknown queue is a 422 on `body.queue`. */
    queueCode: async (code: string) => (await queueCache.get(code)).code,
    triageQueue: () => triageCache.get(null),
  };
}
