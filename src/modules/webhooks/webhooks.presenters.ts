import type { webhookDeliveries, webhookEndpoints } from './webhooks.tables.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** An endpoint as the API shows it: never the secrets. */
export const presentWebhook = (e: EndpointRow) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events,
  active: e.active,
  secretRotatedAt: e.secretRotatedAt,
  previousSecretExpiresAt:
    e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date() ? e.previousSecretExpiresAt : null,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export const presentDelivery = (d: DeliveryRow) => ({
  id: d.id,
  webhookId: d.endpointId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  maxAttempts: d.maxAttempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  lastAttemptAt: d.lastAttemptAt,
  completedAt: d.completedAt,
  durationMs: d.durationMs,
  responseStatus: d.responseStatus,
  responseBody: d.responseBody,
  lastError: d.lastError,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export type Webhook = ReturnType<typeof presentWebhook>;
export type Delivery = ReturnType<typeof presentDelivery>;

/** The JSON body posted for an event: the same bytes on every attempt to every endpoint. */
export const eventBody = (event: {
  id: string;
  type: string;
  createdAt: Date;
  data: Record<string, unknown>;
}) => ({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data });
