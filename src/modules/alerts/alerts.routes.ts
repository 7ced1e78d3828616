import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ListQuery, pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import type { Availability } from './alerts.availability.js';
import {
  AlertEventResponse,
  AlertListQuery,
  AlertResponse,
  AlertRuleBody,
  AlertRulesBody,
  AlertSettingsBody,
  AvailabilityQuery,
  AvailabilityResponse,
  MaintenanceWindowBody,
  MaintenanceWindowResponse,
  MapAlertBody,
  MappingRuleBody,
  MappingRuleListQuery,
  MappingRuleResponse,
  WindowListQuery,
} from './alerts.schemas.js';
import type { AlertsService } from './alerts.service.js';
import { type AlertSettingsStore, presentSettings } from './alerts.settings.js';
import type { MaintenanceService } from './maintenance.service.js';
import type { MappingRulesService } from './mapping-rules.service.js';

const read = { access: { permission: 'alerts:read' as const, staffOnly: true } };
const write = { access: { permission: 'alerts:write' as const, staffOnly: true } };
const AlertParams = z.strictObject({ alertId: z.uuid() });
const IdParams = z.strictObject({ id: z.uuid() });

export function alertsRoutes(
  app: FastifyInstance,
  s: {
    alerts: AlertsService;
    settings: AlertSettingsStore;
    mappingRules: MappingRulesService;
    maintenance: MaintenanceService;
    availability: Availability;
  },
) {
  const r = typed(app);
  const tags = ['alerts'];

  r.get(
    '/api/v1/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Alerts, newest first: open, silenced, resolved, by client, in triage',
        querystring: AlertListQuery,
        response: { 200: pageOf(AlertResponse) },
      },
    },
    (req) => s.alerts.list(req.query),
  );
  r.get(
    '/api/v1/alerts/:alertId',
    {
      config: read,
      schema: { tags, summary: 'One alert', params: AlertParams, response: { 200: AlertResponse } },
    },
    (req) => s.alerts.get(req.params.alertId),
  );
  r.get(
    '/api/v1/alerts/:alertId/events',
    {
      config: read,
      schema: {
        tags,
        summary: "The alert's events as received, newest first, with what each did",
        params: AlertParams,
        querystring: ListQuery.pick({ limit: true, cursor: true }),
        response: { 200: pageOf(AlertEventResponse) },
      },
    },
    (req) => s.alerts.events(req.params.alertId, req.query),
  );
  r.post(
    '/api/v1/alerts/:alertId/map',
    {
      config: write,
      schema: {
        tags,
        summary: 'Place an alert with a client (and asset): out of triage, or corrected',
        params: AlertParams,
        body: MapAlertBody,
        response: { 200: AlertResponse },
      },
    },
    (req) => s.alerts.map(req.params.alertId, req.body),
  );

  const rulesResponse = z.object({ rules: z.array(AlertRuleBody) });
  r.get(
    '/api/v1/alert-rules',
    {
      config: read,
      schema: {
        tags,
        summary: 'Which alerts open a ticket, at which priority (first match decides)',
        response: { 200: rulesResponse },
      },
    },
    async () => ({ rules: (await s.settings.read()).rules as z.infer<typeof AlertRuleBody>[] }),
  );
  r.put(
    '/api/v1/alert-rules',
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace the ordered alert rules',
        body: AlertRulesBody,
        response: { 200: rulesResponse },
      },
    },
    async (req) => ({
      rules: (await s.settings.putRules(req.body.rules)) as z.infer<typeof AlertRuleBody>[],
    }),
  );
  r.get(
    '/api/v1/alert-settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Reopen window, flap damping, note throttle, what counts as an outage',
        response: { 200: AlertSettingsBody },
      },
    },
    async () => presentSettings(await s.settings.read()),
  );
  r.put(
    '/api/v1/alert-settings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change the alert lifecycle settings',
        body: AlertSettingsBody,
        response: { 200: AlertSettingsBody },
      },
    },
    (req) => s.settings.putSettings(req.body),
  );

  r.get(
    '/api/v1/alert-mapping-rules',
    {
      config: read,
      schema: {
        tags,
        summary: 'Rules that place alerts with a client and asset (the most specific match wins)',
        querystring: MappingRuleListQuery,
        response: { 200: pageOf(MappingRuleResponse) },
      },
    },
    (req) => s.mappingRules.list(req.query),
  );
  r.post(
    '/api/v1/alert-mapping-rules',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a mapping rule',
        body: MappingRuleBody,
        response: { 201: MappingRuleResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await s.mappingRules.create(req.body)),
  );
  r.get(
    '/api/v1/alert-mapping-rules/:id',
    {
      config: read,
      schema: { tags, summary: 'One mapping rule', params: IdParams, response: { 200: MappingRuleResponse } },
    },
    (req) => s.mappingRules.get(req.params.id),
  );
  r.put(
    '/api/v1/alert-mapping-rules/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace a mapping rule',
        params: IdParams,
        body: MappingRuleBody,
        response: { 200: MappingRuleResponse },
      },
    },
    (req) => s.mappingRules.update(req.params.id, req.body),
  );
  r.delete(
    '/api/v1/alert-mapping-rules/:id',
    { config: write, schema: { tags, summary: 'Remove a mapping rule', params: IdParams } },
    async (req, reply) => {
      await s.mappingRules.remove(req.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/maintenance-windows',
    {
      config: read,
      schema: {
        tags,
        summary: 'Maintenance windows: one-off or weekly, per client or asset',
        querystring: WindowListQuery,
        response: { 200: pageOf(MaintenanceWindowResponse) },
      },
    },
    (req) => s.maintenance.list(req.query),
  );
  r.post(
    '/api/v1/maintenance-windows',
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan a maintenance window: its alerts are silenced and its time leaves availability',
        body: MaintenanceWindowBody,
        response: { 201: MaintenanceWindowResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await s.maintenance.create(req.body)),
  );
  r.get(
    '/api/v1/maintenance-windows/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One maintenance window',
        params: IdParams,
        response: { 200: MaintenanceWindowResponse },
      },
    },
    (req) => s.maintenance.get(req.params.id),
  );
  r.put(
    '/api/v1/maintenance-windows/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace a maintenance window',
        params: IdParams,
        body: MaintenanceWindowBody,
        response: { 200: MaintenanceWindowResponse },
      },
    },
    (req) => s.maintenance.update(req.params.id, req.body),
  );
  r.delete(
    '/api/v1/maintenance-windows/:id',
    { config: write, schema: { tags, summary: 'Remove a maintenance window', params: IdParams } },
    async (req, reply) => {
      await s.maintenance.remove(req.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/clients/:clientId/availability',
    {
      // Part of the client's SLA report: portal users see their own client's, nobody else's.
      config: { access: { permission: 'agreements:read' as const } },
      schema: {
        tags,
        summary: "Availability per month and monitored service, against the agreement's target",
        params: z.strictObject({ clientId: z.uuid() }),
        querystring: AvailabilityQuery,
        response: { 200: AvailabilityResponse },
      },
    },
    (req) => s.availability.forClient(req.params.clientId, req.query.from, req.query.to),
  );
}
