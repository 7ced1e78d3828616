/**
 * Prometheus Alertmanager's webhook, version 4 (notify/webhook in prometheus/alertmanager): one
 * notification per alert group, each alert with its own status, so a group marked "firing" may still
 * hold resolved alerts. Every alert becomes one event; the group's status is not read. Keys other
 * senders add (Grafana's values, silenceURL …) are accepted and ignored.
 *
 * - fingerprint: the alert's own (Alertmanager ≥ 0.15); else the same FNV-1a hash of its labels
 *   that Alertmanager computes (fingerprint.ts), so both agree.
 * - status: the alert's, as sent (the group's when an alert has none, as some proxies send). A firing alert's future `endsAt` is Prometheus's resend horizon,
 *   not a recovery: Alertmanager itself sends "resolved" once it has passed.
 * - occurredAt: `startsAt` for a firing alert, `endsAt` for a resolved one; the receipt time when
 *   that one is missing or Go's zero time (0001-01-01T00:00:00Z, "unset").
 * - severity: the `severity` label (SeverityMapping.label) through the mapping's words; a firing
 *   alert with none or an unknown word gets the mapping's fallback.
 * - summary: the `summary` annotation, else `message`, `title`, then the `alertname` label.
 * - identity: instance from `instance`; host from `host`, `hostname` or `nodename`, else the host part
 *   of `instance`; service from `service`, else `job`.
 */
import { z } from 'zod';
import { issueCode } from './errors.js';
import { labelSetFingerprint, sourceFingerprint } from './fingerprint.js';
import { firstOf, hostOf, identityOf } from './identity.js';
import { labelMap, type ParseOptions, parseBody, resolveParseOptions } from './parse-options.js';
import { severityOfName } from './severity.js';
import { isUnsetTime, parseRfc3339, rfc3339Field } from './timestamps.js';
import type { AlertEvent, ParsedPayload, SkippedItem } from './types.js';

const status = z.enum(['firing', 'resolved']);

const alertSchema = z.object({
  status: status.optional(),
  labels: labelMap,
  annotations: labelMap.optional(),
  startsAt: rfc3339Field.optional(),
  endsAt: rfc3339Field.optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().trim().min(1).max(256).optional(),
});

const versionSchema = z.object({
  version: z.string().refine((v) => v === '4', {
    message: 'this receiver reads Alertmanager webhook version "4" only',
    ...issueCode('UNSUPPORTED_VERSION'),
  }),
});

const webhookSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  status,
  receiver: z.string().optional(),
  groupLabels: labelMap.optional(),
  commonLabels: labelMap.optional(),
  commonAnnotations: labelMap.optional(),
  externalURL: z.string().optional(),
  alerts: z.array(alertSchema),
});

export type AlertmanagerWebhook = z.output<typeof webhookSchema>;

type Hook = Pick<AlertmanagerWebhook, 'status' | 'truncatedAlerts' | 'alerts'>;

