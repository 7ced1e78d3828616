import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import type { BillingPorts } from './billing.ports.js';
import { billingRoutes } from './billing.routes.js';
import { createBillingRunService } from './billing-run.service.js';
import { createCreditNotesService } from './credit-notes.service.js';
import { createInvoicesService } from './invoices.service.js';
import { createLeaksService } from './leaks.service.js';
import { createSettingsService } from './settings.service.js';

export type { BillingClient, BillingPorts, CountedSource } from './billing.ports.js';
export type { Invoice } from './billing.presenters.js';
export type { ClientRunOutcome } from './billing-run.client.js';
export type { RunInput, RunOptions, RunProgress, RunResult } from './billing-run.service.js';
// Money in and what leaves: payments, receivables, reminders, PDF and mail, exports, scheduled runs.
export { createReceivablesModule, type ReceivablesModule } from './receivables.module.js';
export type { ReceivablesPorts } from './receivables.ports.js';

export function createBillingService(db: Db, ports: BillingPorts, opts: { concurrency: number }) {
  return {
    ...createBillingRunService(db, ports, opts),
    ...createInvoicesService(db, ports),
    ...createCreditNotesService(db),
    ...createLeaksService(db, ports),
    ...createSettingsService(db),
  };
}

export type BillingService = ReturnType<typeof createBillingService>;

/**
 * Billing: runs, invoices, credit notes, the leak report and settings. `concurrency` is how many
 * transactions of clients a run has going at once: 1 on the embedded store, which has one
 * connection; a few on PostgreSQL.
 */
export function createBillingModule(deps: { db: Db; ports: BillingPorts; concurrency?: number }) {
  const service = createBillingService(deps.db, deps.ports, { concurrency: deps.concurrency ?? 1 });
  const module: KeelModule = { name: 'billing', routes: (app) => billingRoutes(app, service) };
  return { service, module };
}
