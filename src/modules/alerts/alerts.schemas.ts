import { z } from 'zod';
import { weekdays } from '../../domain/calendar/types.js';
import { alertSources, matchOps, severities } from '../../domain/monitoring/index.js';
import { priorities } from '../../domain/sla/priority.js';
import { ListQuery } from '../../platform/http/pagination.js';

const Instant = z.iso.datetime({ offset: true });
const InstantOut = z.string();

export const MatcherBody = z.strictObject({
  field: z
    .string()
    .min(1)
    .max(200)
    .describe('source, severity, instance, host, monitor, service or labels.<name>'),
  op: z.enum(matchOps),
  value: z.string().max(1000).describe('Text, or an anchored regular expression for =~ and !~'),
  ignoreCase: z.boolean().optional(),
});

const RuleId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'lower-case letters, digits, - and _');

export const AlertRuleBody = z.strictObject({
  id: RuleId,
  description: z.string().max(500).optional(),
  minSeverity: z.enum(severities).optional().describe('The alert is this severe or worse'),
  clientIds: z.array(z.uuid()).min(1).max(500).optional(),
  assetIds: z.array(z.uuid()).min(1).max(500).optional(),
  sources: z.array(z.enum(alertSources)).min(1).optional(),
  matchers: z.array(MatcherBody).max(20).optional(),
  triage: z.boolean().optional().describe('Also applies to unmapped alerts: the ticket opens in triage'),
  action: z.discriminatedUnion('ticket', [
    z.strictObject({ ticket: z.literal(true), priority: z.enum(priorities) }),
    z.strictObject({ ticket: z.literal(false) }),
  ]),
});
export type AlertRuleInput = z.infer<typeof AlertRuleBody>;

export const AlertRulesBody = z.strictObject({
  rules: z.array(AlertRuleBody).max(200).describe('Ordered: the first rule that matches decides'),
});

export const AlertSettingsBody = z.strictObject({
  reopenWindowMinutes: z.number().int().min(0).max(43_200),
  flapping: z.strictObject({
    maxChanges: z.number().int().min(1).max(100),
    windowMinutes: z.number().int().min(1).max(1440),
  }),
  unmatched: z.discriminatedUnion('ticket', [
    z.strictObject({ ticket: z.literal(true), priority: z.enum(priorities) }),
    z.strictObject({ ticket: z.literal(false) }),
  ]),
  noteEveryMinutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .describe('Repeats are noted on the ticket at most this often'),
  outageSeverity: z.enum(severities).describe('Firing alerts this severe or worse count as outages'),
});
export type AlertSettingsInput = z.infer<typeof AlertSettingsBody>;

export const MappingRuleBody = z.strictObject({
  clientId: z.uuid(),
  assetId: z.uuid().nullable().default(null),
  matchers: z.array(MatcherBody).min(1).max(20),
  description: z.string().max(500).default(''),
});
export type MappingRuleInput = z.infer<typeof MappingRuleBody>;

export const MappingRuleResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  assetId: z.uuid().nullable(),
  matchers: z.array(MatcherBody),
  description: z.string(),
  createdAt: InstantOut,
  updatedAt: InstantOut,
});

const Clock = z.string().regex(/^\d{2}:\d{2}$/, "'HH:MM'");

export const ScheduleBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once'), from: Instant, to: Instant }),
  z.strictObject({
    kind: z.literal('weekly'),
    timeZone: z.string().min(1).max(100),
    days: z.array(z.enum(weekdays)).min(1).max(7),
    start: Clock,
    end: Clock.describe('At or before start: ends the next day'),
    from: Instant.nullable().optional(),
    until: Instant.nullable().optional(),
  }),
]);
export type ScheduleInput = z.infer<typeof ScheduleBody>;

export const MaintenanceWindowBody = z.strictObject({
  clientId: z.uuid(),
  assetId: z.uuid().nullable().default(null).describe('Null: every alert of the client'),
  name: z.string().trim().min(1).max(200),
  schedule: ScheduleBody,
});
export type MaintenanceWindowInput = z.infer<typeof MaintenanceWindowBody>;

export const MaintenanceWindowResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  assetId: z.uuid().nullable(),
  name: z.string(),
  schedule: z.union([
    z.object({ kind: z.literal('once'), from: InstantOut, to: InstantOut }),
    z.object({
      kind: z.literal('weekly'),
      timeZone: z.string(),
      days: z.array(z.string()),
      start: z.string(),
      end: z.string(),
      from: InstantOut.nullable(),
      until: InstantOut.nullable(),
    }),
  ]),
  activeNow: z.boolean(),
  createdAt: InstantOut,
  updatedAt: InstantOut,
});

