/** One door for the receivers: the parser of each source. */
import { parseAlertmanagerWebhook } from './alertmanager.js';
import { parseEventsV2 } from './events.js';
import type { ParseOptions } from './parse-options.js';
import type { AlertSource, ParsedPayload } from './types.js';
import { parseUptimeKumaWebhook } from './uptime-kuma.js';
import { parseZabbixWebhook } from './zabbix.js';

export const payloadParsers: Readonly<
  Record<AlertSource, (body: unknown, options: ParseOptions) => ParsedPayload>
> = {
  alertmanager: parseAlertmanagerWebhook,
  'uptime-kuma': parseUptimeKumaWebhook,
  zabbix: parseZabbixWebhook,
  events: parseEventsV2,
};

/** The normalized events of a payload from `source`; throws MonitoringValidationError on a bad one. */
export function parseAlertPayload(source: AlertSource, body: unknown, options: ParseOptions): ParsedPayload {
  return payloadParsers[source](body, options);
}
