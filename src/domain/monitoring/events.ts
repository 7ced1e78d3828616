/**
 * The generic `events` receiver takes PagerDuty Events API v2 bodies, which many tools (Zabbix,
 * Checkmk, Grafana, custom scripts) can already send: `event_action` trigger, acknowledge or resolve,
 * tied together by `dedup_key`.
 *
 * - trigger needs `payload` with summary, source and severity (critical, error, warning, info);
 *   acknowledge and resolve need only `dedup_key`.
 * - fingerprint: `events:<dedup_key>`. A trigger without one gets a key derived from
 *   payload.source, component, group, class and summary (fingerprint.ts), so the same trigger sent
 *   twice is one alert (PagerDuty would open two incidents; deduplication is the point here).
 * - occurredAt: payload.timestamp for a trigger, else the receipt time.
 * - identity: instance = payload.source as sent; host = its host when it is a host name, URL or
 *   address, else the source lower-cased; service = payload.component.
 * - `routing_key` is accepted and ignored: the receiver authenticates with its bearer token.
 */
import { z } from 'zod';
import { labelSetFingerprint, sourceFingerprint } from './fingerprint.js';
import { firstOf, hostOf, identityOf } from './identity.js';
import { type ParseOptions, parseBody, resolveParseOptions } from './parse-options.js';
import { severityOfName } from './severity.js';
import { rfc3339Field } from './timestamps.js';
import type { AlertEvent, ParsedPayload } from './types.js';

const actionSchema = z.object({ event_action: z.enum(['trigger', 'acknowledge', 'resolve']) });

const dedupKey = z.string().trim().min(1).max(255);
const optionalText = z.string().nullish();

const payloadSchema = z.object({
  summary: z.string().trim().min(1).max(1024),
  source: z.string().trim().min(1),
  severity: z.enum(['critical', 'error', 'warning', 'info']),
  timestamp: rfc3339Field.nullish(),
  component: optionalText,
  group: optionalText,
  class: optionalText,
  custom_details: z.unknown().optional(),
});

const triggerSchema = z.object({
  event_action: z.literal('trigger'),
  dedup_key: dedupKey.nullish(),
  payload: payloadSchema,
  client: optionalText,
  client_url: optionalText,
  links: z.array(z.object({ href: z.string() }).loose()).nullish(),
});

const followUpSchema = z.object({
  event_action: z.enum(['acknowledge', 'resolve']),
  dedup_key: dedupKey,
});

function detailsText(details: unknown): string | null {
  if (details === undefined || details === null) return null;
  if (typeof details === 'string') return details.trim() === '' ? null : details;
  return JSON.stringify(details, null, 2);
}

/** The event of one Events API v2 body; throws MonitoringValidationError on a bad one. */
export function parseEventsV2(body: unknown, options: ParseOptions): ParsedPayload {
  const { receivedAt, severity: mapping } = resolveParseOptions(options);
  const { event_action } = parseBody(actionSchema, body);
  if (event_action !== 'trigger') {
    const { dedup_key } = parseBody(followUpSchema, body);
    const event: AlertEvent = {
      source: 'events',
      fingerprint: sourceFingerprint('events', dedup_key),
      status: event_action === 'resolve' ? 'resolved' : 'acknowledged',
      severity: null,
      summary: null,
      description: null,
      url: null,
      labels: {},
      identity: {},
      occurredAt: receivedAt,
    };
    return { events: [event], skipped: [] };
  }
  const t = parseBody(triggerSchema, body);
  const p = t.payload;
  const labels: Record<string, string> = { source: p.source };
  if (p.component) labels.component = p.component;
  if (p.group) labels.group = p.group;
  if (p.class) labels.class = p.class;
  const key = t.dedup_key ?? labelSetFingerprint({ ...labels, summary: p.summary });
  const event: AlertEvent = {
    source: 'events',
    fingerprint: sourceFingerprint('events', key),
    status: 'firing',
    severity: severityOfName(mapping, p.severity) ?? mapping.fallback,
    summary: p.summary,
    description: detailsText(p.custom_details),
    url: firstOf(t.client_url, t.links?.[0]?.href) ?? null,
    labels,
    identity: identityOf({
      instance: p.source,
      host: hostOf(p.source) ?? p.source.toLowerCase(),
      service: firstOf(p.component),
    }),
    occurredAt: p.timestamp ?? receivedAt,
  };
  return { events: [event], skipped: [] };
}