export const WindowListQuery = ListQuery.pick({ limit: true, cursor: true, updated_since: true }).extend({
  client_id: z.uuid().optional(),
  asset_id: z.uuid().optional(),
});
export type WindowListQuery = z.infer<typeof WindowListQuery>;

export const MappingRuleListQuery = ListQuery.pick({ limit: true, cursor: true, updated_since: true }).extend(
  {
    client_id: z.uuid().optional(),
  },
);
export type MappingRuleListQuery = z.infer<typeof MappingRuleListQuery>;

export const alertStatuses = ['open', 'silenced', 'resolved'] as const;

export const AlertListQuery = ListQuery.pick({ limit: true, cursor: true, updated_since: true }).extend({
  status: z.enum(alertStatuses).optional(),
  client_id: z.uuid().optional(),
  triage: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only alerts no rule placed with a client'),
  fingerprint: z.string().min(1).max(300).optional(),
  source: z.enum(alertSources).optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertResponse = z.object({
  id: z.uuid(),
  integration: z.string(),
  source: z.enum(alertSources),
  fingerprint: z.string(),
  status: z.enum(alertStatuses),
  severity: z.enum(severities),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  identity: z.record(z.string(), z.string()),
  count: z.number().int(),
  firstSeen: InstantOut,
  lastSeen: InstantOut,
  firingSince: InstantOut,
  resolvedAt: InstantOut.nullable(),
  acknowledged: z.boolean(),
  silencedBy: z.string().nullable(),
  flapping: z.boolean(),
  clientId: z.uuid().nullable(),
  assetId: z.uuid().nullable(),
  mappingReason: z.string(),
  ticketId: z.uuid().nullable(),
  ticketState: z.enum(['none', 'pending', 'open', 'review', 'resolved']),
  reasons: z.array(z.string()),
  updatedAt: InstantOut,
});

export const AlertEventResponse = z.object({
  id: z.uuid(),
  status: z.enum(['firing', 'resolved', 'acknowledged']),
  severity: z.string().nullable(),
  summary: z.string().nullable(),
  occurredAt: InstantOut,
  receivedAt: InstantOut,
  outcome: z.string(),
  silencedBy: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
});

export const MapAlertBody = z.strictObject({
  clientId: z.uuid(),
  assetId: z.uuid().nullable().default(null),
  createRule: z
    .boolean()
    .default(false)
    .describe("Also add a mapping rule on the alert's identity, so its next alerts map by themselves"),
});

export const IngestQuery = z.strictObject({
  integration: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
    .optional()
    .describe('Names one of several instances of the tool: fingerprints are deduplicated per instance'),
});

export const IngestResponse = z.object({
  accepted: z.number().int().describe('Events stored'),
  skipped: z.array(z.object({ field: z.string(), reason: z.string() })),
  outcomes: z.record(z.string(), z.number().int()),
});

export const AvailabilityQuery = z.strictObject({
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});

const MonthResponse = z.object({
  month: z.string(),
  complete: z.boolean(),
  agreedMinutes: z.number(),
  maintenanceMinutes: z.number(),
  downtimeMinutes: z.number(),
  allowedDowntimeMinutes: z.number(),
  availabilityPercent: z
    .number()
    .nullable()
    .describe('Rounded down to 3 decimals; null: nothing measured yet'),
  targetPercent: z.number().nullable(),
  status: z.enum(['met', 'breached', 'pending', 'no-target']),
  outages: z.array(z.object({ from: InstantOut, to: InstantOut })),
});

export const AvailabilityResponse = z.object({
  clientId: z.uuid(),
  timeZone: z.string(),
  targetPercent: z
    .number()
    .nullable()
    .describe("The agreement's target; null: no agreement in force sets one"),
  targetSource: z.enum(['agreement', 'none']),
  overall: z.array(MonthResponse),
  services: z.array(
    z.object({
      service: z.string(),
      name: z.string(),
      assetId: z.uuid().nullable(),
      months: z.array(MonthResponse),
    }),
  ),
  breaches: z.array(
    z.object({
      service: z.string(),
      month: z.string(),
      availabilityPercent: z.number(),
      recordedAt: InstantOut,
    }),
  ),
});
