/**
 * Billing runs: one draft invoice per client and period, a few clients to a transaction
 * (billing-run.client.ts), so a run stopped part way leaves every client either billed whole or not
 * at all, and running again finishes the job. A real run is recorded in billing_runs with its
 * progress; a dry run reads the same things, writes nothing and answers what would be billed.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { parsePeriod } from '../../domain/billing/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { staffScope } from '../../platform/auth/principal.js';
import { currentContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { billingRules, fromBillingError } from './billing.errors.js';
import type { BillingClient, BillingPorts } from './billing.ports.js';
import { billingRuns } from './billing.tables.js';
import {
  billClients,
  type ClientRunContext,
  type ClientRunOutcome,
  countedSources,
  planClients,
} from './billing-run.client.js';
import { readSettings } from './settings.service.js';

export type RunInput = { period: string; clientId?: string | null; dryRun: boolean };

export type RunProgress = { done: number; total: number; client: ClientRunOutcome };

export type RunOptions = {
  trigger: 'api' | 'cli' | 'schedule';
  onProgress?: (p: RunProgress) => void;
  /**
   * Test hook: milliseconds to wait after each transaction of clients is billed, so a test can kill
   * a run part way (the CLI reads KEEL_BILLING_PAUSE_MS). Never set in production.
   */
  pauseBetweenBatchesMs?: number;
  now?: Date;
};

export type BillingRunRow = typeof billingRuns.$inferSelect;

export type RunResult = {
  id: string | null;
  period: string;
  clientId: string | null;
  dryRun: boolean;
  status: BillingRunRow['status'];
  clientsTotal: number;
  clientsDone: number;
  invoicesCreated: number;
  invoicesUpdated: number;
  clientsSkipped: number;
  linesAdded: number;
  amountAdded: number;
  problems: { clientId: string; error: string }[];
  clients: ClientRunOutcome[];
};

/** Clients whose agreements are read together: one query for many clients. */
const batchSize = 100;

/**
 * Clients billed in one transaction: enough that a run over thousands of clients costs a few
 * statements per batch, few enough that each lane gets several batches to spread the work (and a
 * run of a few dozen clients still commits client by client, two or three at a time).
 */
const clientsPerTransaction = (clients: number, lanes: number) =>
  Math.max(1, Math.min(50, Math.ceil(clients / (lanes * 4))));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A run records its progress at least every 100 clients; one silent this long had its process
 * stopped (killed, crashed, the machine restarted) and will never finish on its own.
 */
export const abandonedAfterMs = 10 * 60_000;

