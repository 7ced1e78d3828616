import { and, arrayOverlaps, desc, eq, gt, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import { newSecret } from '../../platform/auth/secrets.js';
import { ttlCache } from '../../platform/cache.js';
import { newId } from '../../platform/db/columns.js';
import { containsPattern } from '../../platform/db/query.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import {
  isWebhookEventType,
  PING_EVENT,
  patternsMatching,
  type WebhookEventType,
} from './webhooks.events.js';
import type { DeliveryPolicy } from './webhooks.policy.js';
import {
  type Delivery,
  type DeliveryRow,
  type EndpointRow,
  eventBody,
  presentDelivery,
  presentWebhook,
  type Webhook,
} from './webhooks.presenters.js';
import type { DeliveryQueue } from './webhooks.queue.js';
import type {
  CreateWebhookInput,
  DeliveryListInput,
  UpdateWebhookInput,
  WebhookListInput,
} from './webhooks.schemas.js';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from './webhooks.tables.js';

export type WebhookWithSecret = Webhook & { secret: string };

export type PublishOptions = {
  /** Publish inside this transaction: the event exists exactly when the caller's change commits. */
  tx?: DbOrTx;
  /** The client the event concerns, when there is one. */
  clientId?: string | null;
};

export type PublishedEvent = {
  /** The `id` of the event body; the same for every endpoint. */
  eventId: string;
  /** One per active endpoint subscribed to the type; empty when nobody listens. */
  deliveryIds: string[];
};

/** Larger events belong behind an id the receiver fetches through the API. */
export const MAX_EVENT_BYTES = 256 * 1024;

const IdCursor = z.tuple([z.uuid()]);
const WEBHOOK = 'webhook';
const DELIVERY = 'webhook_delivery';

