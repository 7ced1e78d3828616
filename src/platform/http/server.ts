import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { paths } from '../paths.js';
import { version } from '../version.js';
import { type Authenticator, registerAccessControl } from './access.js';
import { registerMetrics } from './metrics.js';
import { errorHandler, sendProblem } from './problem.js';

export type HttpServer = FastifyInstance;

export type HttpOptions = {
  config: Config;
  authenticator: Authenticator;
  logger?: boolean | object;
  webDist?: string | null;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The HTTP shell every module plugs into: validation, errors, access, docs, metrics, the web app. */
export async function createHttpServer(opts: HttpOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Keel API',
        version,
        description: 'Run a managed service provider: clients, agreements, SLA tickets, time, billing.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: opts.authenticator.cookieName },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAccessControl(app, opts.authenticator);
  registerMetrics(app);

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist = opts.webDist === undefined ? paths.webDist : opts.webDist;
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // Client-side routes get the app; a missing file (/assets/x.js) or API path gets a real 404.
    const isPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      path !== '/metrics' &&
      !/\.[A-Za-z0-9]+$/.test(path);
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, 'NOT_FOUND', `No route ${request.method} ${path}.`);
  });
  return app;
}

/** Routes typed by their Zod schemas. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
