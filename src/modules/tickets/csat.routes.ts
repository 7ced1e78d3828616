import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeOfRequest } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import type { CsatService } from './csat.service.js';

const tags = ['csat'];
const RatingBody = z.strictObject({
  rating: z.number().int().min(1).max(5).describe('1 (very unhappy) to 5 (very happy)'),
  comment: z.string().trim().max(5_000).nullable().default(null),
});
const Answer = z.object({
  ticketId: z.uuid(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  answeredAt: z.string(),
});
const Token = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
const Figures = {
  responses: z.number().int(),
  average: z.number().nullable(),
  satisfied: z.number().nullable(),
};

export function csatRoutes(app: FastifyInstance, service: CsatService) {
  const r = typed(app);
  // The link in the resolution mail: the token is the only credential, and it rates one ticket.
  r.get(
    '/api/v1/csat/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The survey a one-click link opens',
        params: Token,
        response: {
          200: z.object({
            reference: z.string(),
            subject: z.string(),
            rating: z.number().nullable(),
            comment: z.string().nullable(),
          }),
        },
      },
    },
    (req) => service.byToken(req.params.token),
  );
  r.post(
    '/api/v1/csat/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rate the ticket of a one-click link',
        params: Token,
        body: RatingBody,
        response: { 200: Answer },
      },
    },
    (req) => service.answerByToken(req.params.token, req.body),
  );
  r.post(
    '/api/v1/tickets/:ticketId/csat',
    {
      config: { access: { permission: 'tickets:read' } },
      schema: {
        tags,
        summary: 'Rate a resolved ticket from the portal',
        params: z.strictObject({ ticketId: z.uuid() }),
        body: RatingBody,
        response: { 200: Answer },
      },
    },
    (req) => service.answerInPortal(scopeOfRequest(req), req.params.ticketId, req.body),
  );
  r.get(
    '/api/v1/tickets/:ticketId/csat',
    {
      config: { access: { permission: 'tickets:read' } },
      schema: {
        tags,
        summary: 'The rating a ticket received, if any',
        params: z.strictObject({ ticketId: z.uuid() }),
        response: {
          200: Answer.extend({ rating: z.number().int().nullable(), answeredAt: z.string().nullable() }),
        },
      },
    },
    (req) => service.ofTicket(scopeOfRequest(req), req.params.ticketId),
  );
  r.get(
    '/api/v1/csat/results',
    {
      config: { access: { permission: 'tickets:read', staffOnly: true } },
      schema: {
        tags,
        summary: 'Satisfaction per client and per technician over a period',
        querystring: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            sent: z.number().int(),
            overall: z.object(Figures),
            byClient: z.array(z.object({ clientId: z.uuid(), ...Figures })),
            byTechnician: z.array(z.object({ technicianId: z.uuid().nullable(), ...Figures })),
          }),
        },
      },
    },
    (req) => service.results(req.query),
  );
}