export function createWebhooksService(deps: { db: Db; policy: DeliveryPolicy; queue: DeliveryQueue }) {
  const { db, policy, queue } = deps;
  // Most events have no subscriber: knowing what active endpoints subscribe to spares a transaction
  // per event. Another process's new endpoint is seen within the cache's time limit.
  const subscribed = ttlCache(2_000, async (_: null) => {
    const rows = await db
      .select({ events: webhookEndpoints.events })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.active, true));
    return new Set(rows.flatMap((r) => r.events));
  });

  async function findEndpoint(tx: DbOrTx, id: string, lock = false): Promise<EndpointRow> {
    const query = tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('NOT_FOUND', 'Webhook', id);
    return row;
  }

  async function findDelivery(tx: DbOrTx, webhookId: string, deliveryId: string, lock = false) {
    const query = tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, webhookId)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('NOT_FOUND', 'Delivery', deliveryId);
    return row;
  }

  const mustBeActive = (endpoint: EndpointRow) => {
    if (!endpoint.active)
      throw new AppError('CONFLICT', `Webhook ${endpoint.id} is inactive: activate it before sending to it.`);
  };

  /** Ids are UUIDv7, so id order is creation order: pages are keyed by id alone. */
  function page<T extends { id: string }>(rows: T[], limit: number): Page<T> {
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor([last.id]) : null };
  }

  async function insertEvent(
    tx: DbOrTx,
    type: string,
    data: Record<string, unknown>,
    clientId: string | null,
    endpointIds: string[],
    maxAttempts: number,
  ): Promise<{ eventId: string; deliveries: DeliveryRow[] }> {
    const eventId = newId();
    const now = new Date();
    await tx.insert(webhookEvents).values({ id: eventId, type, clientId, data, createdAt: now });
    const deliveries = endpointIds.length
      ? await tx
          .insert(webhookDeliveries)
          .values(
            endpointIds.map((endpointId) => ({
              endpointId,
              eventId,
              eventType: type,
              maxAttempts,
              nextAttemptAt: now,
            })),
          )
          .returning()
      : [];
    await queue.enqueue(
      tx,
      deliveries.map((d) => ({ deliveryId: d.id })),
    );
    return { eventId, deliveries };
  }

  return {
    async listWebhooks(query: WebhookListInput): Promise<Page<Webhook>> {
      const where: (SQL | undefined)[] = [];
      if (query.q) {
        const pattern = containsPattern(query.q);
        where.push(or(ilike(webhookEndpoints.url, pattern), ilike(webhookEndpoints.description, pattern)));
      }
      if (query.active !== undefined) where.push(eq(webhookEndpoints.active, query.active));
      if (query.updated_since) where.push(gte(webhookEndpoints.updatedAt, new Date(query.updated_since)));
      if (query.cursor) where.push(gt(webhookEndpoints.id, decodeCursor(query.cursor, IdCursor)[0]));
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(and(...where))
        .orderBy(webhookEndpoints.id)
        .limit(query.limit + 1);
      const result = page(rows, query.limit);
      return { ...result, items: result.items.map(presentWebhook) };
    },

    async getWebhook(id: string): Promise<Webhook> {
      return presentWebhook(await findEndpoint(db, id));
    },

    async createWebhook(input: CreateWebhookInput): Promise<WebhookWithSecret> {
      const secret = newSecret('whsec');
      const result = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(webhookEndpoints)
          .values({ ...input, secret })
          .returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: WEBHOOK,
          entityId: row!.id,
          changes: { url: row!.url, events: row!.events, active: row!.active, description: row!.description },
        });
        return { ...presentWebhook(row!), secret };
      });
      subscribed.forget();
      return result;
    },

    async updateWebhook(id: string, patch: UpdateWebhookInput): Promise<Webhook> {
      const result = await db.transaction(async (tx) => {
        const before = await findEndpoint(tx, id, true);
        const [after] = await tx
          .update(webhookEndpoints)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(webhookEndpoints.id, id))
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: WEBHOOK,
          entityId: id,
          changes: diff(before, patch),
        });
        return presentWebhook(after!);
      });
      subscribed.forget();
      return result;
    },

    /** Deletes the endpoint with its delivery log; nothing more is sent to it, retries included. */
    async deleteWebhook(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await findEndpoint(tx, id, true);
        await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
        await recordAudit(tx, {
          action: 'delete',
          entityType: WEBHOOK,
          entityId: id,
          changes: { url: before.url, events: before.events },
        });
      });
      subscribed.forget();
    },

    /** A new signing secret, shown once; the old one can keep signing alongside for a grace period. */
    async rotateSecret(id: string, opts: { keepPreviousForHours: number }): Promise<WebhookWithSecret> {
      const secret = newSecret('whsec');
      return db.transaction(async (tx) => {
        const before = await findEndpoint(tx, id, true);
        const now = new Date();
        const keep = opts.keepPreviousForHours > 0;
        const [after] = await tx
          .update(webhookEndpoints)
          .set({
            secret,
            previousSecret: keep ? before.secret : null,
            previousSecretExpiresAt: keep
              ? new Date(now.getTime() + opts.keepPreviousForHours * 3600_000)
              : null,
            secretRotatedAt: now,
            updatedAt: now,
          })
          .where(eq(webhookEndpoints.id, id))
          .returning();
        await recordAudit(tx, {
          action: 'rotate_secret',
          entityType: WEBHOOK,
          entityId: id,
          changes: { keepPreviousForHours: opts.keepPreviousForHours },
        });
        return { ...presentWebhook(after!), secret };
      });
    },

    /**
     * Records an event for every active endpoint subscribed to its type (exact, `<category>.*` or
     * `*`) and queues its delivery. Given `tx`, all of it happens in the caller's transaction, so
     * the event exists exactly when the caller's change commits. Never fails for want of a job
     * queue: undelivered rows are picked up by the sweep of whichever worker runs.
     */
    async publish(
      type: WebhookEventType,
      data: Record<string, unknown>,
      opts: PublishOptions = {},
    ): Promise<PublishedEvent> {
      if (!isWebhookEventType(type))
        throw new Error(`Unknown webhook event type "${type}": add it to webhooks.events.ts first.`);
      const size = Buffer.byteLength(JSON.stringify(data));
      if (size > MAX_EVENT_BYTES)
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `A ${type} event of ${size} bytes exceeds ${MAX_EVENT_BYTES}.`,
        );
      if (!opts.tx) {
        const patterns = await subscribed.get(null);
        if (!patternsMatching(type).some((p) => patterns.has(p)))
          return { eventId: newId(), deliveryIds: [] };
      }
      const run = async (tx: DbOrTx): Promise<PublishedEvent> => {
        const endpoints = await tx
          .select({ id: webhookEndpoints.id })
          .from(webhookEndpoints)
          .where(
            and(
              eq(webhookEndpoints.active, true),
              arrayOverlaps(webhookEndpoints.events, patternsMatching(type)),
            ),
          )
          .orderBy(webhookEndpoints.id);
        if (endpoints.length === 0) return { eventId: newId(), deliveryIds: [] };
        const { eventId, deliveries } = await insertEvent(
          tx,
          type,
          data,
          opts.clientId ?? null,
          endpoints.map((e) => e.id),
          policy.maxAttempts,
        );
        return { eventId, deliveryIds: deliveries.map((d) => d.id) };
      };
      return opts.tx ? run(opts.tx) : db.transaction(run);
    },

    /** Sends a `webhook.ping` event to this one endpoint, once, to check the receiver end to end. */
    async ping(id: string): Promise<Delivery> {
      return db.transaction(async (tx) => {
        const endpoint = await findEndpoint(tx, id);
        mustBeActive(endpoint);
        const { deliveries } = await insertEvent(tx, PING_EVENT, { webhookId: id }, null, [id], 1);
        await recordAudit(tx, {
          action: 'ping',
          entityType: WEBHOOK,
          entityId: id,
          changes: { deliveryId: deliveries[0]!.id },
        });
        return presentDelivery(deliveries[0]!);
      });
    },

    async listDeliveries(webhookId: string, query: DeliveryListInput): Promise<Page<Delivery>> {
      await findEndpoint(db, webhookId);
      const where: (SQL | undefined)[] = [eq(webhookDeliveries.endpointId, webhookId)];
      if (query.status) where.push(eq(webhookDeliveries.status, query.status));
      if (query.event_type) where.push(eq(webhookDeliveries.eventType, query.event_type));
      if (query.updated_since) where.push(gte(webhookDeliveries.updatedAt, new Date(query.updated_since)));
      if (query.cursor) where.push(lt(webhookDeliveries.id, decodeCursor(query.cursor, IdCursor)[0]));
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(and(...where))
        .orderBy(desc(webhookDeliveries.id))
        .limit(query.limit + 1);
      const result = page(rows, query.limit);
      return { ...result, items: result.items.map(presentDelivery) };
    },

    async getDelivery(webhookId: string, deliveryId: string) {
      const delivery = await findDelivery(db, webhookId, deliveryId);
      const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, delivery.eventId));
      return { ...presentDelivery(delivery), payload: eventBody(event!) };
    },

    /**
     * Sends a finished delivery again, with the same X-Keel-Delivery id (receivers that already
     * processed it can tell) and a fresh allowance of attempts.
     */
    async redeliver(webhookId: string, deliveryId: string): Promise<Delivery> {
      return db.transaction(async (tx) => {
        mustBeActive(await findEndpoint(tx, webhookId));
        const before = await findDelivery(tx, webhookId, deliveryId, true);
        if (before.status === 'pending' || before.status === 'sending')
          throw new AppError(
            'CONFLICT',
            `Delivery ${deliveryId} is still ${before.status}: it will be sent.`,
          );
        const now = new Date();
        const [after] = await tx
          .update(webhookDeliveries)
          .set({
            status: 'pending',
            maxAttempts: before.attempts + (before.eventType === PING_EVENT ? 1 : policy.maxAttempts),
            nextAttemptAt: now,
            completedAt: null,
            updatedAt: now,
          })
          .where(eq(webhookDeliveries.id, deliveryId))
          .returning();
        await recordAudit(tx, {
          action: 'redeliver',
          entityType: DELIVERY,
          entityId: deliveryId,
          changes: { webhookId, status: [before.status, 'pending'] },
        });
        await queue.enqueue(tx, [{ deliveryId }]);
        return presentDelivery(after!);
      });
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
