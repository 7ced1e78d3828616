/**
 * Zabbix has no webhook body of its own: a webhook media type is a JavaScript that posts what it
 * builds. Keel documents the body its media type sends (zabbix-webhook.md, with the script); this
 * reads it. One body is one event.
 *
 * - status PROBLEM → firing, RESOLVED (or OK, what {TRIGGER.STATUS} renders) → resolved; a PROBLEM
 *   sent by an update operation (update "1") with acknowledged "Yes" → acknowledged.
 * - fingerprint: `zabbix:trigger:<trigger_id>`. The trigger, not the event: each new problem gets a
 *   new {EVENT.ID}, and a recurrence must find the alert (and ticket) of the last one. A trigger that
 *   generates several problems at once therefore counts as one alert.
 * - severity: {EVENT.NSEVERITY} 0–5 (or Zabbix's English severity names) through SeverityMapping.zabbix.
 * - occurredAt: occurred_at (epoch seconds or RFC 3339), else the receipt time.
 * - Macros Zabbix could not resolve arrive as written ('{EVENT.RECOVERY.TIME}', '*UNKNOWN*'): an
 *   optional field holding one counts as absent; a required one is refused.
 */
import { z } from 'zod';
import { issueCode } from './errors.js';
import { sourceFingerprint } from './fingerprint.js';
import { firstOf, hostOf, identityOf } from './identity.js';
import { type ParseOptions, parseBody, resolveParseOptions } from './parse-options.js';
import { parseEpochOrRfc3339 } from './timestamps.js';
import type { AlertEvent, ParsedPayload } from './types.js';

const unresolvedMacro = /^(?:\{[A-Z0-9_.$:"]+\}|\*UNKNOWN\*)$/;
const isMacro = (v: unknown) => typeof v === 'string' && unresolvedMacro.test(v.trim());

/** An optional field: blank text or an unresolved macro reads as absent. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess(
    (v) => (v === null || isMacro(v) || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    schema.optional(),
  );

const text = z
  .string()
  .trim()
  .min(1)
  .refine((v) => !isMacro(v), { message: 'an unresolved Zabbix macro', ...issueCode('INVALID_VALUE') });

const id = z
  .union([z.string().trim(), z.number().int().min(0)])
  .transform(String)
  .refine((v) => /^\d+$/.test(v), {
    message: 'expected a Zabbix id (digits)',
    ...issueCode('INVALID_VALUE'),
  });

export const zabbixSeverityNames = [
  'not classified',
  'information',
  'warning',
  'average',
  'high',
  'disaster',
];

const severity = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const word = String(v).trim().toLowerCase();
  const index = /^[0-5]$/.test(word) ? Number(word) : zabbixSeverityNames.indexOf(word);
  if (index < 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected {EVENT.NSEVERITY} 0–5 or a Zabbix severity name, got ${JSON.stringify(v)}`,
      params: { code: 'INVALID_VALUE' },
    });
    return z.NEVER;
  }
  return index;
});

const status = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.enum(['PROBLEM', 'RESOLVED', 'OK']));

const tagList = z.array(z.object({ tag: z.string(), value: z.string().nullish() }));

/** {EVENT.TAGSJSON} renders a JSON string; the list itself is accepted too. */
const tags = z.union([tagList, z.string()]).transform((v, ctx) => {
  if (typeof v !== 'string') return v;
  try {
    const parsed = tagList.safeParse(JSON.parse(v));
    if (parsed.success) return parsed.data;
  } catch {
    // reported below
  }
  ctx.addIssue({
    code: 'custom',
    message: 'expected {EVENT.TAGSJSON}: a JSON list of { "tag", "value" }',
    params: { code: 'INVALID_VALUE' },
  });
  return z.NEVER;
});

const hostGroups = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((g) => g.trim()).filter((g) => g !== ''));

const occurredAt = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const at = parseEpochOrRfc3339(v);
  if (at === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected epoch seconds or an RFC 3339 time with a zone',
      params: { code: 'INVALID_TIMESTAMP' },
    });
    return z.NEVER;
  }
  return at;
});

const bodySchema = z.object({
  event_id: id,
  trigger_id: id,
  host: text,
  host_name: optional(z.string()),
  host_ip: optional(z.string()),
  severity,
  status,
  update: optional(z.union([z.literal('0'), z.literal('1'), z.literal(0), z.literal(1)])),
  acknowledged: optional(z.string()),
  event_name: text,
  opdata: optional(z.string()),
  occurred_at: optional(occurredAt),
  tags: optional(tags),
  host_groups: optional(hostGroups),
  url: optional(z.string()),
});

export type ZabbixWebhookBody = z.input<typeof bodySchema>;

/** The event of one body sent by Keel's Zabbix media type; throws MonitoringValidationError on a bad one. */
export function parseZabbixWebhook(body: unknown, options: ParseOptions): ParsedPayload {
  const { receivedAt, severity: mapping } = resolveParseOptions(options);
  const b = parseBody(bodySchema, body);
  const labels: Record<string, string> = {};
  for (const { tag, value } of b.tags ?? []) {
    labels[tag] = Object.hasOwn(labels, tag) ? `${labels[tag]},${value ?? ''}` : (value ?? '');
  }
  labels.zabbix_event_id = b.event_id;
  labels.zabbix_trigger_id = b.trigger_id;
  labels.zabbix_severity = zabbixSeverityNames[b.severity]!;
  if (b.host_name) labels.zabbix_host_name = b.host_name;
  if (b.host_groups?.length) labels.zabbix_host_groups = b.host_groups.join(', ');

  const acknowledged =
    b.status === 'PROBLEM' && String(b.update) === '1' && b.acknowledged?.trim().toLowerCase() === 'yes';
  const event: AlertEvent = {
    source: 'zabbix',
    fingerprint: sourceFingerprint('zabbix', `trigger:${b.trigger_id}`),
    status: b.status === 'PROBLEM' ? (acknowledged ? 'acknowledged' : 'firing') : 'resolved',
    severity: mapping.zabbix[b.severity]!,
    summary: b.event_name,
    description: firstOf(b.opdata) ?? null,
    url: firstOf(b.url) ?? null,
    labels,
    identity: identityOf({
      // {HOST.HOST} is a technical name and may hold spaces ("Zabbix server"): kept when not a DNS name.
      host: hostOf(b.host) ?? b.host.toLowerCase(),
      instance: b.host_ip,
      service: labels.service,
    }),
    occurredAt: b.occurred_at ?? receivedAt,
  };
  return { events: [event], skipped: [] };
}