/** The body read by the schema; throws MonitoringValidationError with every field at fault. */
export function readWebhookBySchema(body: unknown): AlertmanagerWebhook {
  // The version first: a body of another version is refused for that alone, not for its shape.
  parseBody(versionSchema, body);
  return parseBody(webhookSchema, body);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isLabels = (v: unknown): v is Record<string, string> => {
  if (!isObject(v)) return false;
  for (const k in v) if (typeof v[k] !== 'string') return false;
  return true;
};
const optional = (v: unknown, valid: (v: unknown) => boolean) => v === undefined || valid(v);
const isText = (v: unknown) => typeof v === 'string';
const isStatus = (v: unknown) => v === 'firing' || v === 'resolved';
/** An RFC 3339 field as rfc3339Field reads it; undefined when it is not one. */
const timeOf = (v: unknown): number | null | undefined => {
  if (typeof v !== 'string') return undefined;
  if (isUnsetTime(v)) return null;
  return parseRfc3339(v) ?? undefined;
};

/**
 * What webhookSchema reads from a well-formed body, without it: intake reads thousands of alerts a
 * second, and the schema's copy of every alert and label map costs more than the rest of parsing.
 * Null for anything it does not accept as it stands; the schema then reads the body and names every
 * field at fault.
 */
export function readWellFormedWebhook(body: unknown): Hook | null {
  if (!isObject(body) || body.version !== '4' || !isStatus(body.status) || !Array.isArray(body.alerts))
    return null;
  const t = body.truncatedAlerts;
  if (!optional(t, (n) => Number.isSafeInteger(n) && (n as number) >= 0)) return null;
  if (!optional(body.groupKey, isText) || !optional(body.receiver, isText)) return null;
  if (!optional(body.externalURL, isText)) return null;
  if (!optional(body.groupLabels, isLabels) || !optional(body.commonLabels, isLabels)) return null;
  if (!optional(body.commonAnnotations, isLabels)) return null;
  const alerts: Hook['alerts'] = [];
  for (const a of body.alerts as unknown[]) {
    if (!isObject(a) || !isLabels(a.labels) || !optional(a.annotations, isLabels)) return null;
    if (!optional(a.status, isStatus) || !optional(a.generatorURL, isText)) return null;
    const startsAt = a.startsAt === undefined ? undefined : timeOf(a.startsAt);
    const endsAt = a.endsAt === undefined ? undefined : timeOf(a.endsAt);
    if (
      (a.startsAt !== undefined && startsAt === undefined) ||
      (a.endsAt !== undefined && endsAt === undefined)
    )
      return null;
    let fingerprint: string | undefined;
    if (a.fingerprint !== undefined) {
      if (typeof a.fingerprint !== 'string') return null;
      fingerprint = a.fingerprint.trim();
      if (fingerprint.length < 1 || fingerprint.length > 256) return null;
    }
    alerts.push({
      status: a.status as 'firing' | 'resolved' | undefined,
      labels: a.labels,
      annotations: a.annotations as Record<string, string> | undefined,
      startsAt,
      endsAt,
      generatorURL: a.generatorURL as string | undefined,
      fingerprint,
    });
  }
  return { status: body.status as 'firing' | 'resolved', truncatedAlerts: t as number | undefined, alerts };
}

/** The events of one Alertmanager webhook body; throws MonitoringValidationError on a bad one. */
export function parseAlertmanagerWebhook(body: unknown, options: ParseOptions): ParsedPayload {
  const { receivedAt, severity } = resolveParseOptions(options);
  const hook = readWellFormedWebhook(body) ?? readWebhookBySchema(body);
  const skipped: SkippedItem[] = [];
  if (hook.truncatedAlerts) {
    skipped.push({
      field: 'truncatedAlerts',
      reason: `${hook.truncatedAlerts} alerts of the group were left out by the sender's max_alerts`,
    });
  }
  const events = hook.alerts.map((alert): AlertEvent => {
    const labels = alert.labels;
    const annotations = alert.annotations ?? {};
    const state = alert.status ?? hook.status;
    const firing = state === 'firing';
    const named = severityOfName(severity, labels[severity.label]);
    const at = firing ? alert.startsAt : alert.endsAt;
    return {
      source: 'alertmanager',
      fingerprint: sourceFingerprint('alertmanager', alert.fingerprint ?? labelSetFingerprint(labels)),
      status: state,
      severity: named ?? (firing ? severity.fallback : null),
      summary: firstOf(annotations.summary, annotations.message, annotations.title, labels.alertname) ?? null,
      description: firstOf(annotations.description) ?? null,
      url: firstOf(alert.generatorURL) ?? null,
      labels,
      identity: identityOf({
        instance: labels.instance,
        host: hostOf(firstOf(labels.host, labels.hostname, labels.nodename, labels.instance)),
        service: firstOf(labels.service, labels.job),
      }),
      occurredAt: at ?? receivedAt,
    };
  });
  return { events, skipped };
}
