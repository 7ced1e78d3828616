import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type App, type BuildAppOptions, buildApp } from '../../src/app.js';
import type { Role } from '../../src/domain/access/roles.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import type { StoreKind } from '../../src/platform/db/store.js';
import { createTestStore, type TestStore } from './stores.js';

export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({ LOG_LEVEL: 'silent', KEEL_PASSWORD_COST: '10', KEEL_LOGIN_RATE_LIMIT: '1000', ...env });

export type TestApp = App & { store: TestStore; config: Config };

export async function createTestApp(
  kind: StoreKind,
  opts: { env?: Record<string, string> } & Partial<Pick<BuildAppOptions, 'jobs' | 'webDist'>> = {},
): Promise<TestApp> {
  const store = await createTestStore(kind);
  const config = testConfig(opts.env);
  const app = await buildApp({
    store,
    config,
    logger: false,
    webDist: opts.webDist ?? null,
    jobs: opts.jobs ?? false,
  });
  return {
    ...app,
    store,
    config,
    async close() {
      const gaps = [...new Set(app.http.auditGaps)];
      await app.close();
      await store.drop();
      if (gaps.length) throw new Error(`writes that left no audit record: ${gaps.join(', ')}`);
    },
  };
}

/** A fresh app on its own database for the enclosing describe block; closed and dropped after it. */
export function useTestApp(
  kind: StoreKind,
  opts?: Parameters<typeof createTestApp>[1],
): { readonly current: TestApp } {
  const holder: { current: TestApp } = { current: undefined as unknown as TestApp };
  beforeAll(async () => {
    holder.current = await createTestApp(kind, opts);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

let seq = 0;
export const unique = (label: string) => `${label} ${process.pid}-${++seq}`;

export type Caller = {
  userId: string;
  email: string;
  token: string;
  headers: Record<string, string>;
};

/** A user with an API token holding every permission of the role; the fastest way to call as someone. */
export async function buildUser(
  app: App,
  role: Role,
  opts: { clientId?: string; password?: string } = {},
): Promise<Caller> {
  const email = `${role}-${process.pid}-${++seq}@example.test`;
  const user = await app.keel.identity.service.createUser({
    email,
    role,
    password: opts.password ?? 'correct horse battery staple',
    clientId: opts.clientId ?? null,
  });
  const { token } = await app.keel.identity.service.createToken(user.id, { name: 'test' });
  return { userId: user.id, email, token, headers: { authorization: `Bearer ${token}` } };
}

export async function buildClient(app: App, overrides: Record<string, unknown> = {}) {
  return app.keel.clients.service.createClient({
    name: unique('Client'),
    status: 'active',
    timeZone: 'Europe/Paris',
    taxRateBp: 2000,
    billingAddress: {},
    notes: '',
    profile: {},
    ...overrides,
  });
}

export async function buildSite(app: App, clientId: string, name = unique('Site')) {
  return app.keel.clients.service.createSite({ kind: 'staff' }, clientId, {
    name,
    address: {},
    timeZone: null,
    notes: '',
  });
}

export async function buildContact(app: App, clientId: string, overrides: Record<string, unknown> = {}) {
  return app.keel.clients.service.createContact({ kind: 'staff' }, clientId, {
    name: unique('Contact'),
    email: `c${++seq}-${process.pid}@client.test`,
    phone: null,
    role: '',
    siteId: null,
    isBilling: false,
    portalAccess: false,
    ...overrides,
  });
}

export type Sent = { method: string; url: string; headers?: Record<string, string>; payload?: unknown };

export async function call(
  app: App,
  req: Sent,
): Promise<LightMyRequestResponse & { body: string; data: any }> {
  const res = await app.http.inject({
    method: req.method as 'GET',
    url: req.url,
    headers: req.headers,
    payload: req.payload as string | object | undefined,
  });
  let data: unknown = null;
  try {
    data = res.body ? JSON.parse(res.body) : null;
  } catch {
    data = res.body;
  }
  return Object.assign(res, { data });
}

/** A problem+json answer with the given status. */
export function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; data: any },
  status: number,
) {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${JSON.stringify(res.data)}`);
  }
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type}`);
  if (
    res.data?.status !== status ||
    typeof res.data?.type !== 'string' ||
    typeof res.data?.detail !== 'string'
  ) {
    throw new Error(`malformed problem: ${JSON.stringify(res.data)}`);
  }
  return res.data as {
    type: string;
    code: string;
    detail: string;
    errors?: { field: string; message: string }[];
  };
}
