import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Permission } from '../../domain/access/roles.js';
import type { AccessScope, Principal } from '../auth/principal.js';
import { scopeOf } from '../auth/principal.js';
import { type RequestContext, runWithContext } from '../context.js';
import { AppError } from '../errors.js';

/**
 * What a route requires. Every /api/v1 route must declare one: the server refuses to start
 * otherwise, so no later module can forget authorization.
 */
export type RouteAccess = 'public' | 'authenticated' | { permission: Permission; staffOnly?: boolean };

export type Authenticator = {
  cookieName: string;
  fromSession(secret: string): Promise<Principal | null>;
  fromBearer(secret: string): Promise<Principal | null>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** A POST that changes nothing (a calculation, a preview): exempt from the audit check. */
    readOnly?: boolean;
  }
  interface FastifyInstance {
    /** Every route with its access rule, for review and for tests that sweep all routes. */
    routeRules: RouteRule[];
    /** Successful writes that recorded nothing in the audit log; tests fail when any appear. */
    auditGaps: string[];
  }
  interface FastifyRequest {
    ctx: RequestContext;
    principal: Principal | null;
  }
}

export type RouteRule = { method: string; url: string; access: RouteAccess };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in principal of a route whose access is not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
  return request.principal;
}

export const scopeOfRequest = (request: FastifyRequest): AccessScope => scopeOf(principalOf(request));

export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('principal', null);
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  const gaps: string[] = [];
  app.decorate('auditGaps', gaps);

  app.addHook('onRoute', (route: RouteOptions) => {
    const isApi = route.url.startsWith('/api/v1');
    const access = route.config?.access ?? (isApi ? undefined : 'public');
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule.`);
    route.config = { ...route.config, access };
    for (const method of [route.method].flat())
      if (method !== 'HEAD') rules.push({ method, url: route.url, access });
    // Run every handler inside its request context, so services and the audit log know the actor.
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      return runWithContext(request.ctx, () => handler.call(this, request, reply));
    };
  });

  app.addHook('onRequest', async (request) => {
    request.ctx = {
      requestId: request.id,
      ip: request.ip ?? null,
      principal: null,
      channel: 'http',
      audited: 0,
    };
    const access = request.routeOptions.config?.access;
    if (!access) return; // unmatched route: the not-found handler answers
    const principal = await authenticate(request, authenticator);
    request.principal = principal;
    request.ctx.principal = principal;
    if (access === 'public') return;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== principal.csrfToken) {
        throw new AppError(
          'CSRF_TOKEN_INVALID',
          'Send the x-csrf-token header given at sign-in (GET /api/v1/me).',
        );
      }
    }
    if (access === 'authenticated') return;
    const allowed =
      principal.permissions.has(access.permission) && !(access.staffOnly && principal.role === 'portal');
    if (principal.role === 'portal') {
      // Portal users never learn what exists beyond their own client: anything else is "not found".
      const clientId = (request.params as Record<string, string> | undefined)?.clientId;
      if (!allowed || (clientId !== undefined && clientId !== principal.clientId)) {
        throw new AppError('NOT_FOUND', 'Nothing here.');
      }
      return;
    }
    if (!allowed) {
      throw new AppError(
        'FORBIDDEN',
        `Your role (${principal.role}) lacks the ${access.permission} permission.`,
      );
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const ctx = request.ctx;
    if (!ctx || SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return;
    if (request.routeOptions.config?.access && !request.routeOptions.config.readOnly && ctx.audited === 0) {
      gaps.push(`${request.method} ${request.routeOptions.url}`);
      request.log.error({ route: request.routeOptions.url }, 'write request left no audit record');
    }
  });
}

async function authenticate(request: FastifyRequest, auth: Authenticator): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    const principal = await auth.fromBearer(match[1]!);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, revoked or expired.');
    return principal;
  }
  const cookie = request.cookies?.[auth.cookieName];
  return cookie ? auth.fromSession(cookie) : null;
}
