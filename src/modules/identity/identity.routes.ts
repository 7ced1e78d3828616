import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { permissionsOf } from '../../domain/access/roles.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { principalOf } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import {
  CreatedTokenResponse,
  CreateTokenBody,
  CreateUserBody,
  LoginBody,
  MeResponse,
  TokenParams,
  TokenResponse,
  TotpBeginResponse,
  TotpConfirmBody,
  TotpDisableBody,
  UpdateUserBody,
  UserParams,
  UserResponse,
} from './identity.schemas.js';
import { type IdentityService, presentUser } from './identity.service.js';

export const SESSION_COOKIE = 'keel_session';

const presentToken = (t: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

export function identityRoutes(app: FastifyInstance, service: IdentityService, config: Config) {
  const r = typed(app);
  const secure = (request: FastifyRequest) => config.secureCookies ?? request.protocol === 'https';

  async function me(request: FastifyRequest) {
    const p = principalOf(request);
    return {
      user: presentUser(await service.getUser(p.userId)),
      permissions: [...p.permissions],
      csrfToken: p.csrfToken,
      via: p.via,
    };
  }

  r.post(
    '/api/v1/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) => req.ip,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: MeResponse },
      },
    },
    async (request, reply) => {
      const { secret, csrfToken, expiresAt, user } = await service.login(request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        path: '/',
        expires: expiresAt,
      });
      return {
        user: presentUser(user),
        permissions: [...permissionsOf(user.role)],
        csrfToken,
        via: 'session' as const,
      };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.logout(principalOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Who am I', response: { 200: MeResponse } },
    },
    me,
  );

  r.post(
    '/api/v1/me/totp',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Begin TOTP enrolment', response: { 200: TotpBeginResponse } },
    },
    async (request) => service.beginTotp(principalOf(request).userId),
  );
  r.post(
    '/api/v1/me/totp/confirm',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP with a code',
        body: TotpConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.confirmTotp(principalOf(request).userId, request.body.code);
      return reply.status(204).send(null);
    },
  );
  r.delete(
    '/api/v1/me/totp',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Turn TOTP off',
        body: TotpDisableBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.disableTotp(principalOf(request).userId, request.body.password);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/tokens',
    {
      config: { access: { permission: 'tokens:manage' } },
      schema: {
        tags: ['auth'],
        summary: 'Your API tokens',
        response: { 200: z.object({ items: z.array(TokenResponse) }) },
      },
    },
    async (request) => ({ items: (await service.listTokens(principalOf(request).userId)).map(presentToken) }),
  );
  r.post(
    '/api/v1/tokens',
    {
      config: { access: { permission: 'tokens:manage' } },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (the secret is shown once)',
        body: CreateTokenBody,
        response: { 201: CreatedTokenResponse },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      // A token can never hold more than the token that created it.
      const requested = request.body.scopes ?? [...p.permissions];
      const beyond = requested.filter((s) => !p.permissions.has(s));
      if (beyond.length)
        throw new AppError('FORBIDDEN', `You cannot grant scopes you do not hold: ${beyond.join(', ')}.`);
      const { token, record } = await service.createToken(p.userId, {
        name: request.body.name,
        scopes: requested,
        expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
      });
      return reply.status(201).send({ ...presentToken(record), token });
    },
  );
  r.delete(
    '/api/v1/tokens/:tokenId',
    {
      config: { access: { permission: 'tokens:manage' } },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: TokenParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.revokeToken(principalOf(request).userId, request.params.tokenId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/users',
    {
      config: { access: { permission: 'users:read', staffOnly: true } },
      schema: {
        tags: ['users'],
        summary: 'List users',
        response: { 200: z.object({ items: z.array(UserResponse) }) },
      },
    },
    async () => ({ items: (await service.listUsers()).map(presentUser) }),
  );
  r.post(
    '/api/v1/users',
    {
      config: { access: { permission: 'users:manage' } },
      schema: {
        tags: ['users'],
        summary: 'Create a staff or portal user',
        body: CreateUserBody,
        response: { 201: UserResponse },
      },
    },
    async (request, reply) => reply.status(201).send(presentUser(await service.createUser(request.body))),
  );
  r.get(
    '/api/v1/users/:userId',
    {
      config: { access: { permission: 'users:read', staffOnly: true } },
      schema: { tags: ['users'], summary: 'One user', params: UserParams, response: { 200: UserResponse } },
    },
    async (request) => presentUser(await service.getUser(request.params.userId)),
  );
  r.patch(
    '/api/v1/users/:userId',
    {
      config: { access: { permission: 'users:manage' } },
      schema: {
        tags: ['users'],
        summary: 'Change a user (role, password, disable)',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserResponse },
      },
    },
    async (request) =>
      presentUser(await service.updateUser(request.params.userId, request.body, principalOf(request))),
  );
}
