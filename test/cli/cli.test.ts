import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildIfStale, keel, killAll, type Server, serve } from './spawn.js';

/**
 * The `keel` command end to end: the compiled CLI in child processes, each data folder (or
 * PostgreSQL database) fresh, the server on 127.0.0.1 and a free port.
 */

const KINDS = [
  'contract client',
  'single-service contract',
  'subscription client',
  'reseller customer',
  'break-fix client',
  'hybrid client',
  'prospect',
];
const DEMO_STAFF = [
  'sofia.lindqvist@northbeam-it.example',
  'tom.becker@northbeam-it.example',
  'priya.raman@northbeam-it.example',
  'marc.dupont@northbeam-it.example',
];
const PASSWORD = 'correct horse battery staple';

// A full demo seed (a year of time, invoices and alerts) takes one to two minutes on the embedded store.
const SEED_MS = 300_000;

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keel-cli-'));
  temps.push(dir);
  return dir;
};

beforeAll(() => buildIfStale(), 240_000);

afterAll(async () => {
  await killAll();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

type Client = { id: string; name: string; notes: string; profile: { users: number } };

/** What GET /api/v1/clients?limit=200 says about the demo: clients by the kind in their notes. */
async function demoClients(server: Server, token: string) {
  const res = await api(server, '/api/v1/clients?limit=200', { token });
  expect(res.status).toBe(200);
  expect(res.data.nextCursor).toBeNull();
  const clients = res.data.items as Client[];
  const byKind = new Map<string, Client[]>();
  for (const c of clients) {
    const kind = /^Demo: (.+?) — /.exec(c.notes)?.[1] ?? 'not demo';
    byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  return { clients, byKind };
}

/** GET /api/v1/classification/summary over the demo: every kind, every contract criterion failing somewhere. */
async function expectClassified(server: Server, token: string) {
  const res = await api(server, '/api/v1/classification/summary', { token });
  expect(res.status).toBe(200);
  const kinds = ['contract', 'single_service', 'subscription', 'reseller', 'hybrid', 'break_fix', 'prospect'];
  for (const kind of kinds) expect(res.data.byKind[kind].count, kind).toBeGreaterThanOrEqual(1);
  type Row = { failing: { code: string; message: string }[] };
  const failing = new Set(
    (res.data.clients as Row[]).flatMap((c) =>
      c.failing.filter((f) => f.message !== 'no agreement').map((f) => f.code),
    ),
  );
  expect([...failing].sort()).toEqual(
    [
      'SIGNED',
      'ACTIVE',
      'RECURRING_FEE',
      'MINIMUM_TERM',
      'SLA',
      'FULL_STACK',
      'MINIMUM_MRR',
      'WHOLE_ENVIRONMENT',
    ].sort(),
  );
}

function expectDemo(clients: Client[], byKind: Map<string, Client[]>) {
  expect(clients.length).toBeGreaterThanOrEqual(35);
  expect(clients.length).toBeLessThanOrEqual(45);
  expect(new Set(clients.map((c) => c.name.toLowerCase())).size).toBe(clients.length);
  expect([...byKind.keys()].sort()).toEqual([...KINDS].sort());
  const avg = (kind: string) =>
    byKind.get(kind)!.reduce((n, c) => n + c.profile.users, 0) / byKind.get(kind)!.length;
  expect(avg('contract client')).toBeGreaterThan(avg('break-fix client'));
  expect(avg('contract client')).toBeGreaterThan(avg('prospect'));
}

describe('keel on the embedded store', () => {
  const dataDir = tempDir();
  const env = { KEEL_DATA_DIR: dataDir };
  let token = '';

  it('migrate creates and migrates the data folder', async () => {
    const res = await keel(['migrate'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Migrations applied \(pglite\)/);
    expect(existsSync(join(dataDir, 'pg'))).toBe(true);
    expect(existsSync(join(dataDir, 'keel.lock'))).toBe(false);
  }, 60_000);

  it('user create makes a technician', async () => {
    const res = await keel(
      ['user', 'create', '--email', 'tech@msp.test', '--password', PASSWORD, '--role', 'technician'],
      env,
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Created technician tech@msp\.test \([0-9a-f-]{36}\)\./);
  }, 60_000);

  it('user create refuses a portal user without --client, a short password and a taken email', async () => {
    const portal = await keel(
      ['user', 'create', '--email', 'p@client.test', '--password', PASSWORD, '--role', 'portal'],
      env,
    );
    expect(portal.code).not.toBe(0);
    expect(portal.stderr).toMatch(/^keel: .*portal user/);
    expect(portal.stderr).toContain('--client');
    expect(portal.stdout).toBe('');

    const short = await keel(
      ['user', 'create', '--email', 'short@msp.test', '--password', 'x', '--role', 'technician'],
      env,
    );
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/--password must be at least 12 characters/);

    const again = await keel(
      ['user', 'create', '--email', 'TECH@msp.test', '--password', PASSWORD, '--role', 'manager'],
      env,
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);

    // None of them was created.
    const missing = await keel(['token', 'create', '--email', 'p@client.test'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No user with the email p@client\.test/);
  }, 90_000);

  it('token create prints a bearer token', async () => {
    const res = await keel(['token', 'create', '--email', 'tech@msp.test', '--name', 'cli test'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    token = res.stdout.trim();
    expect(token).toMatch(/^keel_[A-Za-z0-9_-]{40,}$/);
  }, 60_000);

  it(
    'seed --demo creates the demo MSP, and a second run adds nothing',
    async () => {
      const first = await keel(['seed', '--demo'], env, SEED_MS);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/\[ 1\/\d+\] /); // progress
      for (const kind of KINDS) expect(first.stdout).toContain(kind);
      expect(first.stdout).toMatch(/manager\s+sofia\.lindqvist@northbeam-it\.example\s+demo-manager-pass/);
      expect(first.stdout).toMatch(/portal\s+\S+@brightwater-dental\.example\s+demo-portal-pass/);

      let server = await serve({ ...env, KEEL_WORKER: 'false' });
      try {
        const me = await api(server, '/api/v1/me', { token });
        expect(me.status).toBe(200);
        expect(me.data.user.email).toBe('tech@msp.test');
        expect((await api(server, '/api/v1/me')).status).toBe(401);
        expect((await api(server, '/api/v1/me', { token: `${token}x` })).status).toBe(401);

        const seeded = await demoClients(server, token);
        expectDemo(seeded.clients, seeded.byKind);
        await expectClassified(server, token);
      } finally {
        expect(await server.stop()).toBe(0);
      }

      const second = await keel(['seed', '--demo'], env, SEED_MS);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/demo data already present/i);

      server = await serve({ ...env, KEEL_WORKER: 'false' });
      try {
        const again = await demoClients(server, token);
        expectDemo(again.clients, again.byKind);
        await expectClassified(server, token);
        const users = await api(server, '/api/v1/users', { token });
        expect(users.status).toBe(200);
        const emails = users.data.items.map((u: { email: string }) => u.email) as string[];
        for (const email of DEMO_STAFF) expect(emails.filter((e) => e === email)).toHaveLength(1);
        expect(emails.filter((e) => e.endsWith('@brightwater-dental.example'))).toHaveLength(1);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
    2 * SEED_MS + 120_000,
  );

  it('a command on a data folder that serve holds fails at once, naming the lock; serve carries on', async () => {
    const server = await serve(env);
    try {
      const res = await keel(['migrate'], env, 20_000);
      expect(res.code).not.toBe(0);
      expect(res.ms).toBeLessThan(5_000);
      expect(res.stderr).toMatch(/in use by process \d+ \(keel serve\)/);
      expect(res.stdout).toBe('');

      const health = await api(server, '/api/v1/health');
      expect(health.status).toBe(200);
      expect(health.data.store).toBe('pglite');
      expect((await api(server, '/api/v1/clients?limit=1', { token })).status).toBe(200);
      expect(existsSync(join(dataDir, 'keel.lock'))).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Stopped cleanly: the lock is gone and the folder is usable again.
    expect(existsSync(join(dataDir, 'keel.lock'))).toBe(false);
    const after = await keel(['migrate'], env);
    expect(after.code).toBe(0);
  }, 120_000);

  it('serve on a port already taken fails and exits instead of holding the data folder', async () => {
    const holder = await serve({ ...env, KEEL_WORKER: 'false' });
    const otherDir = tempDir();
    try {
      const port = new URL(holder.url).port;
      const res = await keel(['serve'], { KEEL_DATA_DIR: otherDir, PORT: port, HOST: '127.0.0.1' }, 60_000);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/EADDRINUSE/);
      // The admin was created before listening failed: its password must have been shown.
      expect(res.stdout).toMatch(/password: \S{12,}/);
      expect(existsSync(join(otherDir, 'keel.lock'))).toBe(false);
    } finally {
      await holder.stop();
    }
  }, 120_000);
});

describe('first start of serve', () => {
  it('creates an admin on an empty data folder and prints its sign-in once', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    let server = await serve(env);
    let password = '';
    try {
      const out = server.output();
      expect(out).toContain('First start: an admin was created.');
      expect(out).toMatch(/email:\s+admin@keel\.local/);
      password = /password:\s+(\S+)/.exec(out)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(12);
      const login = await api(server, '/api/v1/auth/login', {
        method: 'POST',
        body: { email: 'admin@keel.local', password },
      });
      expect(login.status).toBe(200);
      expect(login.data.user.role).toBe('admin');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    server = await serve(env);
    try {
      expect(server.output()).not.toContain('First start');
      expect(server.output()).not.toContain(password);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('honours KEEL_ADMIN_EMAIL and KEEL_ADMIN_PASSWORD and never prints the password', async () => {
    const password = 'a long admin passphrase';
    const server = await serve({
      KEEL_DATA_DIR: tempDir(),
      KEEL_WORKER: 'false',
      KEEL_ADMIN_EMAIL: 'owner@msp.test',
      KEEL_ADMIN_PASSWORD: password,
    });
    try {
      const out = server.output();
      expect(out).toContain('First start: an admin was created.');
      expect(out).toMatch(/email:\s+owner@msp\.test/);
      expect(out).toContain('(from KEEL_ADMIN_PASSWORD)');
      expect(out).not.toContain(password);
      const login = await api(server, '/api/v1/auth/login', {
        method: 'POST',
        body: { email: 'owner@msp.test', password },
      });
      expect(login.status).toBe(200);
      expect(login.data.user.role).toBe('admin');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('keel on PostgreSQL', () => {
  const database = `keel_cli_${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = {};

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`create database ${database}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    env.KEEL_DATA_DIR = tempDir(); // must stay unused
  });

  afterAll(async () => {
    await killAll();
    await admin(`drop database if exists ${database} with (force)`);
  });

  it(
    'migrate, user create, token create, seed --demo twice, then serve',
    async () => {
      const migrated = await keel(['migrate'], env);
      expect(migrated.stderr).toBe('');
      expect(migrated.stdout).toMatch(/Migrations applied \(postgres\)/);

      const created = await keel(
        ['user', 'create', '--email', 'tech@msp.test', '--password', PASSWORD, '--role', 'technician'],
        env,
      );
      expect(created.code).toBe(0);
      const portal = await keel(
        ['user', 'create', '--email', 'p@client.test', '--password', PASSWORD, '--role', 'portal'],
        env,
      );
      expect(portal.code).not.toBe(0);
      expect(portal.stderr).toContain('--client');

      const tokenRun = await keel(['token', 'create', '--email', 'tech@msp.test'], env);
      expect(tokenRun.code).toBe(0);
      const token = tokenRun.stdout.trim();

      const first = await keel(['seed', '--demo'], env, SEED_MS);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const second = await keel(['seed', '--demo'], env, SEED_MS);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/demo data already present/i);

      const server = await serve({ ...env, KEEL_WORKER: 'false' });
      try {
        expect(server.output()).toContain('on PostgreSQL');
        expect(server.output()).not.toContain('First start');
        const health = await api(server, '/api/v1/health');
        expect(health.data.store).toBe('postgres');
        const { clients, byKind } = await demoClients(server, token);
        expectDemo(clients, byKind);
        await expectClassified(server, token);
        // The portal user the demo made sees its one client only.
        const login = await api(server, '/api/v1/auth/login', {
          method: 'POST',
          body: {
            email: /portal\s+(\S+@\S+)\s+demo-portal-pass/.exec(first.stdout)![1],
            password: 'demo-portal-pass',
          },
        });
        expect(login.status).toBe(200);
        expect(login.data.user.role).toBe('portal');
      } finally {
        expect(await server.stop()).toBe(0);
      }
      expect(existsSync(join(env.KEEL_DATA_DIR!, 'pg'))).toBe(false);
    },
    2 * SEED_MS + 120_000,
  );
});
