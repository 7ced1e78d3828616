import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type App, buildApp, createModules, startWorker } from '../app.js';
import type { Role } from '../domain/access/roles.js';
import { Email, Password } from '../modules/identity/identity.schemas.js';
import type { Config } from '../platform/config.js';
import type { Store } from '../platform/db/store.js';
import { AppError, type FieldError } from '../platform/errors.js';
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
  try {
    await identity.service.createUser({ email, name: 'Administrator', role: 'admin', password });
  } catch (err) {
    // Another node starting on the same PostgreSQL created it first: it printed the sign-in.
    if (err instanceof AppError && err.code === 'EMAIL_TAKEN') return null;
    throw err;
  }
  return `First start: an admin was created.\n  email:    ${email}\n  password: ${config.adminPassword ? '(from KEEL_ADMIN_PASSWORD)' : password}\n  Change it after signing in.`;
}

/**
 * Stops on SIGINT/SIGTERM by running `stop` and exiting 0. Installed before anything is printed:
 * a supervisor (or a test) that signals as soon as it reads the "listening" line must not hit the
 * default action, which kills the process without closing the store or releasing its lock.
 */
function stopOnSignals(stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return () => {
    process.off('SIGINT', shutdown);
    process.off('SIGTERM', shutdown);
  };
}

export async function serveCommand(config: Config) {
  const store = await openConfiguredStore(config);
  let app: App | null = null;
  const stop = async () => {
    await app?.close().catch(() => {});
    await store.close().catch(() => {});
  };
  const removeHandlers = stopOnSignals(stop);
  try {
    const notice = await ensureAdmin(store, config);
    // Printed at once: a generated password shown only after listening would be lost for good if
    // listening failed (port taken), since the next start finds a user and creates no admin.
    if (notice) console.log(notice);
    app = await buildApp({ store, config, jobs: { work: config.inProcessWorker }, jobsInBackground: true });
    const address = await app.http.listen({ port: config.port, host: config.host });
    const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    console.log(
      `Keel ${store.kind === 'pglite' ? `on the embedded store (${config.dataDir})` : 'on PostgreSQL'} at ${shown}`,
    );
    if (config.smtpInPort !== undefined) {
      const smtp = await app.keel.mail.service.listen();
      console.log(`Mail in: SMTP on ${smtp.host}:${smtp.port}`);
    }
  } catch (err) {
    // Without this the process lingered after a failed start (pg-boss timers, the open store) and
    // kept the data folder locked.
    removeHandlers();
    await stop();
    throw err;
  }
}

export async function workerCommand(config: Config) {
  const store = await openConfiguredStore(config);
  let jobs: Awaited<ReturnType<typeof startWorker>> | null = null;
  const stop = async () => {
    await jobs?.stop().catch(() => {});
    await store.close().catch(() => {});
  };
  const removeHandlers = stopOnSignals(stop);
  try {
    jobs = await startWorker(store, config, (err) => console.error('job error:', err.message));
  } catch (err) {
    removeHandlers();
    await stop();
    throw err;
  }
  console.log(`Keel worker working jobs (${store.kind}).`);
}

export async function migrateCommand(config: Config) {
  await withStore(config, async (store) => console.log(`Migrations applied (${store.kind}).`));
}

export async function userCreateCommand(
  config: Config,
  o: { email: string; password: string; role: Role; name?: string; client?: string },
) {
  // The same rules as POST /api/v1/users, checked before the store is opened.
  const fields: FieldError[] = [];
  if (!Email.safeParse(o.email).success)
    fields.push({ field: '--email', message: 'is not an email address' });
  const password = Password.safeParse(o.password);
  if (!password.success)
    fields.push({ field: '--password', message: password.error.issues[0]?.message ?? 'is not allowed' });
  if (o.role === 'portal' && !o.client)
    fields.push({ field: '--client', message: 'is required for a portal user: the id of their client' });
  else if (o.client && !z.uuid().safeParse(o.client).success)
    fields.push({ field: '--client', message: 'is not a client id (a UUID)' });
  if (o.role !== 'portal' && o.client)
    fields.push({ field: '--client', message: 'is only for portal users; staff do not belong to a client' });
  if (fields.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `Cannot create the user: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      fields,
    );
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
