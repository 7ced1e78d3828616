import { type SQL, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { DbOrTx } from '../../platform/db/store.js';
import type { Jobs } from '../../platform/jobs/jobs.js';

export const DELIVER_JOB = 'webhooks.deliver';
export const SWEEP_JOB = 'webhooks.sweep';
export const PRUNE_JOB = 'webhooks.prune';

export type DeliverJob = { deliveryId: string };

/**
 * pg-boss's SQL adapter over a Drizzle transaction: the job row is written by the same connection
 * in the same transaction as the delivery row, so a worker never sees a job whose delivery has not
 * committed yet, and a rolled-back publish leaves no job behind.
 */
export function bossDbOf(tx: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      // pg-boss writes $1…$n; Drizzle numbers its own parameters, so rebuild the statement with them.
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) =>
        i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1] ?? null)}`,
      );
      const result = (await tx.execute(sql.join(chunks))) as unknown as { rows: any[] };
      return { rows: result.rows };
    },
  };
}

export type DeliveryQueue = {
  attach(jobs: Jobs): void;
  /**
   * Queues one job per delivery inside `tx` (under a savepoint). Returns false when nothing could
   * be queued — no job queue in this process, or pg-boss not ready yet — without failing the
   * caller's transaction: the delivery rows stay pending and the sweep queues them later.
   */
  enqueue(tx: DbOrTx, items: { deliveryId: string; startAfter?: Date | null }[]): Promise<boolean>;
};

export function createDeliveryQueue(): DeliveryQueue {
  let jobs: Jobs | null = null;
  return {
    attach(j) {
      jobs = j;
    },
    async enqueue(tx, items) {
      const queue = jobs;
      if (!queue || items.length === 0) return false;
      try {
        await tx.transaction(async (sp) => {
          const db = bossDbOf(sp);
          for (const item of items) {
            const data: DeliverJob = { deliveryId: item.deliveryId };
            await queue.send(
              DELIVER_JOB,
              data,
              item.startAfter ? { db, startAfter: item.startAfter } : { db },
            );
          }
        });
        return true;
      } catch {
        return false;
      }
    },
  };
}
