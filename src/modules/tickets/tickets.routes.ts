import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { phases } from '../../domain/tickets/workflow.js';
import { principalOf, scopeOfRequest } from '../../platform/http/access.js';
import { pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import {
  CreateTicketBody,
  EventResponse,
  MessageResponse,
  ReplyBody,
  TicketListQuery,
  TicketResponse,
  UpdateTicketBody,
} from './tickets.schemas.js';
import type { TicketsService } from './tickets.service.js';

const read = { access: { permission: 'tickets:read' as const } };
const write = { access: { permission: 'tickets:write' as const } };
const tags = ['tickets'];
const Params = z.strictObject({ ticketId: z.uuid() });
const StatusCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const WorkflowBody = z.strictObject({
  statuses: z
    .array(
      z.strictObject({ code: StatusCode, label: z.string().trim().min(1).max(60), phase: z.enum(phases) }),
    )
    .min(3)
    .max(40),
  transitions: z.record(StatusCode, z.array(StatusCode).max(40)),
});

export function ticketsRoutes(app: FastifyInstance, service: TicketsService) {
  const r = typed(app);

  r.get(
    '/api/v1/tickets',
    {
      config: read,
      schema: {
        tags,
        summary: 'The queue: unresolved tickets by SLA urgency, with filters',
        querystring: TicketListQuery,
        response: { 200: pageOf(TicketResponse) },
      },
    },
    (req) => service.list(scopeOfRequest(req), req.query, principalOf(req).userId),
  );
  r.post(
    '/api/v1/tickets',
    {
      config: write,
      schema: {
        tags,
        summary: 'Raise a ticket; SLA and entitlement are resolved at once',
        body: CreateTicketBody,
        response: { 201: TicketResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(scopeOfRequest(req), req.body)),
  );
  r.get(
    '/api/v1/tickets/workflow',
    {
      config: read,
      schema: {
        tags,
        summary: 'Statuses, their phases and the moves allowed between them',
        response: {
          200: z.object({
            statuses: z.array(z.object({ code: z.string(), label: z.string(), phase: z.enum(phases) })),
            transitions: z.record(z.string(), z.array(z.string())),
          }),
        },
      },
    },
    () => service.workflow(),
  );
  r.put(
    '/api/v1/tickets/workflow',
    {
      config: { access: { permission: 'sla:write' as const } },
      schema: {
        tags,
        summary: 'Replace the statuses and the moves allowed between them',
        body: WorkflowBody,
        response: { 200: WorkflowBody },
      },
    },
    (req) => service.setWorkflow(req.body),
  );
  r.get(
    '/api/v1/tickets/queues',
    {
      config: read,
      schema: {
        tags,
        summary: 'The queues tickets can be in; triage holds what nobody could place',
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), name: z.string(), triage: z.boolean() })),
          }),
        },
      },
    },
    async () => ({ items: await service.queues() }),
  );
  r.get(
    '/api/v1/tickets/:ticketId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One ticket with its live clocks',
        params: Params,
        response: { 200: TicketResponse },
      },
    },
    (req) => service.get(scopeOfRequest(req), req.params.ticketId),
  );
  r.patch(
    '/api/v1/tickets/:ticketId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change status, priority, assignee, client, category …',
        params: Params,
        body: UpdateTicketBody,
        response: { 200: TicketResponse },
      },
    },
    (req) => service.update(scopeOfRequest(req), req.params.ticketId, req.body),
  );
  r.post(
    '/api/v1/tickets/:ticketId/replies',
    {
      config: write,
      schema: {
        tags,
        summary: 'A public reply or an internal note, optionally moving the status',
        params: Params,
        body: ReplyBody,
        response: { 201: z.object({ message: MessageResponse, ticket: TicketResponse }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.reply(scopeOfRequest(req), req.params.ticketId, req.body)),
  );
  r.get(
    '/api/v1/tickets/:ticketId/messages',
    {
      config: read,
      schema: {
        tags,
        summary: 'Replies and notes (portal users see public replies only)',
        params: Params,
        response: { 200: z.object({ items: z.array(MessageResponse) }) },
      },
    },
    async (req) => ({ items: await service.messages(scopeOfRequest(req), req.params.ticketId) }),
  );
  r.get(
    '/api/v1/tickets/:ticketId/history',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every change to the ticket, who made it and when',
        params: Params,
        response: { 200: z.object({ items: z.array(EventResponse) }) },
      },
    },
    async (req) => ({ items: await service.history(scopeOfRequest(req), req.params.ticketId) }),
  );
}
