import type { FastifyInstance } from 'fastify';
import { scopeOfRequest } from '../../platform/http/access.js';
import { pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import {
  AssetListQuery,
  AssetParams,
  AssetResponse,
  ClientAssetListQuery,
  ClientParams,
  CreateAssetBody,
  UpdateAssetBody,
} from './assets.schemas.js';
import type { AssetsService } from './assets.service.js';

const tags = ['assets'];
const read = { access: { permission: 'assets:read' as const } };
const write = { access: { permission: 'assets:write' as const, staffOnly: true } };

export function assetsRoutes(app: FastifyInstance, service: AssetsService) {
  const r = typed(app);

  r.get(
    '/api/v1/assets',
    {
      config: read,
      schema: {
        tags,
        summary: 'List assets (client, site, type, managed, search, cursor, updated_since)',
        querystring: AssetListQuery,
        response: { 200: pageOf(AssetResponse) },
      },
    },
    (req) => service.list(scopeOfRequest(req), req.query),
  );
  r.get(
    '/api/v1/clients/:clientId/assets',
    {
      config: read,
      schema: {
        tags,
        summary: "A client's assets",
        params: ClientParams,
        querystring: ClientAssetListQuery,
        response: { 200: pageOf(AssetResponse) },
      },
    },
    (req) => service.listForClient(scopeOfRequest(req), req.params.clientId, req.query),
  );
  r.post(
    '/api/v1/assets',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add an asset',
        description: '409 when a monitoring identity already maps to another live asset.',
        body: CreateAssetBody,
        response: { 201: AssetResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(scopeOfRequest(req), req.body)),
  );
  r.get(
    '/api/v1/assets/:assetId',
    {
      config: read,
      schema: { tags, summary: 'One asset', params: AssetParams, response: { 200: AssetResponse } },
    },
    (req) => service.get(scopeOfRequest(req), req.params.assetId),
  );
  r.patch(
    '/api/v1/assets/:assetId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an asset',
        params: AssetParams,
        body: UpdateAssetBody,
        response: { 200: AssetResponse },
      },
    },
    (req) => service.update(scopeOfRequest(req), req.params.assetId, req.body),
  );
  r.delete(
    '/api/v1/assets/:assetId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Archive an asset (soft delete; restore undoes it)',
        description: 'An archived asset stops counting as managed and frees its monitoring identities.',
        params: AssetParams,
        response: { 200: AssetResponse },
      },
    },
    (req) => service.setArchived(scopeOfRequest(req), req.params.assetId, true),
  );
  r.post(
    '/api/v1/assets/:assetId/restore',
    {
      config: write,
      schema: {
        tags,
        summary: 'Restore an archived asset',
        params: AssetParams,
        response: { 200: AssetResponse },
      },
    },
    (req) => service.setArchived(scopeOfRequest(req), req.params.assetId, false),
  );
}
