import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LifecycleAction } from '../../domain/agreements/lifecycle.js';
import { scopeOfRequest } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import {
  ActivateBody,
  AgreementParams,
  AgreementQuery,
  AgreementResponse,
  AsOfQuery,
  CreateAgreementBody,
  LifecycleBody,
  UpdateAgreementBody,
} from './agreements.schemas.js';
import type { AgreementsService } from './agreements.service.js';
import { AmendmentBody, AmendmentParams, AmendmentResponse, ReverseBody } from './amendments.schemas.js';

const read = { access: { permission: 'agreements:read' as const } };
const write = { access: { permission: 'agreements:write' as const } };
const tags = ['agreements'];

const EventResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  on: z.string(),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.date(),
});

export function agreementsRoutes(app: FastifyInstance, service: AgreementsService) {
  const r = typed(app);

  r.get(
    '/api/v1/agreements',
    {
      config: read,
      schema: {
        tags,
        summary: 'Agreements (filter by client, status, kind)',
        querystring: AgreementQuery,
        response: { 200: z.object({ items: z.array(AgreementResponse) }) },
      },
    },
    async (req) => ({
      items: await service.list(scopeOfRequest(req), req.query),
    }),
  );
  r.post(
    '/api/v1/agreements',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create an agreement (a draft until activated)',
        body: CreateAgreementBody,
        response: { 201: AgreementResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(scopeOfRequest(req), req.body)),
  );
  r.get(
    '/api/v1/agreements/:agreementId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One agreement, its lines as of a date',
        params: AgreementParams,
        querystring: AsOfQuery,
        response: { 200: AgreementResponse },
      },
    },
    (req) => service.get(scopeOfRequest(req), req.params.agreementId, req.query.as_of),
  );
  r.patch(
    '/api/v1/agreements/:agreementId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change terms (lines only while a draft)',
        params: AgreementParams,
        body: UpdateAgreementBody,
        response: { 200: AgreementResponse },
      },
    },
    (req) => service.update(scopeOfRequest(req), req.params.agreementId, req.body),
  );
  r.get(
    '/api/v1/agreements/:agreementId/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'Lifecycle history',
        params: AgreementParams,
        response: { 200: z.object({ items: z.array(EventResponse) }) },
      },
    },
    async (req) => ({
      items: await service.events(scopeOfRequest(req), req.params.agreementId),
    }),
  );

  r.post(
    '/api/v1/agreements/:agreementId/activate',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record the signature and activate',
        params: AgreementParams,
        body: ActivateBody,
        response: { 200: AgreementResponse },
      },
    },
    (req) => service.act(scopeOfRequest(req), req.params.agreementId, 'activate', req.body),
  );
  for (const action of [
    'suspend',
    'resume',
    'renew',
    'terminate',
    'expire',
  ] as const satisfies LifecycleAction[]) {
    r.post(
      `/api/v1/agreements/:agreementId/${action}`,
      {
        config: write,
        schema: {
          tags,
          summary: `${action[0]!.toUpperCase()}${action.slice(1)} the agreement`,
          params: AgreementParams,
          body: LifecycleBody,
          response: { 200: AgreementResponse },
        },
      },
      (req) => service.act(scopeOfRequest(req), req.params.agreementId, action, req.body),
    );
  }
}

export function amendmentRoutes(app: FastifyInstance, service: AgreementsService) {
  const r = typed(app);
  r.get(
    '/api/v1/agreements/:agreementId/amendments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Amendments timeline',
        params: AgreementParams,
        response: { 200: z.object({ items: z.array(AmendmentResponse) }) },
      },
    },
    async (req) => ({
      items: await service.amendments.list(scopeOfRequest(req), req.params.agreementId),
    }),
  );
  r.post(
    '/api/v1/agreements/:agreementId/amendments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a dated mid-term change (quantity, price, plan, line)',
        params: AgreementParams,
        body: AmendmentBody,
        response: { 201: AmendmentResponse },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.amendments.amend(scopeOfRequest(req), req.params.agreementId, req.body)),
  );
  r.post(
    '/api/v1/agreements/:agreementId/amendments/:amendmentId/reverse',
    {
      config: write,
      schema: {
        tags,
        summary: 'Reverse an amendment from a date',
        params: AmendmentParams,
        body: ReverseBody,
        response: { 201: AmendmentResponse },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.amendments.reverse(
            scopeOfRequest(req),
            req.params.agreementId,
            req.params.amendmentId,
            req.body,
          ),
        ),
  );
}
