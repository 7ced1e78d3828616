/**
 * `keel bill run --period YYYY-MM [--client ID] [--dry-run]`: the same billing run as
 * POST /api/v1/billing/runs, with a line of progress per client. Safe to repeat, to run twice at
 * once, or to run again after it was killed (src/modules/billing/billing-run.service.ts).
 *
 * KEEL_BILLING_PAUSE_MS (tests only) waits that long after each transaction of clients, so a test can
 * kill a run part way through.
 */
import { createModules } from '../app.js';
import { formatMinor } from '../domain/classification/money.js';
import type { RunProgress, RunResult } from '../modules/billing/index.js';
import type { Config } from '../platform/config.js';
import { openConfiguredStore } from './runtime.js';

export type BillRunOptions = { period: string; client?: string; dryRun?: boolean };

function progressLine({ done, total, client }: RunProgress): string {
  const what =
    client.outcome === 'failed'
      ? `FAILED: ${client.reason}`
      : client.outcome === 'skipped'
        ? `skipped: ${client.reason}`
        : client.outcome === 'unchanged'
          ? 'nothing to add'
          : `${client.outcome === 'created' ? 'new invoice' : 'draft updated'}, ${client.linesAdded} line(s), +${formatMinor(client.amountAdded)}, total ${formatMinor(client.total ?? 0)}`;
  return `[${done}/${total}] ${client.clientName}: ${what}`;
}

function summary(r: RunResult): string {
  const head = r.dryRun ? `Dry run for ${r.period} (nothing written)` : `Billing run ${r.id} for ${r.period}`;
  return [
    `${head}: ${r.clientsDone} client(s), ${r.invoicesCreated} invoice(s) created, ${r.invoicesUpdated} updated, ${r.clientsSkipped} skipped, ${r.linesAdded} line(s), ${formatMinor(r.amountAdded)} added.`,
    ...r.problems.map((p) => `  problem with client ${p.clientId}: ${p.error}`),
  ].join('\n');
}

export async function billRunCommand(
  config: Config,
  o: BillRunOptions,
  env: NodeJS.ProcessEnv = process.env,
) {
  const store = await openConfiguredStore(config);
  try {
    const { billing } = createModules(store, config);
    const pause = Number(env.KEEL_BILLING_PAUSE_MS ?? 0);
    const result = await billing.service.runBilling(
      { period: o.period, clientId: o.client ?? null, dryRun: o.dryRun === true },
      {
        trigger: 'cli',
        onProgress: (p) => console.log(progressLine(p)),
        pauseBetweenBatchesMs: Number.isFinite(pause) && pause > 0 ? pause : undefined,
      },
    );
    console.log(summary(result));
    if (result.problems.length) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
