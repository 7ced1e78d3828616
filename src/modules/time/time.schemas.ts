import { z } from 'zod';
import { maxEntryMinutes } from '../../domain/time/span.js';
import { timeEntryStatuses } from '../../domain/time/workflow.js';
import { ListQuery } from '../../platform/http/pagination.js';

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _');
const Instant = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 instant with a zone, e.g. 2026-03-02T09:00:00+01:00; stored in UTC');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** What the work was on: a ticket, a project or a general activity — exactly one. */
const Subject = {
  ticketId: z
    .uuid()
    .nullable()
    .optional()
    .describe('The ticket worked on; its client is the entry’s client.'),
  projectRef: z.string().trim().min(1).max(100).nullable().optional().describe('Free-text project reference'),
  activity: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('A general activity, e.g. "Training" or "Quarterly review"'),
  clientId: z
    .uuid()
    .nullable()
    .optional()
    .describe('For project and activity entries; null or absent: internal work for the MSP itself.'),
  category: code
    .nullable()
    .optional()
    .describe('Service category of project and activity work, e.g. network'),
};

const Override = {
  billable: z
    .boolean()
    .nullable()
    .optional()
    .describe('Override entitlement’s decision (give billableReason); null removes an override.'),
  billableReason: z.string().trim().min(1).max(500).optional().describe('Why the decision is overridden'),
};

const Span = {
  startedAt: Instant,
  endedAt: Instant.optional().describe('Give an end or a duration'),
  durationMinutes: z.number().int().min(1).max(maxEntryMinutes).optional().describe('end = start + duration'),
};

export const CreateTimeEntryBody = z.strictObject({
  technicianId: z.uuid().optional().describe('Whose work it is; default: you. Others need time:approve.'),
  ...Subject,
  workType: code.describe('Work type code, e.g. remote'),
  agreementId: z.uuid().nullable().optional().describe('Agreement to try first (entitlement hint)'),
  ...Span,
  note: z.string().max(10_000).default(''),
  ...Override,
});
export type CreateTimeEntryInput = z.infer<typeof CreateTimeEntryBody>;

export const UpdateTimeEntryBody = z
  .strictObject({
    ...Subject,
    workType: code,
    agreementId: z.uuid().nullable(),
    startedAt: Instant,
    endedAt: Instant,
    durationMinutes: z.number().int().min(1).max(maxEntryMinutes),
    note: z.string().max(10_000),
    ...Override,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type UpdateTimeEntryInput = z.infer<typeof UpdateTimeEntryBody>;

export const TimeEntryListQuery = ListQuery.omit({ include_archived: true, q: true }).extend({
  technician: z.union([z.literal('me'), z.uuid()]).optional(),
  client_id: z.uuid().optional(),
  ticket_id: z.uuid().optional(),
  status: z
    .string()
    .regex(/^[a-z,]{1,60}$/)
    .optional()
    .describe(`Comma-separated: ${timeEntryStatuses.join(', ')}`),
  from: Instant.optional().describe('Entries starting at or after this instant'),
  to: Instant.optional().describe('Entries starting before this instant'),
  billable: flag.optional(),
  invoiced: flag.optional(),
});
export type TimeEntryListQuery = z.infer<typeof TimeEntryListQuery>;

const Ids = z.array(z.uuid()).min(1).max(500).describe('Entry ids; all change or none');
export const IdsBody = z.strictObject({ ids: Ids });
export const RejectBody = z.strictObject({ ids: Ids, reason: z.string().trim().min(1).max(1_000) });

export const StartTimerBody = z.strictObject({
  ...Subject,
  workType: code,
  startedAt: Instant.optional().describe(
    'When the work began, if before now (a timer started late); default: now',
  ),
  note: z.string().max(10_000).default(''),
});
export type StartTimerInput = z.infer<typeof StartTimerBody>;

export const StopTimerQuery = z.strictObject({
  discard: flag.optional().describe('true: drop the timer and log nothing'),
});

const nullableInstant = z.string().nullable();

export const TimeEntryResponse = z.object({
  id: z.uuid(),
  technicianId: z.uuid(),
  clientId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  projectRef: z.string().nullable(),
  activity: z.string().nullable(),
  category: z.string().nullable(),
  workType: z.string(),
  agreementHint: z.uuid().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  minutes: z.number().int(),
  note: z.string(),
  status: z.enum(timeEntryStatuses),
  billable: z.boolean(),
  billableOverride: z
    .object({ billable: z.boolean(), reason: z.string() })
    .nullable()
    .describe('A person’s override of entitlement’s decision'),
  amount: z.number().int().describe('Minor units to invoice'),
  entitlement: z.object({
    kind: z.string(),
    agreementId: z.uuid().nullable(),
    rule: z.object({ code: z.string(), explanation: z.string() }),
    billable: z.boolean().describe('What entitlement decided'),
    rate: z.number().int().nullable().describe('Minor units per hour'),
    afterHours: z.boolean(),
    afterHoursMinutes: z.number().int(),
    afterHoursMultiplier: z.number(),
  }),
  submittedAt: nullableInstant,
  reviewedBy: z.uuid().nullable(),
  reviewedAt: nullableInstant,
  rejectionReason: z.string().nullable(),
  invoiceId: z.uuid().nullable(),
  locked: z.enum(['approved', 'invoiced']).nullable().describe('Why the entry can no longer change'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const TimerResponse = z.object({
  userId: z.uuid(),
  startedAt: z.string(),
  clientId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  projectRef: z.string().nullable(),
  activity: z.string().nullable(),
  category: z.string().nullable(),
  workType: z.string(),
  note: z.string(),
});
