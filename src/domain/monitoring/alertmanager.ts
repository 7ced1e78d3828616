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
import { rfc3339Field } from './timestamps.js';
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

/** The events of one Alertmanager webhook body; throws MonitoringValidationError on a bad one. */
export function parseAlertmanagerWebhook(body: unknown, options: ParseOptions): ParsedPayload {
  const { receivedAt, severity } = resolveParseOptions(options);
  // The version first: a body of another version is refused for that alone, not for its shape.
  parseBody(versionSchema, body);
  const hook = parseBody(webhookSchema, body);
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
