import PgBoss from 'pg-boss';
import { runWithContext } from '../context.js';
import type { Store } from '../db/store.js';

export type JobHandler<T> = (data: T) => Promise<void>;

type Definition = {
  handler: JobHandler<any>;
  batchSize: number;
  pollingIntervalSeconds: number;
  cron?: string;
  policy?: PgBoss.QueuePolicy;
};

export type Jobs = {
  /** Declares a queue and what works it; `cron` also schedules it (UTC). */
  define<T extends object>(
    name: string,
    handler: JobHandler<T>,
    opts?: {
      batchSize?: number;
      pollingIntervalSeconds?: number;
      cron?: string;
      /** pg-boss's queue policy; 'stately': at most one job queued and one active per singletonKey. */
      policy?: PgBoss.QueuePolicy;
    },
  ): void;
  send<T extends object>(name: string, data: T, opts?: PgBoss.SendOptions): Promise<string | null>;
  /** Creates the queues and, when this process works jobs, starts polling them. */
  start(opts: { work: boolean }): Promise<void>;
  stop(): Promise<void>;
  readonly boss: PgBoss;
};

/**
 * Background jobs on pg-boss, on both stores: on PGlite pg-boss runs through `executeSql` (the
 * embedded database has no network port), on PostgreSQL through the same pool the app uses.
 * Jobs live in the database, so they survive restarts and spread across worker processes.
 */
export function createJobs(store: Store, onError: (err: Error) => void): Jobs {
  const boss = new PgBoss({
    db: { executeSql: store.executeSql },
    schema: 'pgboss',
    // The embedded store is one process: its maintenance runs there; on PostgreSQL any node may.
    supervise: true,
  } as PgBoss.ConstructorOptions);
  boss.on('error', onError);
  const definitions = new Map<string, Definition>();
  let started = false;

  return {
    boss,
    define(name, handler, opts = {}) {
      definitions.set(name, {
        handler,
        batchSize: opts.batchSize ?? 5,
        pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
        cron: opts.cron,
        policy: opts.policy,
      });
    },
    async send(name, data, opts) {
      return boss.send(name, data, opts ?? {});
    },
    async start({ work }) {
      await boss.start();
      started = true;
      for (const [name, def] of definitions) {
        await boss.createQueue(name, def.policy ? { name, policy: def.policy } : undefined);
        if (def.cron) await boss.schedule(name, def.cron, {});
        if (!work) continue;
        await boss.work(
          name,
          { batchSize: def.batchSize, pollingIntervalSeconds: def.pollingIntervalSeconds },
          async (batch) => {
            for (const job of batch) {
              await runWithContext(
                { requestId: job.id, ip: null, principal: null, channel: `job:${name}`, audited: 0 },
                () => def.handler(job.data),
              );
            }
          },
        );
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000, wait: true });
      started = false;
    },
  };
}
