/**
 * The receivers monitoring tools post to, one per format, authenticated by a bearer API token with
 * the `alerts:ingest` scope. A payload is parsed (400 with every field at fault, nothing stored),
 * stored, and answered 202 only once committed. A well-formed payload Keel cannot place with a
 * client is stored in triage, never refused.
 */
import type { FastifyInstance } from 'fastify';
import {
  type AlertSource,
  alertSources,
  MonitoringValidationError,
  parseAlertPayload,
} from '../../domain/monitoring/index.js';
import { typed } from '../../platform/http/server.js';
import type { Intake } from './alerts.intake.js';
import { IngestQuery, IngestResponse } from './alerts.schemas.js';
import { invalidInput } from './alerts.settings.js';

/** Alertmanager groups are small; 2 MiB holds a thousand alerts with long annotations. */
export const intakeBodyLimit = 2 * 1024 * 1024;

const described: Record<AlertSource, string> = {
  alertmanager: 'Prometheus Alertmanager webhook (version 4): grouped alerts, firing and resolved',
  'uptime-kuma': 'Uptime Kuma webhook notification: {heartbeat, monitor, msg}',
  zabbix: "Zabbix webhook media type: Keel's documented JSON body (src/domain/monitoring/zabbix-webhook.md)",
  events: 'PagerDuty Events API v2 style: trigger, acknowledge, resolve with dedup_key',
};

const fieldOfBody = (field: string) => (field === '(body)' ? 'body' : `body.${field}`);

export function receiversRoutes(app: FastifyInstance, intake: Intake) {
  const r = typed(app);
  for (const source of alertSources) {
    r.post(
      `/api/v1/integrations/${source}`,
      {
        bodyLimit: intakeBodyLimit,
        config: { access: { permission: 'alerts:ingest', staffOnly: true } },
        schema: {
          tags: ['integrations'],
          summary: described[source],
          description:
            'Answers 202 once the events are stored. `integration` names one of several instances of the tool: fingerprints are deduplicated per instance.',
          querystring: IngestQuery,
          response: { 202: IngestResponse },
        },
      },
      async (req, reply) => {
        const receivedAt = Date.now();
        let parsed: ReturnType<typeof parseAlertPayload>;
        try {
          parsed = parseAlertPayload(source, req.body, { receivedAt });
        } catch (err) {
          if (!(err instanceof MonitoringValidationError)) throw err;
          throw invalidInput(
            `The ${source} payload is invalid.`,
            err.fields.map((f) => ({ ...f, field: fieldOfBody(f.field) })),
          );
        }
        const integration = req.query.integration ? `${source}:${req.query.integration}` : source;
        const result = await intake.ingest({ integration, source, events: parsed.events, receivedAt });
        return reply.status(202).send({ ...result, skipped: parsed.skipped });
      },
    );
  }
}
