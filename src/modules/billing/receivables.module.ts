/**
 * Billing's money-in side and outputs, built on the billing core (runs, invoices, credit notes):
 * payments and client credit, receivables and aging, reminders for overdue invoices, invoices as
 * PDF and by mail, the accounting export, and scheduled billing runs. Its jobs: sending an invoice,
 * the daily reminders, and the ten-minute tick of the billing schedule.
 */
import pino, { type Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { createBillingMailer } from './billing-mailer.js';
import { createExportsService } from './exports.service.js';
import type { BillingService } from './index.js';
import { createInvoiceMailingsService } from './invoice-mailings.service.js';
import { invoiceOutputRoutes } from './invoice-output.routes.js';
import { createPaymentsService } from './payments.service.js';
import type { ReceivablesPorts } from './receivables.ports.js';
import { receivablesRoutes } from './receivables.routes.js';
import { createReceivablesService } from './receivables.service.js';
import { createRemindersService } from './reminders.service.js';
import { createScheduleService } from './schedule.service.js';
import { readSettings } from './settings.service.js';
import { todayIn } from './today.js';

export function createReceivablesModule(deps: {
  db: Db;
  config: Config;
  ports: ReceivablesPorts;
  billing: Pick<BillingService, 'runBilling' | 'issueInvoice'>;
  log?: Logger;
}) {
  const { db, config, ports } = deps;
  const log = deps.log ?? pino({ level: config.logLevel }).child({ module: 'billing' });
  const mailer = createBillingMailer(config, log);
  const payments = createPaymentsService(db, ports);
  const receivables = createReceivablesService(db, ports);
  const mailings = createInvoiceMailingsService({ db, ports, mailer, log });
  const reminders = createRemindersService({ db, ports, mailer, log });
  const exports = createExportsService(db);
  const schedule = createScheduleService({ db, runs: deps.billing, invoices: deps.billing, log });
  const today = async (now: Date) => todayIn((await readSettings(db)).scheduleTimeZone, now);

  const module: KeelModule = {
    name: 'billing-receivables',
    routes(app) {
      receivablesRoutes(app, { payments, receivables, reminders, schedule });
      invoiceOutputRoutes(app, { db, mailings, exports, today });
    },
    jobs(j) {
      mailings.jobs(j);
      reminders.jobs(j);
      schedule.jobs(j);
    },
  };
  return {
    payments,
    receivables,
    mailings,
    reminders,
    exports,
    schedule,
    module,
    close: () => mailer.close(),
  };
}

export type ReceivablesModule = ReturnType<typeof createReceivablesModule>;
