import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { createDeliveryWorker, type postWebhook } from './webhooks.delivery.js';
import { type DeliveryPolicy, defaultDeliveryPolicy } from './webhooks.policy.js';
import { createDeliveryQueue, DELIVER_JOB, type DeliverJob, PRUNE_JOB, SWEEP_JOB } from './webhooks.queue.js';
import { webhooksRoutes } from './webhooks.routes.js';
import { createWebhooksService } from './webhooks.service.js';

export type { WebhookEventType } from './webhooks.events.js';
export { PING_EVENT, webhookEventTypes } from './webhooks.events.js';
export type { DeliveryPolicy } from './webhooks.policy.js';
export { defaultDeliveryPolicy } from './webhooks.policy.js';
export type { Delivery, Webhook } from './webhooks.presenters.js';
export type { PublishedEvent, PublishOptions, WebhooksService } from './webhooks.service.js';
export {
  computeSignature,
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  type SignatureCheck,
  signatureHeader,
  verifySignature,
} from './webhooks.signature.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Outbound webhooks: endpoints managed over REST, `service.publish()` for other modules, and the
 * jobs that deliver (one attempt per job), re-queue lost deliveries (every minute) and prune old
 * events (daily).
 */
export function createWebhooksModule(deps: {
  db: Db;
  policy?: Partial<DeliveryPolicy>;
  /** Replaces the HTTP POST (tests of the worker's bookkeeping). */
  post?: typeof postWebhook;
}) {
  const policy: DeliveryPolicy = { ...defaultDeliveryPolicy, ...deps.policy };
  const queue = createDeliveryQueue();
  const service = createWebhooksService({ db: deps.db, policy, queue });
  const worker = createDeliveryWorker({ db: deps.db, policy, queue, post: deps.post });
  const module: KeelModule = {
    name: 'webhooks',
    routes: (app) => webhooksRoutes(app, service),
    jobs(jobs) {
      queue.attach(jobs);
      jobs.define<DeliverJob>(
        DELIVER_JOB,
        async ({ deliveryId }) => {
          if (typeof deliveryId === 'string' && UUID.test(deliveryId)) await worker.deliver(deliveryId);
        },
        { batchSize: 10, pollingIntervalSeconds: 0.5 },
      );
      jobs.define(SWEEP_JOB, async () => void (await worker.sweep()), { cron: '* * * * *' });
      jobs.define(PRUNE_JOB, async () => void (await worker.prune()), { cron: '41 3 * * *' });
    },
  };
  return { service, worker, module };
}

export type WebhooksModule = ReturnType<typeof createWebhooksModule>;
