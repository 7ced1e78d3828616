import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { alertPorts } from './alerts-wiring.js';
import { assetsPorts } from './assets-wiring.js';
import { billingPorts } from './billing-wiring.js';
import { helpdeskPorts, isAssignable } from './helpdesk-wiring.js';
import { mailPorts } from './mail-wiring.js';
import { createAgreementsModule } from './modules/agreements/index.js';
import { createAlertsModule } from './modules/alerts/index.js';
import { createAssetsModule } from './modules/assets/index.js';
import { createBillingModule, createReceivablesModule } from './modules/billing/index.js';
import { createCatalogModule } from './modules/catalog/index.js';
import { createClientsModule } from './modules/clients/index.js';
import { createIdentityModule } from './modules/identity/index.js';
import { createMailModule } from './modules/mail/index.js';
import { createSlaModule, type SlaService } from './modules/sla/index.js';
import { createAttachmentsModule, createTicketsModule } from './modules/tickets/index.js';
import { createTimeModule } from './modules/time/index.js';
import { createWebhooksModule } from './modules/webhooks/index.js';
import { wireNotices, wireWebhooks } from './notice-wiring.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { type AccessScope, staffScope } from './platform/auth/principal.js';
import type { Config } from './platform/config.js';
import type { Store } from './platform/db/store.js';
import { orNull } from './platform/errors.js';
import { createHttpServer, typed } from './platform/http/server.js';
import { createJobs, type Jobs } from './platform/jobs/jobs.js';
import type { KeelModule } from './platform/module.js';
import { version } from './platform/version.js';
import { receivablesPorts } from './receivables-wiring.js';
import { timePorts } from './time-wiring.js';

/** The composition root: the one place that knows every module and wires them into the platform. */
export function createModules(store: Store, config: Config) {
  const clients = createClientsModule({ db: store.db });
  const identity = createIdentityModule({ db: store.db, config, clients: clients.service });
  const catalog = createCatalogModule({ db: store.db });
  // Assets per client: alerts map to them, per-device billing counts the managed ones.
  const assets = createAssetsModule({ db: store.db, ports: assetsPorts(clients.service) });
  // Agreements learn about clients and the catalog through their services, never their tables.
  const findClient = (scope: AccessScope, clientId: string) =>
    orNull(clients.service.getClient(scope, clientId));
  // Agreements and tickets name SLA policies, and the SLA module checks pause statuses against the
  // ticket workflow: the policies are reached through this late-bound service.
  let slaService: SlaService | null = null;
  const agreements = createAgreementsModule({
    db: store.db,
    clientVisible: async (scope, clientId) => {
      const client = await findClient(scope, clientId);
      return client !== null && !client.archived;
    },
    clientTimeZone: async (scope, clientId) => (await findClient(scope, clientId))?.timeZone ?? null,
    listClients: clients.service.listLiveClients,
    workTypes: async () => (await catalog.service.listWorkTypes()).filter((w) => w.active),
    unknownCategories: catalog.service.unknownCategories,
    unknownWorkTypes: catalog.service.unknownWorkTypes,
    slaPolicyExists: async (policyId) => (await slaService!.resolved(policyId)) !== null,
  });
  const tickets = createTicketsModule({
    db: store.db,
    ports: helpdeskPorts({
      clients: clients.service,
      identity: identity.service,
      catalog: catalog.service,
      agreements: agreements.service,
      classification: agreements.classification,
      sla: () => slaService!,
    }),
  });
  const sla = createSlaModule({
    db: store.db,
    ports: {
      isAssignable: (userId) => isAssignable(identity.service, userId),
      statusCodes: () => tickets.service.statusCodes(),
    },
  });
  slaService = sla.service;
  const time = createTimeModule({
    db: store.db,
    ports: timePorts({
      tickets: tickets.service,
      clients: clients.service,
      identity: identity.service,
      catalog: catalog.service,
      agreements: agreements.service,
      classification: agreements.classification,
      sla: () => slaService!,
    }),
  });
  // Billing runs, invoices and credit notes; a run bills a few clients at once on PostgreSQL.
  const billing = createBillingModule({
    db: store.db,
    ports: billingPorts({
      clients: clients.service,
      agreements: agreements.service,
      assets: assets.service,
      catalog: catalog.service,
      tickets: tickets.service,
      time: time.service,
    }),
    concurrency: store.kind === 'postgres' ? 4 : 1,
  });
  // Payments, receivables, reminders, invoice PDF and mail, accounting export, scheduled runs.
  const receivables = createReceivablesModule({
    db: store.db,
    config,
    ports: receivablesPorts(clients.service),
    billing: billing.service,
  });
  // Outbound webhooks: other modules publish events through webhooks.service.publish().
  const webhooks = createWebhooksModule({ db: store.db });
  const attachments = createAttachmentsModule({ db: store.db, maxBytes: config.attachmentMaxBytes });
  // Mail in (SMTP listener) and out (jobs through SMTP_URL): tickets, attachments, contacts, users.
  const mail = createMailModule({
    config,
    ports: mailPorts({
      tickets: tickets.service,
      attachments: attachments.service,
      clients: clients.service,
      identity: identity.service,
    }),
  });
  wireNotices({
    identity: identity.service,
    mail: mail.service,
    publicUrl: config.publicUrl,
    onSlaNotice: tickets.onSlaNotice,
    onSurveyOpened: tickets.onSurveyOpened,
    contactEmail: async (contactId) =>
      (await orNull(clients.service.getContact(staffScope, contactId)))?.email ?? null,
  });
  wireWebhooks({
    webhooks: webhooks.service,
    onSlaNotice: tickets.onSlaNotice,
    onMessage: (listen) => tickets.service.onMessage(listen),
    onResolved: (listen) => tickets.service.onResolved(listen),
  });
  // Monitoring alerts: tickets through the helpdesk's service, asset mapping through the assets'.
  const alerts = createAlertsModule({
    db: store.db,
    serialized: store.kind === 'pglite',
    ports: alertPorts({
      tickets: tickets.service,
      time: time.service,
      clients: clients.service,
      assets: assets.service,
      agreements: agreements.service,
      sla: () => slaService!,
    }),
  });
  tickets.service.onResolved((ticket) =>
    alerts.tickets.ticketResolved(ticket.id, ticket.resolvedAt ?? new Date()),
  );
  const modules: KeelModule[] = [
    identity.module,
    clients.module,
    catalog.module,
    agreements.module,
    sla.module,
    tickets.module,
    time.module,
    billing.module,
    receivables.module,
    attachments.module,
    mail.module,
    webhooks.module,
    assets.module,
    alerts.module,
  ];
  return {
    clients,
    identity,
    catalog,
    agreements,
    sla,
    tickets,
    time,
    billing,
    receivables,
    attachments,
    mail,
    webhooks,
    assets,
    alerts,
    modules,
  };
}

