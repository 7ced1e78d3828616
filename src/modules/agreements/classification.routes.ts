import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clientKinds } from '../../domain/classification/classify.js';
import { criterionCodes } from '../../domain/classification/facts.js';
import { notFound } from '../../platform/errors.js';
import { scopeOfRequest } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import type { ClassificationService } from './classification.service.js';

const Check = z.object({
  code: z.enum(criterionCodes),
  passed: z.boolean(),
  message: z.string(),
  fix: z.string().nullable(),
});
const ClassificationResponse = z.object({
  clientId: z.uuid(),
  asOf: z.string(),
  kind: z.enum(clientKinds),
  mrr: z.number().int().describe('Monthly recurring revenue, minor units'),
  checks: z
    .array(Check)
    .describe('Every contract criterion, passed or not, with the fix for each failing one'),
  decidingAgreementId: z.uuid().nullable(),
});
const KindSummary = z.object({
  count: z.number().int(),
  mrr: z.number().int(),
  failingOne: z.number().int(),
});
const SummaryResponse = z.object({
  asOf: z.string(),
  total: z.object({ count: z.number().int(), mrr: z.number().int() }),
  byKind: z.record(z.enum(clientKinds), KindSummary),
  clients: z.array(
    z.object({
      clientId: z.uuid(),
      name: z.string(),
      kind: z.enum(clientKinds),
      mrr: z.number().int(),
      failing: z.array(Check.omit({ passed: true })),
      failsOne: z.boolean(),
    }),
  ),
});
const Policy = z.strictObject({
  minimumTermMonths: z.number().int().min(0).max(120),
  minimumMonthlyValue: z.number().int().min(0).max(1_000_000_000).describe('Minor units'),
  requiredCategories: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/))
    .min(1)
    .max(20),
  slaRequired: z.boolean(),
});
const AsOf = z.strictObject({ as_of: z.iso.date().optional() });

export function classificationRoutes(
  app: FastifyInstance,
  service: ClassificationService,
  clientVisible: (scope: ReturnType<typeof scopeOfRequest>, clientId: string) => Promise<boolean>,
) {
  const r = typed(app);
  const staffRead = { access: { permission: 'agreements:read' as const, staffOnly: true } };
  const tags = ['classification'];

  r.get(
    '/api/v1/clients/:clientId/classification',
    {
      config: staffRead,
      schema: {
        tags,
        summary: "A client's relationship kind, MRR and the checks behind it",
        params: z.strictObject({ clientId: z.uuid() }),
        querystring: AsOf,
        response: { 200: ClassificationResponse },
      },
    },
    async (req) => {
      if (!(await clientVisible(scopeOfRequest(req), req.params.clientId)))
        throw notFound('CLIENT_NOT_FOUND', 'Client', req.params.clientId);
      return service.classify(req.params.clientId, req.query.as_of);
    },
  );
  r.get(
    '/api/v1/classification/summary',
    {
      config: staffRead,
      schema: {
        tags,
        summary: 'Counts and MRR per kind; clients failing one criterion first',
        querystring: AsOf,
        response: { 200: SummaryResponse },
      },
    },
    (req) => service.summary(req.query.as_of),
  );
  r.get(
    '/api/v1/settings/classification-policy',
    {
      config: staffRead,
      schema: { tags, summary: 'Thresholds for a contract client', response: { 200: Policy } },
    },
    () => service.getPolicy(),
  );
  r.put(
    '/api/v1/settings/classification-policy',
    {
      config: { access: { permission: 'catalog:write' as const } },
      schema: { tags, summary: 'Change the thresholds', body: Policy, response: { 200: Policy } },
    },
    (req) => service.updatePolicy(req.body),
  );
}
