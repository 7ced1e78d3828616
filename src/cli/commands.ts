import { randomBytes } from 'node:crypto';
import { buildApp, createModules, startWorker } from '../app.js';
import type { Role } from '../domain/access/roles.js';
import type { Config } from '../platform/config.js';
import type { Store } from '../platform/db/store.js';
import { AppError } from '../platform/errors.js';
import { openConfiguredStore } from './runtime.js';
import { seedDemo } from './seed-demo.js';

async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** On an empty database, the first start creates an admin and prints its sign-in once. */
async function ensureAdmin(store: Store, config: Config): Promise<string | null> {
  const { identity } = createModules(store, config);
  if ((await identity.service.countUsers()) > 0) return null;
  const email = config.adminEmail ?? 'admin@keel.local';
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  await identity.service.createUser({ email, name: 'Administrator', role: 'admin', password });
  return `First start: an admin was created.\n  email:    ${email}\n  password: ${config.adminPassword ? '(from KEEL_ADMIN_PASSWORD)' : password}\n  Change it after signing in.`;
}

export async function serveCommand(config: Config) {
  const store = await openConfiguredStore(config);
  const notice = await ensureAdmin(store, config);
  const app = await buildApp({ store, config, jobs: { work: config.inProcessWorker } });
  const shutdown = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const address = await app.http.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(
    `Keel ${store.kind === 'pglite' ? `on the embedded store (${config.dataDir})` : 'on PostgreSQL'} at ${shown}`,
  );
  if (notice) console.log(notice);
}

export async function workerCommand(config: Config) {
  const store = await openConfiguredStore(config);
  const jobs = await startWorker(store, config, (err) => console.error('job error:', err.message));
  console.log(`Keel worker working jobs (${store.kind}).`);
  const shutdown = async () => {
    await jobs.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export async function migrateCommand(config: Config) {
  await withStore(config, async (store) => console.log(`Migrations applied (${store.kind}).`));
}

export async function userCreateCommand(
  config: Config,
  o: { email: string; password: string; role: Role; name?: string; client?: string },
) {
  await withStore(config, async (store) => {
    const { identity } = createModules(store, config);
    const user = await identity.service.createUser({
      email: o.email,
      password: o.password,
      role: o.role,
      name: o.name,
      clientId: o.client ?? null,
    });
    console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  });
}

export async function tokenCreateCommand(
  config: Config,
  o: { email: string; name: string; scopes?: string[] },
) {
  await withStore(config, async (store) => {
    const { identity } = createModules(store, config);
    const user = await identity.service.findUserByEmail(o.email);
    if (!user) throw new AppError('USER_NOT_FOUND', `No user with the email ${o.email}.`);
    const scopes = o.scopes?.flatMap((s) => s.split(',')).filter(Boolean);
    const { token } = await identity.service.createToken(user.id, { name: o.name, scopes });
    console.log(token);
  });
}

export async function seedCommand(config: Config, o: { demo?: boolean }) {
  if (!o.demo) throw new AppError('VALIDATION_FAILED', 'Say what to seed: --demo.');
  await withStore(config, async (store) => {
    const summary = await seedDemo(createModules(store, config), (line) => console.log(line));
    console.log(summary);
  });
}
