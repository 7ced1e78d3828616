import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../platform/http/server.js';
import {
  CategoryBody,
  CategoryPatch,
  CategoryResponse,
  CodeParams,
  IdParams,
  LabourRateBody,
  LabourRateResponse,
  PlanBody,
  PlanPatch,
  PlanResponse,
  ProductBody,
  ProductPatch,
  ProductResponse,
  ServiceBody,
  ServicePatch,
  ServiceResponse,
  WorkTypeBody,
  WorkTypePatch,
  WorkTypeResponse,
} from './catalog.schemas.js';
import type { CatalogService } from './catalog.service.js';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const read = { access: { permission: 'catalog:read' as const, staffOnly: true } };
const write = { access: { permission: 'catalog:write' as const } };
const tags = ['catalog'];

export function catalogRoutes(app: FastifyInstance, service: CatalogService) {
  const r = typed(app);
  const base = '/api/v1/catalog';

  r.get(
    `${base}/categories`,
    {
      config: read,
      schema: { tags, summary: 'Service categories', response: { 200: items(CategoryResponse) } },
    },
    async () => ({
      items: await service.listCategories(),
    }),
  );
  r.post(
    `${base}/categories`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a service category',
        body: CategoryBody,
        response: { 201: CategoryResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCategory(req.body)),
  );
  r.patch(
    `${base}/categories/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Rename a category',
        params: CodeParams,
        body: CategoryPatch,
        response: { 200: CategoryResponse },
      },
    },
    (req) => service.updateCategory(req.params.code, req.body),
  );

  r.get(
    `${base}/services`,
    { config: read, schema: { tags, summary: 'Services', response: { 200: items(ServiceResponse) } } },
    async () => ({
      items: await service.listServices(),
    }),
  );
  r.post(
    `${base}/services`,
    {
      config: write,
      schema: { tags, summary: 'Add a service', body: ServiceBody, response: { 201: ServiceResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createService(req.body)),
  );
  r.patch(
    `${base}/services/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a service',
        params: IdParams,
        body: ServicePatch,
        response: { 200: ServiceResponse },
      },
    },
    (req) => service.updateService(req.params.id, req.body),
  );

  r.get(
    `${base}/plans`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Plans (tiers) and the services they bundle',
        response: { 200: items(PlanResponse) },
      },
    },
    async () => ({
      items: await service.listPlans(),
    }),
  );
  r.post(
    `${base}/plans`,
    {
      config: write,
      schema: { tags, summary: 'Add a plan', body: PlanBody, response: { 201: PlanResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(req.body)),
  );
  r.patch(
    `${base}/plans/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a plan',
        params: IdParams,
        body: PlanPatch,
        response: { 200: PlanResponse },
      },
    },
    (req) => service.updatePlan(req.params.id, req.body),
  );

  r.get(
    `${base}/products`,
    {
      config: read,
      schema: { tags, summary: 'Products and licences', response: { 200: items(ProductResponse) } },
    },
    async () => ({
      items: await service.listProducts(),
    }),
  );
  r.post(
    `${base}/products`,
    {
      config: write,
      schema: { tags, summary: 'Add a product', body: ProductBody, response: { 201: ProductResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createProduct(req.body)),
  );
  r.patch(
    `${base}/products/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a product',
        params: IdParams,
        body: ProductPatch,
        response: { 200: ProductResponse },
      },
    },
    (req) => service.updateProduct(req.params.id, req.body),
  );

  r.get(
    `${base}/work-types`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Work types and their default rates',
        response: { 200: items(WorkTypeResponse) },
      },
    },
    async () => ({
      items: await service.listWorkTypes(),
    }),
  );
  r.post(
    `${base}/work-types`,
    {
      config: write,
      schema: { tags, summary: 'Add a work type', body: WorkTypeBody, response: { 201: WorkTypeResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createWorkType(req.body)),
  );
  r.patch(
    `${base}/work-types/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a work type',
        params: CodeParams,
        body: WorkTypePatch,
        response: { 200: WorkTypeResponse },
      },
    },
    (req) => service.updateWorkType(req.params.code, req.body),
  );

  r.get(
    `${base}/labour-rates`,
    {
      config: { access: { permission: 'catalog:write' as const } },
      schema: { tags, summary: 'Labour cost per technician', response: { 200: items(LabourRateResponse) } },
    },
    async () => ({
      items: await service.listLabourRates(),
    }),
  );
  r.post(
    `${base}/labour-rates`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Set a technician’s labour cost from a date',
        body: LabourRateBody,
        response: { 201: LabourRateResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.setLabourRate(req.body)),
  );
}
