import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clientKinds } from '../../domain/classification/classify.js';
import { typed } from '../../platform/http/server.js';
import {
  CalendarBody,
  CalendarPatch,
  CalendarResponse,
  HolidayImportBody,
  HolidayImportResponse,
  MatrixBody,
  PolicyBody,
  PolicyPatch,
  PolicyResponse,
  PreviewBody,
  PreviewResponse,
  SavedPreviewBody,
} from './sla.schemas.js';
import type { SlaService } from './sla.service.js';

const read = { access: { permission: 'sla:read' as const, staffOnly: true } };
const write = { access: { permission: 'sla:write' as const } };
const tags = ['sla'];
const CalendarParams = z.strictObject({ calendarId: z.uuid() });
const PolicyParams = z.strictObject({ policyId: z.uuid() });
const KindDefaults = z.partialRecord(z.enum(clientKinds), z.uuid().nullable());

export function slaRoutes(app: FastifyInstance, service: SlaService) {
  const r = typed(app);
  const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

  r.post(
    '/api/v1/sla/preview',
    {
      config: { ...read, readOnly: true },
      schema: {
        tags,
        summary: 'When N business minutes from a start run out, on a calendar given inline',
        body: PreviewBody,
        response: { 200: PreviewResponse },
      },
    },
    (req) => {
      const { calendar, ...rest } = req.body;
      return service.preview(calendar, rest);
    },
  );
  r.get(
    '/api/v1/sla/calendars',
    {
      config: read,
      schema: { tags, summary: 'Business calendars', response: { 200: items(CalendarResponse) } },
    },
    async () => ({
      items: await service.listCalendars(),
    }),
  );
  r.post(
    '/api/v1/sla/calendars',
    {
      config: write,
      schema: { tags, summary: 'Save a calendar', body: CalendarBody, response: { 201: CalendarResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createCalendar(req.body)),
  );
  r.get(
    '/api/v1/sla/calendars/:calendarId',
    {
      config: read,
      schema: { tags, summary: 'One calendar', params: CalendarParams, response: { 200: CalendarResponse } },
    },
    (req) => service.getCalendar(req.params.calendarId),
  );
  r.patch(
    '/api/v1/sla/calendars/:calendarId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a calendar',
        params: CalendarParams,
        body: CalendarPatch,
        response: { 200: CalendarResponse },
      },
    },
    (req) => service.updateCalendar(req.params.calendarId, req.body),
  );
  r.post(
    '/api/v1/sla/calendars/:calendarId/holidays/import',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add the all-day events of an iCalendar file as holidays',
        params: CalendarParams,
        body: HolidayImportBody,
        response: { 200: HolidayImportResponse },
      },
    },
    (req) => service.importHolidays(req.params.calendarId, req.body),
  );
  r.post(
    '/api/v1/sla/calendars/:calendarId/preview',
    {
      config: { ...read, readOnly: true },
      schema: {
        tags,
        summary: 'Preview a saved calendar',
        params: CalendarParams,
        body: SavedPreviewBody,
        response: { 200: PreviewResponse },
      },
    },
    (req) => service.previewSaved(req.params.calendarId, req.body),
  );
  r.get(
    '/api/v1/sla/policies',
    { config: read, schema: { tags, summary: 'SLA policies', response: { 200: items(PolicyResponse) } } },
    async () => ({
      items: await service.listPolicies(),
    }),
  );
  r.post(
    '/api/v1/sla/policies',
    {
      config: write,
      schema: { tags, summary: 'Create a policy', body: PolicyBody, response: { 201: PolicyResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createPolicy(req.body)),
  );
  r.get(
    '/api/v1/sla/policies/:policyId',
    {
      config: read,
      schema: { tags, summary: 'One policy', params: PolicyParams, response: { 200: PolicyResponse } },
    },
    (req) => service.getPolicy(req.params.policyId),
  );
  r.patch(
    '/api/v1/sla/policies/:policyId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a policy',
        params: PolicyParams,
        body: PolicyPatch,
        response: { 200: PolicyResponse },
      },
    },
    (req) => service.updatePolicy(req.params.policyId, req.body),
  );
  r.get(
    '/api/v1/sla/kind-defaults',
    {
      config: read,
      schema: {
        tags,
        summary: 'The policy per relationship kind when no agreement names one',
        response: { 200: KindDefaults },
      },
    },
    () => service.kindDefaults(),
  );
  r.put(
    '/api/v1/sla/kind-defaults',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set default policies per kind (null: best effort)',
        body: KindDefaults,
        response: { 200: KindDefaults },
      },
    },
    (req) => service.setKindDefaults(req.body as Record<string, string | null>),
  );
  r.get(
    '/api/v1/sla/priority-matrix',
    {
      config: read,
      schema: { tags, summary: 'Priority from impact × urgency', response: { 200: MatrixBody } },
    },
    () => service.priorityMatrix(),
  );
  r.put(
    '/api/v1/sla/priority-matrix',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change the priority matrix',
        body: MatrixBody,
        response: { 200: MatrixBody },
      },
    },
    (req) => service.setPriorityMatrix(req.body),
  );
}
