import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the compiled `keel` command as a user would (`node bin/keel.js …`), each child on its own
 * environment, and keeps track of every child so a test file can kill what is left at the end.
 */
export const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'keel.js');

const children = new Set<ChildProcess>();

/** Newest modification time under a folder (ms), ignoring tests. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(path));
    else if (!entry.name.endsWith('.test.ts')) max = Math.max(max, statSync(path).mtimeMs);
  }
  return max;
}

/** Compiles the server into dist/ when it is missing or older than src/ (once per test file). */
export function buildIfStale(): void {
  const main = join(root, 'dist', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(root, 'src'))) return;
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'pipe',
        timeout: 180_000,
      },
    );
  } catch (err) {
    // tsc still emits on type errors (someone else's work in progress); only a missing CLI is fatal.
    if (!existsSync(main)) throw err;
    const out = String((err as { stdout?: Buffer }).stdout ?? '').slice(0, 2000);
    console.warn(`tsc reported errors; testing the emitted dist/ anyway:\n${out}`);
  }
}

/** The environment of a child: nothing of ours leaks in (no DATABASE_URL, PORT or admin settings). */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot']) {
    if (process.env[name] !== undefined) base[name] = process.env[name];
  }
  return { ...base, KEEL_PASSWORD_COST: '10', LOG_LEVEL: 'warn', NO_COLOR: '1', ...env };
}

export type Result = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
};

/** Runs `keel <args>` to completion (killed after `timeoutMs`). */
export function keel(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Result> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: childEnv(env) });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`keel ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A TCP port nobody listens on right now (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type Server = {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
};

/** Starts `keel serve` on 127.0.0.1 and a free port, and waits until it says where it listens. */
export async function serve(env: Record<string, string>, timeoutMs = 60_000): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: root,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
  });
  children.add(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (out.includes(`at ${url}`)) {
          child.stdout.off('data', check);
          resolve(true);
        }
      };
      child.stdout.on('data', check);
      check();
    }),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`keel serve did not start on ${url}:\n${out}`);
  }
  return {
    url,
    child,
    output: () => out,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Kills every child still running and waits (briefly) for each to go. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(resolve, 5_000);
          child.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGKILL');
        }),
    ),
  );
  children.clear();
}

/** fetch against a test server, JSON in and out. */
export async function api(
  server: Server,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; data: any }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, data };
}
