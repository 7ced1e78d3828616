/**
 * Scheduled billing runs. A pg-boss cron job ticks every ten minutes (pg-boss keeps the schedule in
 * the database, so it survives restarts and fires on one worker only); each tick reads the schedule
 * from the billing settings, asks the schedule rule which moments are due and not done
 * (src/domain/billing/schedule.ts), and runs the billing core's run for each period they bill.
 *
 * Never double-billed: the run is idempotent (one standing invoice per client and period, each
 * thing billed on one invoice — enforced by the database). The slot table only keeps a moment from
 * being run again at every tick: a tick claims its slots first; a claim left by a worker that died
 * is taken over after the lease. With auto-issue on, the drafts the run leaves are issued.
 */
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type BillingSchedule, dueScheduledRuns, type ScheduledSlot } from '../../domain/billing/schedule.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { billingRules } from './billing.errors.js';
import type { BillingRunService } from './billing-run.service.js';
import type { InvoicesService } from './invoices.service.js';
import { scheduledBillingRuns } from './receivables.tables.js';
import { type BillingSettingsRow, readSettings } from './settings.service.js';
import { todayIn } from './today.js';

export const scheduleJob = 'billing.schedule';

/** A claim older than this is taken to be a worker that died mid-run. */
const leaseMs = 30 * 60_000;

export type ScheduledRunOutcome = {
  period: string;
  slots: string[];
  runId: string | null;
  invoicesIssued: number;
  problems: string[];
};

export const scheduleOf = (s: BillingSettingsRow): BillingSchedule => ({
  enabled: s.scheduleEnabled,
  day: s.scheduleDay,
  time: s.scheduleTime,
  timeZone: s.scheduleTimeZone,
  workAtPeriodEnd: s.scheduleWorkAtPeriodEnd,
});

export function createScheduleService(deps: {
  db: Db;
  runs: Pick<BillingRunService, 'runBilling'>;
  invoices: Pick<InvoicesService, 'issueInvoice'>;
  log: Logger;
}) {
  const { db, runs, invoices, log } = deps;

  /** Slots finished, or claimed within the lease by a run that may still be going. */
  async function taken(now: Date): Promise<Set<string>> {
    const rows = await db
      .select({ slot: scheduledBillingRuns.slot })
      .from(scheduledBillingRuns)
      .where(
        or(
          isNotNull(scheduledBillingRuns.finishedAt),
          sql`${scheduledBillingRuns.claimedAt} > ${new Date(now.getTime() - leaseMs)}`,
        ),
      );
    return new Set(rows.map((r) => r.slot));
  }

  /** Claims the slots no live run holds; returns those claimed. */
  async function claim(slots: readonly ScheduledSlot[], now: Date): Promise<ScheduledSlot[]> {
    const claimed: ScheduledSlot[] = [];
    for (const s of slots) {
      const [row] = await db
        .insert(scheduledBillingRuns)
        .values({
          slot: s.slot,
          kind: s.kind,
          period: s.bills,
          dueAt: s.dueAt,
          dueOn: s.dueOn,
          claimedAt: now,
        })
        .onConflictDoUpdate({
          target: scheduledBillingRuns.slot,
          set: { claimedAt: now, error: null, updatedAt: now },
          setWhere: sql`${scheduledBillingRuns.finishedAt} is null and ${scheduledBillingRuns.claimedAt} <= ${new Date(now.getTime() - leaseMs)}`,
        })
        .returning({ slot: scheduledBillingRuns.slot });
      if (row) claimed.push(s);
    }
    return claimed;
  }

  /** Issues the drafts a scheduled run left for the period; a draft that cannot be issued is reported. */
  async function issueDrafts(invoiceIds: readonly string[], issueDate: string, now: Date) {
    let issued = 0;
    const problems: string[] = [];
    for (const id of invoiceIds) {
      try {
        await invoices.issueInvoice(id, { issueDate }, now);
        issued++;
      } catch (err) {
        if (err instanceof AppError && err.code === 'INVOICE_ALREADY_ISSUED') continue;
        problems.push(`invoice ${id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { issued, problems };
  }

  /** Runs every period a due moment bills, once each, oldest first. */
  async function tick(now = new Date()): Promise<ScheduledRunOutcome[]> {
    const settings = await readSettings(db);
    const due = await billingRules(() => dueScheduledRuns(scheduleOf(settings), now, new Set()), 'settings');
    if (!due.length) return [];
    const skip = await taken(now);
    const open = due.filter((s) => !skip.has(s.slot));
    const outcomes: ScheduledRunOutcome[] = [];
    for (const period of [...new Set(open.map((s) => s.bills))]) {
      const slots = await claim(
        open.filter((s) => s.bills === period),
        now,
      );
      if (!slots.length) continue;
      const names = slots.map((s) => s.slot);
      const outcome: ScheduledRunOutcome = {
        period,
        slots: names,
        runId: null,
        invoicesIssued: 0,
        problems: [],
      };
      try {
        const run = await runs.runBilling({ period, dryRun: false }, { trigger: 'schedule', now });
        outcome.runId = run.id;
        outcome.problems.push(...run.problems.map((p) => `client ${p.clientId}: ${p.error}`));
        if (settings.scheduleAutoIssue) {
          const drafts = run.clients
            .filter(
              (c) =>
                c.invoiceId &&
                (c.outcome === 'created' || c.outcome === 'updated' || c.outcome === 'unchanged'),
            )
            .map((c) => c.invoiceId!);
          const issued = await issueDrafts(drafts, todayIn(settings.scheduleTimeZone, now), now);
          outcome.invoicesIssued = issued.issued;
          outcome.problems.push(...issued.problems);
        }
        await db
          .update(scheduledBillingRuns)
          .set({
            finishedAt: new Date(),
            runId: run.id,
            invoicesIssued: outcome.invoicesIssued,
            error: outcome.problems.length ? outcome.problems.join('\n').slice(0, 10_000) : null,
            updatedAt: new Date(),
          })
          .where(sql`${scheduledBillingRuns.slot} in ${names}`);
        log.info(
          { period, slots: names, runId: run.id, issued: outcome.invoicesIssued },
          'scheduled billing run done',
        );
      } catch (err) {
        // Left unfinished: the next tick after the lease runs it again (the run is idempotent).
        const message = err instanceof Error ? err.message : String(err);
        outcome.problems.push(message);
        await db
          .update(scheduledBillingRuns)
          .set({ error: message.slice(0, 10_000), updatedAt: new Date() })
          .where(and(sql`${scheduledBillingRuns.slot} in ${names}`, eq(scheduledBillingRuns.period, period)));
        log.error({ err, period, slots: names }, 'scheduled billing run failed; retried after the lease');
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  return {
    tick,
    async listSlots(limit = 24) {
      return db
        .select()
        .from(scheduledBillingRuns)
        .orderBy(sql`${scheduledBillingRuns.dueAt} desc`)
        .limit(limit);
    },
    jobs(j: Jobs) {
      j.define(scheduleJob, async () => void (await tick()), { cron: '*/10 * * * *', batchSize: 1 });
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