/** Runs `work` over `items`, at most `limit` at a time, in order of start. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

function problemText(err: unknown): string {
  const e = fromBillingError(err, 'client');
  return e instanceof AppError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
}

export function createBillingRunService(db: Db, ports: BillingPorts, opts: { concurrency: number }) {
  async function clientsOf(clientId: string | null | undefined): Promise<BillingClient[]> {
    if (!clientId) return ports.liveClients();
    const client = await ports.client(staffScope, clientId);
    if (!client) throw notFound('CLIENT_NOT_FOUND', 'Client', clientId);
    return [client];
  }

  /** Closes as failed the runs whose process stopped (see abandonedAfterMs). */
  async function closeAbandoned(now: Date) {
    await db
      .update(billingRuns)
      .set({
        status: 'failed',
        error:
          'Interrupted: the run stopped reporting progress (its process was stopped). Run the period again to finish it.',
        finishedAt: now,
      })
      .where(
        and(
          eq(billingRuns.status, 'running'),
          lt(billingRuns.updatedAt, new Date(now.getTime() - abandonedAfterMs)),
        ),
      );
  }

  return {
    async runBilling(input: RunInput, o: RunOptions): Promise<RunResult> {
      const period = await billingRules(() => parsePeriod(input.period, 'period'));
      const now = o.now ?? new Date();
      const clients = await clientsOf(input.clientId);
      const settings = await readSettings(db);
      const workTypes = await ports.workTypes();
      if (!input.dryRun) await closeAbandoned(now);
      const result: RunResult = {
        id: null,
        period,
        clientId: input.clientId ?? null,
        dryRun: input.dryRun,
        status: 'running',
        clientsTotal: clients.length,
        clientsDone: 0,
        invoicesCreated: 0,
        invoicesUpdated: 0,
        clientsSkipped: 0,
        linesAdded: 0,
        amountAdded: 0,
        problems: [],
        clients: [],
      };
      const progressColumns = () => ({
        clientsDone: result.clientsDone,
        invoicesCreated: result.invoicesCreated,
        invoicesUpdated: result.invoicesUpdated,
        clientsSkipped: result.clientsSkipped,
        linesAdded: result.linesAdded,
        amountAdded: result.amountAdded,
        problems: result.problems,
        updatedAt: new Date(),
      });
      if (!input.dryRun) {
        const [run] = await db
          .insert(billingRuns)
          .values({
            period,
            clientId: input.clientId ?? null,
            dryRun: false,
            trigger: o.trigger,
            startedBy: currentContext()?.principal?.email ?? o.trigger,
            startedAt: now,
            clientsTotal: clients.length,
          })
          .returning();
        result.id = run!.id;
      }

      const record = (outcome: ClientRunOutcome) => {
        result.clients.push(outcome);
        result.clientsDone++;
        if (outcome.outcome === 'created') result.invoicesCreated++;
        if (outcome.outcome === 'updated') result.invoicesUpdated++;
        if (outcome.outcome === 'skipped') result.clientsSkipped++;
        if (outcome.outcome === 'failed')
          result.problems.push({ clientId: outcome.clientId, error: outcome.reason ?? '' });
        result.linesAdded += outcome.linesAdded;
        result.amountAdded += outcome.amountAdded;
        o.onProgress?.({ done: result.clientsDone, total: result.clientsTotal, client: outcome });
      };

      const failed = (client: BillingClient, err: unknown): ClientRunOutcome => ({
        clientId: client.id,
        clientName: client.name,
        outcome: 'failed',
        invoiceId: null,
        linesAdded: 0,
        amountAdded: 0,
        total: null,
        reason: problemText(err),
      });
      const lanes = input.dryRun ? 1 : opts.concurrency;
      const perTransaction = clientsPerTransaction(clients.length, lanes);
      /** Bills the clients in one transaction; when that fails, each client in its own. */
      const bill = async (ctxs: ClientRunContext[]) => {
        try {
          return await db.transaction((tx) => billClients(tx, ports, ctxs));
        } catch (err) {
          if (ctxs.length === 1) return [failed(ctxs[0]!.client, err)];
          const one: ClientRunOutcome[] = [];
          for (const ctx of ctxs) one.push(...(await bill([ctx])));
          return one;
        }
      };

      try {
        for (let i = 0; i < clients.length; i += batchSize) {
          const batch = clients.slice(i, i + batchSize);
          const agreements = await ports.agreements(batch.map((c) => c.id));
          const ctxs: ClientRunContext[] = [];
          const counting: ClientRunOutcome[] = [];
          // Counts come from other modules' services, on their own connections: read before any transaction.
          await inParallel(batch, lanes, async (client) => {
            const own = agreements.get(client.id) ?? [];
            const ctx: ClientRunContext = {
              period,
              client,
              agreements: own,
              counts: {},
              workTypes,
              settings,
              runId: result.id,
              now,
            };
            try {
              const sources = countedSources(own);
              if (sources.size) ctx.counts = await ports.counts(client.id, sources, now);
              ctxs.push(ctx);
            } catch (err) {
              counting.push(failed(client, err));
            }
          });
          for (const outcome of counting) record(outcome);
          // In the clients' order, whatever order their counts came back in.
          const order = new Map(batch.map((c, k) => [c.id, k]));
          ctxs.sort((a, b) => order.get(a.client.id)! - order.get(b.client.id)!);
          const groups: ClientRunContext[][] = [];
          for (let j = 0; j < ctxs.length; j += perTransaction)
            groups.push(ctxs.slice(j, j + perTransaction));
          await inParallel(groups, lanes, async (group) => {
            let outcomes: ClientRunOutcome[];
            try {
              outcomes = input.dryRun ? await planClients(db, ports, group) : await bill(group);
            } catch (err) {
              outcomes = group.map((ctx) => failed(ctx.client, err));
            }
            for (const outcome of outcomes) record(outcome);
            if (o.pauseBetweenBatchesMs) await sleep(o.pauseBetweenBatchesMs);
          });
          if (result.id)
            await db.update(billingRuns).set(progressColumns()).where(eq(billingRuns.id, result.id));
        }
        result.status = 'succeeded';
      } catch (err) {
        result.status = 'failed';
        if (result.id)
          await db
            .update(billingRuns)
            .set({ ...progressColumns(), status: 'failed', error: problemText(err), finishedAt: new Date() })
            .where(eq(billingRuns.id, result.id));
        throw err;
      }
      if (result.id) {
        await db.transaction(async (tx) => {
          await tx
            .update(billingRuns)
            .set({ ...progressColumns(), status: 'succeeded', finishedAt: new Date() })
            .where(eq(billingRuns.id, result.id!));
          await recordAudit(tx, {
            action: 'run',
            entityType: 'billing_run',
            entityId: result.id,
            clientId: input.clientId ?? null,
            changes: {
              period,
              trigger: o.trigger,
              clients: result.clientsTotal,
              invoicesCreated: result.invoicesCreated,
              invoicesUpdated: result.invoicesUpdated,
              linesAdded: result.linesAdded,
              amountAdded: result.amountAdded,
              problems: result.problems.length,
            },
          });
        });
      }
      return result;
    },

    async getRun(id: string): Promise<BillingRunRow> {
      await closeAbandoned(new Date());
      const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
      if (!row) throw notFound('BILLING_RUN_NOT_FOUND', 'Billing run', id);
      return row;
    },

    async listRuns(limit = 50): Promise<BillingRunRow[]> {
      await closeAbandoned(new Date());
      return db.select().from(billingRuns).orderBy(desc(billingRuns.startedAt)).limit(limit);
    },
  };
}

export type BillingRunService = ReturnType<typeof createBillingRunService>;
