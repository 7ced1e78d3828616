/**
 * Uptime Kuma's webhook (server/notification-providers/webhook.js, JSON body mode):
 * `{ heartbeat, monitor, msg }`, sent when a monitor changes state. One body is at most one event.
 *
 * - heartbeat.status 0 DOWN → firing, 1 UP → resolved; 2 PENDING (retrying, not yet down) and
 *   3 MAINTENANCE (Kuma's own maintenance) carry no state Keel acts on and are skipped.
 * - A null heartbeat is the Test button (monitor null too) or a notice such as certificate expiry:
 *   skipped, not an alert.
 * - fingerprint: `uptime-kuma:monitor:<monitor.id>`, Kuma's own id for the monitor.
 * - occurredAt: heartbeat.time, which Kuma writes in UTC as 'YYYY-MM-DD HH:mm:ss.SSS'.
 * - severity: the monitor's tag named SeverityMapping.label ('severity'), through the mapping's
 *   words; a monitor without one is SeverityMapping.uptimeKumaDown when down.
 * - labels: the monitor's tags (name → value; repeated names joined with ','), then
 *   kuma_monitor_id, kuma_monitor_type and kuma_monitor_path.
 * - identity: monitor = the monitor's name; instance = its URL, else hostname[:port]; host = the
 *   hostname, else the URL's host.
 */
import { z } from 'zod';
import { issueCode } from './errors.js';
import { sourceFingerprint } from './fingerprint.js';
import { firstOf, hostOf, identityOf } from './identity.js';
import { type ParseOptions, parseBody, resolveParseOptions } from './parse-options.js';
import { severityOfName } from './severity.js';
import { parseKumaTime } from './timestamps.js';
import type { AlertEvent, ParsedPayload } from './types.js';

const down = 0;
const up = 1;
const statusNames: Record<number, string> = { 2: 'PENDING', 3: 'MAINTENANCE' };

const heartbeatSchema = z.object({
  status: z.number().int().min(0).max(3),
  time: z
    .string()
    .refine((v) => parseKumaTime(v) !== null, {
      message: "expected Uptime Kuma's UTC time 'YYYY-MM-DD HH:mm:ss.SSS'",
      ...issueCode('INVALID_TIMESTAMP'),
    })
    .transform((v) => parseKumaTime(v)!),
  msg: z.string().nullish(),
});

const tagSchema = z.object({ name: z.string(), value: z.string().nullish() });

const monitorSchema = z.object({
  id: z.number().int(),
  name: z.string().trim().min(1),
  url: z.string().nullish(),
  hostname: z.string().nullish(),
  port: z.union([z.number(), z.string()]).nullish(),
  type: z.string().nullish(),
  pathName: z.string().nullish(),
  description: z.string().nullish(),
  tags: z.array(tagSchema).nullish(),
});

const bodySchema = z.object({
  heartbeat: heartbeatSchema.nullable(),
  monitor: monitorSchema.nullable(),
  msg: z.string().nullish(),
});

const withMonitor = bodySchema.refine((b) => b.heartbeat === null || b.monitor !== null, {
  message: 'a heartbeat needs its monitor',
  path: ['monitor'],
  ...issueCode('REQUIRED'),
});

/** The event of one Uptime Kuma webhook body (none for a test or notice); throws on a bad body. */
export function parseUptimeKumaWebhook(body: unknown, options: ParseOptions): ParsedPayload {
  const { severity } = resolveParseOptions(options);
  const { heartbeat, monitor, msg } = parseBody(withMonitor, body);
  if (heartbeat === null || monitor === null) {
    const reason =
      monitor === null
        ? `a test notification${msg ? ` ("${msg}")` : ''}, not an alert`
        : `a notice without a heartbeat${msg ? ` ("${msg}")` : ''}, not a state change`;
    return { events: [], skipped: [{ field: 'heartbeat', reason }] };
  }
  if (heartbeat.status !== down && heartbeat.status !== up) {
    const reason = `heartbeat status ${heartbeat.status} (${statusNames[heartbeat.status]}) is no up or down`;
    return { events: [], skipped: [{ field: 'heartbeat.status', reason }] };
  }
  const labels: Record<string, string> = {};
  for (const tag of monitor.tags ?? []) {
    const value = tag.value ?? '';
    labels[tag.name] = Object.hasOwn(labels, tag.name) ? `${labels[tag.name]},${value}` : value;
  }
  labels.kuma_monitor_id = String(monitor.id);
  if (monitor.type) labels.kuma_monitor_type = monitor.type;
  if (monitor.pathName) labels.kuma_monitor_path = monitor.pathName;

  const firing = heartbeat.status === down;
  const tagged = severityOfName(severity, (monitor.tags ?? []).find((t) => t.name === severity.label)?.value);
  const hostPort = monitor.hostname
    ? `${monitor.hostname}${monitor.port !== null && monitor.port !== undefined && monitor.port !== '' ? `:${monitor.port}` : ''}`
    : undefined;
  const detail = heartbeat.msg && heartbeat.msg !== 'N/A' ? heartbeat.msg : null;
  const event: AlertEvent = {
    source: 'uptime-kuma',
    fingerprint: sourceFingerprint('uptime-kuma', `monitor:${monitor.id}`),
    status: firing ? 'firing' : 'resolved',
    severity: tagged ?? (firing ? severity.uptimeKumaDown : null),
    summary: `${monitor.name} is ${firing ? 'down' : 'up'}`,
    description: detail,
    url: null,
    labels,
    identity: identityOf({
      monitor: monitor.name,
      instance: firstOf(monitor.url, hostPort),
      host: hostOf(firstOf(monitor.hostname, monitor.url)),
    }),
    occurredAt: heartbeat.time,
  };
  return { events: [event], skipped: [] };
}
