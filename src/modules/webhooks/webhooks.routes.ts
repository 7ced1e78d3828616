import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import { webhookEventTypes } from './webhooks.events.js';
import {
  CreateWebhookBody,
  DeliveryDetailResponse,
  DeliveryListQuery,
  DeliveryParams,
  DeliveryResponse,
  EventTypesResponse,
  RotateSecretBody,
  UpdateWebhookBody,
  WebhookListQuery,
  WebhookParams,
  WebhookResponse,
  WebhookWithSecretResponse,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const tags = ['webhooks'];
const SIGNING =
  'Each request is a JSON POST of {id, type, createdAt, data} with X-Keel-Event, X-Keel-Delivery ' +
  '(the same on retries: an idempotency key) and X-Keel-Signature: t=<unix seconds>,v1=<hex ' +
  'HMAC-SHA256 of "<t>.<raw body>" keyed by the endpoint secret>. Reject timestamps more than 5 ' +
  'minutes off. Answer 2xx within 10 s; network errors, timeouts, 408, 429 and 5xx are retried with ' +
  'exponential backoff (8 attempts over about 15 hours); any other status is final.';

export function webhooksRoutes(app: FastifyInstance, service: WebhooksService) {
  const r = typed(app);
  const config = { access: { permission: 'webhooks:manage' as const, staffOnly: true } };

  r.get(
    '/api/v1/webhooks/event-types',
    {
      config,
      schema: {
        tags,
        summary: 'Event types an endpoint can subscribe to',
        response: { 200: EventTypesResponse },
      },
    },
    async () => ({
      items: Object.entries(webhookEventTypes).map(([type, description]) => ({ type, description })),
      wildcards: ['*', ...new Set(Object.keys(webhookEventTypes).map((t) => `${t.split('.')[0]}.*`))],
    }),
  );
  r.get(
    '/api/v1/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'List webhook endpoints (cursor, updated_since, q on URL and description)',
        querystring: WebhookListQuery,
        response: { 200: pageOf(WebhookResponse) },
      },
    },
    (req) => service.listWebhooks(req.query),
  );
  r.post(
    '/api/v1/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'Add a webhook endpoint; the signing secret is in this answer only',
        description: SIGNING,
        body: CreateWebhookBody,
        response: { 201: WebhookWithSecretResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createWebhook(req.body)),
  );
  r.get(
    '/api/v1/webhooks/:webhookId',
    {
      config,
      schema: {
        tags,
        summary: 'One webhook endpoint',
        params: WebhookParams,
        response: { 200: WebhookResponse },
      },
    },
    (req) => service.getWebhook(req.params.webhookId),
  );
  r.patch(
    '/api/v1/webhooks/:webhookId',
    {
      config,
      schema: {
        tags,
        summary: 'Change a webhook endpoint (URL, events, description, active)',
        params: WebhookParams,
        body: UpdateWebhookBody,
        response: { 200: WebhookResponse },
      },
    },
    (req) => service.updateWebhook(req.params.webhookId, req.body),
  );
  r.delete(
    '/api/v1/webhooks/:webhookId',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a webhook endpoint and its delivery log',
        params: WebhookParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.deleteWebhook(req.params.webhookId);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/webhooks/:webhookId/rotate-secret',
    {
      config,
      schema: {
        tags,
        summary: 'Replace the signing secret; the new one is in this answer only',
        params: WebhookParams,
        body: RotateSecretBody.nullish(),
        response: { 200: WebhookWithSecretResponse },
      },
    },
    (req) =>
      service.rotateSecret(req.params.webhookId, {
        keepPreviousForHours: req.body?.keepPreviousForHours ?? 0,
      }),
  );
  r.post(
    '/api/v1/webhooks/:webhookId/ping',
    {
      config,
      schema: {
        tags,
        summary: 'Send a webhook.ping event to this endpoint (one attempt)',
        params: WebhookParams,
        response: { 202: DeliveryResponse },
      },
    },
    async (req, reply) => reply.status(202).send(await service.ping(req.params.webhookId)),
  );
  r.get(
    '/api/v1/webhooks/:webhookId/deliveries',
    {
      config,
      schema: {
        tags,
        summary: 'Delivery log of an endpoint, newest first',
        params: WebhookParams,
        querystring: DeliveryListQuery,
        response: { 200: pageOf(DeliveryResponse) },
      },
    },
    (req) => service.listDeliveries(req.params.webhookId, req.query),
  );
  r.get(
    '/api/v1/webhooks/:webhookId/deliveries/:deliveryId',
    {
      config,
      schema: {
        tags,
        summary: 'One delivery, with the body posted',
        params: DeliveryParams,
        response: { 200: DeliveryDetailResponse },
      },
    },
    (req) => service.getDelivery(req.params.webhookId, req.params.deliveryId),
  );
  r.post(
    '/api/v1/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    {
      config,
      schema: {
        tags,
        summary: 'Send a finished delivery again (same X-Keel-Delivery id, fresh attempts)',
        params: DeliveryParams,
        response: { 202: DeliveryResponse },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.redeliver(req.params.webhookId, req.params.deliveryId)),
  );
}