export type Keel = ReturnType<typeof createModules>;

export type App = {
  http: FastifyInstance;
  keel: Keel;
  jobs: Jobs | null;
  close(): Promise<void>;
};

export type BuildAppOptions = {
  store: Store;
  config: Config;
  /** Start pg-boss; `work` also runs the jobs in this process. Off by default (tests). */
  jobs?: { work: boolean } | false;
  /** Let HTTP answer while pg-boss starts (a server's cold start); tests wait for it instead. */
  jobsInBackground?: boolean;
  logger?: boolean | object;
  webDist?: string | null;
};

export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const { store, config } = opts;
  const keel = createModules(store, config);
  const http = await createHttpServer({
    config,
    authenticator: keel.identity.authenticator,
    logger: opts.logger,
    webDist: opts.webDist,
  });

  typed(http).get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and store',
        response: {
          200: z.object({
            status: z.literal('ok'),
            store: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await store.executeSql('select 1');
      return { status: 'ok' as const, store: store.kind, version };
    },
  );
  auditRoutes(http, store.db);
  for (const m of keel.modules) await m.routes?.(http);

  let jobs: Jobs | null = null;
  let jobsStarted: Promise<void> = Promise.resolve();
  if (opts.jobs) {
    jobs = createJobs(store, (err) => http.log.error({ err }, 'job queue error'));
    for (const m of keel.modules) await m.jobs?.(jobs);
    jobsStarted = jobs.start(opts.jobs);
    if (opts.jobsInBackground)
      jobsStarted.catch((err) => http.log.error({ err }, 'job queue failed to start'));
    else await jobsStarted;
  }
  await http.ready();
  return {
    http,
    keel,
    jobs,
    async close() {
      await keel.mail.service.close();
      keel.receivables.close();
      await http.close();
      await jobsStarted.catch(() => {});
      await jobs?.stop();
    },
  };
}

/** A worker process: the same modules, jobs only, no HTTP. */
export async function startWorker(store: Store, config: Config, onError: (err: Error) => void) {
  const keel = createModules(store, config);
  const jobs = createJobs(store, onError);
  for (const m of keel.modules) await m.jobs?.(jobs);
  await jobs.start({ work: true });
  return jobs;
}
