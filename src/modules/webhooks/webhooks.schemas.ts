import { z } from 'zod';
import { ListQuery } from '../../platform/http/pagination.js';
import { eventTypeList, normalizePatterns, patternProblem } from './webhooks.events.js';
import { urlProblem } from './webhooks.policy.js';
import { deliveryStatuses } from './webhooks.tables.js';

const WebhookUrl = z
  .string()
  .trim()
  .min(1)
  .superRefine((url, ctx) => {
    const problem = urlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Where events are posted: an absolute http:// or https:// URL, without credentials.');

const EventPattern = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .superRefine((pattern, ctx) => {
    const problem = patternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const EventPatterns = z
  .array(EventPattern)
  .min(1)
  .max(50)
  .transform(normalizePatterns)
  .describe(
    `Event types to receive: any of ${eventTypeList.join(', ')}; ` +
      'a whole category such as "ticket.*" or "alert.*"; or "*" for everything.',
  );

const Description = z.string().trim().max(500);

export const CreateWebhookBody = z.strictObject({
  url: WebhookUrl,
  events: EventPatterns,
  description: Description.default(''),
  active: z.boolean().default(true),
});
export const UpdateWebhookBody = z.strictObject({
  url: WebhookUrl.optional(),
  events: EventPatterns.optional(),
  description: Description.optional(),
  active: z.boolean().optional().describe('An inactive endpoint receives nothing, not even retries.'),
});

export const RotateSecretBody = z
  .strictObject({
    keepPreviousForHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(0)
      .describe(
        'Keep signing with the old secret too for this many hours (a second v1 in X-Keel-Signature), ' +
          'so receivers can switch without dropping events. 0 retires it at once.',
      ),
  })
  .describe('Optional: without a body the old secret stops signing at once.');

export const WebhookParams = z.strictObject({ webhookId: z.uuid() });
export const DeliveryParams = z.strictObject({ webhookId: z.uuid(), deliveryId: z.uuid() });

export const WebhookListQuery = ListQuery.pick({ limit: true, cursor: true, q: true, updated_since: true })
  .extend({
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('Only active (or inactive) endpoints.'),
  })
  .strict();

export const DeliveryListQuery = ListQuery.pick({ limit: true, cursor: true, updated_since: true })
  .extend({
    status: z.enum(deliveryStatuses).optional(),
    event_type: z.string().max(100).optional().describe('Only deliveries of this event type.'),
  })
  .strict();

export const WebhookResponse = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  secretRotatedAt: z.date().nullable(),
  previousSecretExpiresAt: z
    .date()
    .nullable()
    .describe('Until then requests also carry a signature made with the previous secret.'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const WebhookWithSecretResponse = WebhookResponse.extend({
  secret: z
    .string()
    .describe('The signing secret. Shown once, on creation and rotation: store it with the receiver now.'),
});

export const DeliveryResponse = z.object({
  id: z.uuid().describe('Also sent as X-Keel-Delivery: the same on every retry and redelivery.'),
  webhookId: z.uuid(),
  eventId: z.uuid().describe('The `id` of the event body; shared by the deliveries to every endpoint.'),
  eventType: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  lastAttemptAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  durationMs: z.number().int().nullable().describe('How long the last attempt took.'),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable().describe('The start of the last response body.'),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const DeliveryDetailResponse = DeliveryResponse.extend({
  payload: z
    .object({
      id: z.uuid(),
      type: z.string(),
      createdAt: z.string(),
      data: z.record(z.string(), z.unknown()),
    })
    .describe('The body posted, before signing.'),
});

export const EventTypesResponse = z.object({
  items: z.array(z.object({ type: z.string(), description: z.string() })),
  wildcards: z.array(z.string()),
});

export type CreateWebhookInput = z.infer<typeof CreateWebhookBody>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookBody>;
export type WebhookListInput = z.infer<typeof WebhookListQuery>;
export type DeliveryListInput = z.infer<typeof DeliveryListQuery>;
