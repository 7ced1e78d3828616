import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../platform/http/server.js';
import type { ProblemsService } from './problems.service.js';

const read = { access: { permission: 'tickets:read' as const, staffOnly: true } };
const write = { access: { permission: 'tickets:write' as const, staffOnly: true } };
const tags = ['problems'];
const Params = z.strictObject({ problemId: z.uuid() });
const Text = z.string().max(20_000);

const ProblemResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  rootCause: z.string(),
  workaround: z.string(),
  status: z.enum(['open', 'known_error', 'resolved']),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  incidents: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      subject: z.string(),
      clientId: z.uuid().nullable(),
      status: z.string(),
      resolved: z.boolean(),
    }),
  ),
});

export function problemsRoutes(app: FastifyInstance, service: ProblemsService) {
  const r = typed(app);
  r.get(
    '/api/v1/problems',
    {
      config: read,
      schema: {
        tags,
        summary: 'Problem records with their incidents',
        querystring: z.strictObject({ status: z.enum(['open', 'known_error', 'resolved']).optional() }),
        response: { 200: z.object({ items: z.array(ProblemResponse) }) },
      },
    },
    async (req) => ({ items: await service.list(req.query.status) }),
  );
  r.post(
    '/api/v1/problems',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a problem, optionally linking incidents',
        body: z.strictObject({
          title: z.string().trim().min(1).max(300),
          rootCause: Text.default(''),
          workaround: Text.default(''),
          ticketIds: z.array(z.uuid()).max(500).default([]),
        }),
        response: { 201: ProblemResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.body)),
  );
  r.get(
    '/api/v1/problems/:problemId',
    {
      config: read,
      schema: { tags, summary: 'One problem', params: Params, response: { 200: ProblemResponse } },
    },
    (req) => service.get(req.params.problemId),
  );
  r.patch(
    '/api/v1/problems/:problemId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Root cause, workaround, known-error status',
        params: Params,
        body: z
          .strictObject({
            title: z.string().trim().min(1).max(300),
            rootCause: Text,
            workaround: Text,
            status: z.enum(['open', 'known_error']),
          })
          .partial()
          .refine((b) => Object.keys(b).length > 0, 'Nothing to change.'),
        response: { 200: ProblemResponse },
      },
    },
    (req) => service.update(req.params.problemId, req.body),
  );
  r.post(
    '/api/v1/problems/:problemId/incidents',
    {
      config: write,
      schema: {
        tags,
        summary: 'Link and unlink incidents',
        params: Params,
        body: z.strictObject({
          add: z.array(z.uuid()).max(500).default([]),
          remove: z.array(z.uuid()).max(500).default([]),
        }),
        response: { 200: ProblemResponse },
      },
    },
    (req) => service.setLinks(req.params.problemId, req.body.add, req.body.remove),
  );
  r.post(
    '/api/v1/problems/:problemId/resolve',
    {
      config: write,
      schema: {
        tags,
        summary: 'Resolve the problem, and with resolveIncidents its open incidents',
        params: Params,
        body: z.strictObject({
          resolveIncidents: z.boolean().default(false),
          note: z
            .string()
            .trim()
            .min(1)
            .max(20_000)
            .nullable()
            .default(null)
            .describe('Public reply on each incident resolved'),
        }),
        response: { 200: ProblemResponse.extend({ notResolved: z.array(z.string()) }) },
      },
    },
    (req) => service.resolve(req.params.problemId, req.body),
  );
}
