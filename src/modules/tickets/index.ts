import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { csatRoutes } from './csat.routes.js';
import { createCsatService } from './csat.service.js';
import { problemsRoutes } from './problems.routes.js';
import { createProblemsService } from './problems.service.js';
import { type SlaNotice, sweepSlaNotices } from './sla-notices.js';
import type { TicketRow } from './ticket-clocks.js';
import type { TicketPorts } from './tickets.ports.js';
import { ticketsRoutes } from './tickets.routes.js';
import { createTicketsService } from './tickets.service.js';

export {
  type AttachmentsService,
  type CheckedFile,
  createAttachmentsModule,
  type IncomingFile,
} from './attachments.module.js';
export type { SlaNotice } from './sla-notices.js';
export type { ResolvedSla, TicketPorts } from './tickets.ports.js';
export type { Actor, TicketMessageEvent, TicketsService, Within } from './tickets.service.js';

/** Listeners (mail, webhooks) that hear of each SLA warning and breach once it is recorded. */
export type SlaNoticeListener = (notice: SlaNotice) => Promise<void>;

export function createTicketsModule(deps: { db: Db; ports: TicketPorts }) {
  const service = createTicketsService(deps.db, deps.ports);
  const problems = createProblemsService(deps.db, service);
  const csat = createCsatService(deps.db);
  // A survey opens as a ticket is resolved; its one-click token goes to whoever sends the mail.
  const surveyListeners: ((ticket: TicketRow, token: string) => Promise<void>)[] = [];
  service.onResolved(async (ticket) => {
    const token = await csat.open(ticket);
    if (token) for (const listen of surveyListeners) await listen(ticket, token);
  });
  const listeners: SlaNoticeListener[] = [];
  const noticePorts = {
    slaPolicy: deps.ports.slaPolicy,
    onNotice: async (notice: SlaNotice) => {
      for (const listen of listeners) await listen(notice);
    },
  };
  /** Sweeps until no ticket is left with a notice due; returns how many notices fired. */
  async function sweep(now = new Date(), batch = 200) {
    let total = 0;
    for (;;) {
      const { examined, fired } = await sweepSlaNotices(deps.db, noticePorts, now, batch);
      total += fired;
      if (examined < batch) return total;
    }
  }
  const module: KeelModule = {
    name: 'tickets',
    routes: (app) => {
      ticketsRoutes(app, service);
      problemsRoutes(app, problems);
      csatRoutes(app, csat);
    },
    // Every minute: SLA targets are in minutes, and the sweep finds whatever came due since.
    jobs: (jobs) =>
      jobs.define('tickets.sla-notices', () => sweep().then(() => {}), { cron: '* * * * *', batchSize: 1 }),
  };
  return {
    service,
    problems,
    csat,
    module,
    onSurveyOpened: (listen: (ticket: TicketRow, token: string) => Promise<void>) =>
      surveyListeners.push(listen),
    sweep,
    onSlaNotice: (listen: SlaNoticeListener) => listeners.push(listen),
  };
}
