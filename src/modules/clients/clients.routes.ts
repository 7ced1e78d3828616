import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeOfRequest } from '../../platform/http/access.js';
import { ListQuery, pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import {
  ClientParams,
  ClientResponse,
  ContactParams,
  ContactResponse,
  CreateClientBody,
  CreateContactBody,
  CreateSiteBody,
  SiteParams,
  SiteResponse,
  UpdateClientBody,
  UpdateContactBody,
  UpdateSiteBody,
} from './clients.schemas.js';
import type { ClientsService } from './clients.service.js';

const ClientListQuery = ListQuery.extend({ status: z.enum(['active', 'onboarding', 'inactive']).optional() });

export function clientsRoutes(app: FastifyInstance, service: ClientsService) {
  const r = typed(app);
  const read = { access: { permission: 'clients:read' as const } };
  const write = { access: { permission: 'clients:write' as const } };

  r.get(
    '/api/v1/clients',
    {
      config: read,
      schema: {
        tags: ['clients'],
        summary: 'List clients (search, cursor, updated_since)',
        querystring: ClientListQuery,
        response: { 200: pageOf(ClientResponse) },
      },
    },
    (req) => service.listClients(scopeOfRequest(req), req.query),
  );
  r.post(
    '/api/v1/clients',
    {
      config: { access: { permission: 'clients:write', staffOnly: true } },
      schema: {
        tags: ['clients'],
        summary: 'Create a client',
        body: CreateClientBody,
        response: { 201: ClientResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createClient(req.body)),
  );
  r.get(
    '/api/v1/clients/:clientId',
    {
      config: read,
      schema: {
        tags: ['clients'],
        summary: 'One client',
        params: ClientParams,
        response: { 200: ClientResponse },
      },
    },
    (req) => service.getClient(scopeOfRequest(req), req.params.clientId),
  );
  r.patch(
    '/api/v1/clients/:clientId',
    {
      config: write,
      schema: {
        tags: ['clients'],
        summary: 'Change a client',
        params: ClientParams,
        body: UpdateClientBody,
        response: { 200: ClientResponse },
      },
    },
    (req) => service.updateClient(scopeOfRequest(req), req.params.clientId, req.body),
  );
  r.delete(
    '/api/v1/clients/:clientId',
    {
      config: write,
      schema: {
        tags: ['clients'],
        summary: 'Archive a client (soft delete; restore undoes it)',
        params: ClientParams,
        response: { 200: ClientResponse },
      },
    },
    (req) => service.setClientArchived(scopeOfRequest(req), req.params.clientId, true),
  );
  r.post(
    '/api/v1/clients/:clientId/restore',
    {
      config: write,
      schema: {
        tags: ['clients'],
        summary: 'Restore an archived client',
        params: ClientParams,
        response: { 200: ClientResponse },
      },
    },
    (req) => service.setClientArchived(scopeOfRequest(req), req.params.clientId, false),
  );

  const sitesRead = { access: { permission: 'sites:read' as const } };
  const sitesWrite = { access: { permission: 'sites:write' as const } };
  r.get(
    '/api/v1/clients/:clientId/sites',
    {
      config: sitesRead,
      schema: {
        tags: ['sites'],
        summary: "A client's sites",
        params: ClientParams,
        querystring: ListQuery,
        response: { 200: pageOf(SiteResponse) },
      },
    },
    (req) => service.listSites(scopeOfRequest(req), req.params.clientId, req.query),
  );
  r.post(
    '/api/v1/clients/:clientId/sites',
    {
      config: sitesWrite,
      schema: {
        tags: ['sites'],
        summary: 'Add a site',
        params: ClientParams,
        body: CreateSiteBody,
        response: { 201: SiteResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createSite(scopeOfRequest(req), req.params.clientId, req.body)),
  );
  r.get(
    '/api/v1/sites/:siteId',
    {
      config: sitesRead,
      schema: { tags: ['sites'], summary: 'One site', params: SiteParams, response: { 200: SiteResponse } },
    },
    (req) => service.getSite(scopeOfRequest(req), req.params.siteId),
  );
  r.patch(
    '/api/v1/sites/:siteId',
    {
      config: sitesWrite,
      schema: {
        tags: ['sites'],
        summary: 'Change a site',
        params: SiteParams,
        body: UpdateSiteBody,
        response: { 200: SiteResponse },
      },
    },
    (req) => service.updateSite(scopeOfRequest(req), req.params.siteId, req.body),
  );
  r.delete(
    '/api/v1/sites/:siteId',
    {
      config: sitesWrite,
      schema: {
        tags: ['sites'],
        summary: 'Archive a site',
        params: SiteParams,
        response: { 200: SiteResponse },
      },
    },
    (req) => service.setSiteArchived(scopeOfRequest(req), req.params.siteId, true),
  );
  r.post(
    '/api/v1/sites/:siteId/restore',
    {
      config: sitesWrite,
      schema: {
        tags: ['sites'],
        summary: 'Restore an archived site',
        params: SiteParams,
        response: { 200: SiteResponse },
      },
    },
    (req) => service.setSiteArchived(scopeOfRequest(req), req.params.siteId, false),
  );

  const contactsRead = { access: { permission: 'contacts:read' as const } };
  const contactsWrite = { access: { permission: 'contacts:write' as const } };
  r.get(
    '/api/v1/clients/:clientId/contacts',
    {
      config: contactsRead,
      schema: {
        tags: ['contacts'],
        summary: "A client's contacts",
        params: ClientParams,
        querystring: ListQuery,
        response: { 200: pageOf(ContactResponse) },
      },
    },
    (req) => service.listContacts(scopeOfRequest(req), req.params.clientId, req.query),
  );
  r.post(
    '/api/v1/clients/:clientId/contacts',
    {
      config: contactsWrite,
      schema: {
        tags: ['contacts'],
        summary: 'Add a contact',
        params: ClientParams,
        body: CreateContactBody,
        response: { 201: ContactResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createContact(scopeOfRequest(req), req.params.clientId, req.body)),
  );
  r.get(
    '/api/v1/contacts/:contactId',
    {
      config: contactsRead,
      schema: {
        tags: ['contacts'],
        summary: 'One contact',
        params: ContactParams,
        response: { 200: ContactResponse },
      },
    },
    (req) => service.getContact(scopeOfRequest(req), req.params.contactId),
  );
  r.patch(
    '/api/v1/contacts/:contactId',
    {
      config: contactsWrite,
      schema: {
        tags: ['contacts'],
        summary: 'Change a contact',
        params: ContactParams,
        body: UpdateContactBody,
        response: { 200: ContactResponse },
      },
    },
    (req) => service.updateContact(scopeOfRequest(req), req.params.contactId, req.body),
  );
  r.delete(
    '/api/v1/contacts/:contactId',
    {
      config: contactsWrite,
      schema: {
        tags: ['contacts'],
        summary: 'Archive a contact',
        params: ContactParams,
        response: { 200: ContactResponse },
      },
    },
    (req) => service.setContactArchived(scopeOfRequest(req), req.params.contactId, true),
  );
  r.post(
    '/api/v1/contacts/:contactId/restore',
    {
      config: contactsWrite,
      schema: {
        tags: ['contacts'],
        summary: 'Restore an archived contact',
        params: ContactParams,
        response: { 200: ContactResponse },
      },
    },
    (req) => service.setContactArchived(scopeOfRequest(req), req.params.contactId, false),
  );
}
