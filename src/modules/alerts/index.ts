import type { Db } from '../../platform/db/store.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { KeelModule } from '../../platform/module.js';
import { createAvailability } from './alerts.availability.js';
import { createIntake } from './alerts.intake.js';
import type { AlertPorts } from './alerts.ports.js';
import { alertsRoutes } from './alerts.routes.js';
import { createAlertsService } from './alerts.service.js';
import { createAlertSettings } from './alerts.settings.js';
import { createAlertTickets } from './alerts.tickets.js';
import { createMaintenanceService } from './maintenance.service.js';
import { createMappingRulesService } from './mapping-rules.service.js';
import { receiversRoutes } from './receivers.routes.js';

export type { Availability } from './alerts.availability.js';
export type { AlertPorts, AlertTicketPorts, LiveTicket, NewAlertTicket } from './alerts.ports.js';
export type { Alert, AlertsService } from './alerts.service.js';
export { reviewTag, type TicketClock } from './alerts.tickets.js';

export const TICKET_JOB = 'alerts.ticket';
export const SWEEP_JOB = 'alerts.sweep';
export const BREACH_JOB = 'alerts.availability-breaches';

type TicketJob = { alertId: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Monitoring intake and the alert lifecycle: receivers, alerts, rules, maintenance windows and
 * availability over REST; the ticket job (one per alert, in order), a sweep every minute (lost
 * ticket jobs, flapping alerts gone quiet) and a daily job that records availability breaches.
 */
export function createAlertsModule(deps: {
  db: Db;
  ports: AlertPorts;
  /** The store runs one transaction at a time (PGlite). */
  serialized?: boolean;
  log?: (err: unknown) => void;
}) {
  const { db, ports } = deps;
  let jobs: Jobs | null = null;
  const log = deps.log ?? (() => {});
  /** Queues one ticket job per alert (pg-boss keeps one queued and one active per alert). */
  const kick = (alertIds: string[]) => {
    if (!jobs || !alertIds.length) return;
    jobs.boss
      .insert(alertIds.map((alertId) => ({ name: TICKET_JOB, data: { alertId }, singletonKey: alertId })))
      .catch(log);
  };
  const settings = createAlertSettings(db, ports);
  const mappingRules = createMappingRulesService(db, ports, settings);
  const maintenance = createMaintenanceService(db, ports, settings);
  const intake = createIntake({ db, ports, settings, kick, serialized: deps.serialized });
  const tickets = createAlertTickets(db, ports.tickets);
  const service = createAlertsService({ db, ports, settings, mappingRules, kick });
  const availability = createAvailability({ db, ports, settings });

  /** Re-queues alerts whose ticket work was not picked up, and settles flapping alerts gone quiet. */
  async function sweep(now = Date.now()) {
    await service.settleFlapping(now);
    const waiting = await tickets.waiting();
    if (jobs) kick(waiting);
    return waiting.length;
  }

  const module: KeelModule = {
    name: 'alerts',
    routes: (app) => {
      receiversRoutes(app, intake);
      alertsRoutes(app, { alerts: service, settings, mappingRules, maintenance, availability });
    },
    jobs(j) {
      jobs = j;
      j.define<TicketJob>(
        TICKET_JOB,
        async ({ alertId }) => {
          if (typeof alertId === 'string' && UUID.test(alertId)) await tickets.processAlert(alertId);
        },
        { batchSize: 20, pollingIntervalSeconds: 0.5, policy: 'stately' },
      );
      j.define(SWEEP_JOB, async () => void (await sweep()), { cron: '* * * * *', batchSize: 1 });
      j.define(BREACH_JOB, async () => void (await availability.recordBreaches()), {
        cron: '17 2 * * *',
        batchSize: 1,
      });
    },
  };
  return { service, intake, tickets, settings, mappingRules, maintenance, availability, module, sweep };
}

export type AlertsModule = ReturnType<typeof createAlertsModule>;
