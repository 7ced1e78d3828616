import { z } from 'zod';
import { levels, priorities } from '../../domain/sla/priority.js';
import { ListQuery } from '../../platform/http/pagination.js';

export const ticketSources = ['portal', 'email', 'phone', 'api', 'alert'] as const;
export const ticketTypes = ['incident', 'service_request', 'problem', 'change'] as const;

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _');
const tag = z.string().trim().min(1).max(40);

export const CreateTicketBody = z.strictObject({
  clientId: z.uuid().nullable().optional().describe('Null or absent: the ticket goes to triage.'),
  contactId: z.uuid().nullable().optional(),
  siteId: z.uuid().nullable().optional(),
  requesterEmail: z.email().max(320).nullable().optional(),
  source: z.enum(ticketSources).default('api'),
  type: z.enum(ticketTypes).default('incident'),
  category: code.nullable().optional().describe('Service category code, e.g. backup'),
  impact: z.enum(levels).default('medium'),
  urgency: z.enum(levels).default('medium'),
  queue: code.optional(),
  assigneeId: z.uuid().nullable().optional(),
  tags: z.array(tag).max(20).default([]),
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(100_000).default(''),
});
export type CreateTicketInput = z.infer<typeof CreateTicketBody>;

export const UpdateTicketBody = z
  .strictObject({
    clientId: z.uuid(),
    contactId: z.uuid().nullable(),
    siteId: z.uuid().nullable(),
    type: z.enum(ticketTypes),
    category: code.nullable(),
    impact: z.enum(levels),
    urgency: z.enum(levels),
    /** Set directly, it overrides the matrix until impact or urgency change again. */
    priority: z.enum(priorities),
    status: code,
    queue: code,
    assigneeId: z.uuid().nullable(),
    tags: z.array(tag).max(20),
    subject: z.string().trim().min(1).max(300),
    problemId: z.uuid().nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;

export const ReplyBody = z.strictObject({
  body: z.string().trim().min(1).max(100_000),
  public: z.boolean().default(true).describe('False: an internal note the client never sees.'),
  status: code.optional().describe('Move the ticket in the same step, e.g. to waiting_client.'),
});
export type ReplyInput = z.infer<typeof ReplyBody>;

export const TicketListQuery = ListQuery.omit({ include_archived: true }).extend({
  status: z.string().max(200).optional().describe('Comma-separated status codes; default: unresolved.'),
  client_id: z.uuid().optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  queue: code.optional(),
  priority: z.enum(priorities).optional(),
  breaching_within: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .optional()
    .describe('Only tickets with a target due within this many minutes (or already overdue).'),
  include_resolved: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

const Instant = z.string().nullable();
export const ClockResponse = z.object({
  kind: z.enum(['response', 'resolution', 'update']),
  state: z.enum(['running', 'paused', 'met', 'breached']),
  minutes: z.number().int(),
  dueAt: z.string(),
  warnAt: z.string(),
  metAt: Instant,
  breachedAt: Instant,
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
});

export const TicketResponse = z.object({
  id: z.uuid(),
  number: z.number().int(),
  reference: z.string().describe('The number as people quote it, e.g. T-000123'),
  clientId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  siteId: z.uuid().nullable(),
  assetId: z.uuid().nullable(),
  requesterEmail: z.string().nullable(),
  source: z.enum(ticketSources),
  type: z.enum(ticketTypes),
  category: z.string().nullable(),
  impact: z.enum(levels),
  urgency: z.enum(levels),
  priority: z.enum(priorities),
  status: z.string(),
  queue: z.string(),
  assigneeId: z.uuid().nullable(),
  tags: z.array(z.string()),
  subject: z.string(),
  problemId: z.uuid().nullable(),
  sla: z.object({
    policyId: z.uuid().nullable(),
    bestEffort: z.boolean().describe('No SLA applies: no clock runs.'),
    paused: z.boolean(),
    nextDeadlineAt: Instant,
    nextNoticeAt: Instant.describe('The next warning or due instant of a running clock'),
    clocks: z.array(ClockResponse),
  }),
  entitlement: z
    .object({
      kind: z.string(),
      agreementId: z.uuid().nullable(),
      billable: z.boolean(),
      rule: z.object({ code: z.string(), explanation: z.string() }),
    })
    .nullable(),
  resolvedAt: Instant,
  closedAt: Instant,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const MessageResponse = z.object({
  id: z.uuid(),
  public: z.boolean(),
  byStaff: z.boolean(),
  authorUserId: z.uuid().nullable(),
  authorContactId: z.uuid().nullable(),
  fromAddress: z.string().nullable(),
  body: z.string(),
  channel: z.string(),
  createdAt: z.string(),
});

export const EventResponse = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.string(),
  byStaff: z.boolean(),
  actorUserId: z.uuid().nullable(),
  actorContactId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
});
