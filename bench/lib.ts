// Helpers shared by the benchmarks: child processes, polling, memory, temp folders, the table.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
const keelBin = join(root, 'bin/keel.js');
/** `node <flags> bin/keel.js`, with the node flags of the bin's shebang, as `keel` and `npm start` run it. */
export const keelArgs = (() => {
  const shebang = readFileSync(keelBin, 'utf8').split('\n', 1)[0]!;
  const flags = /\bnode\b(.*)$/.exec(shebang)?.[1]?.trim();
  return [...(flags ? flags.split(/\s+/) : []), keelBin];
})();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keel-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** Kills any child still running and removes the temp folders; also runs on exit and Ctrl-C. */
export function cleanup() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
process.on('exit', cleanup);
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

export type Env = Record<string, string | undefined>;

/** process.env with `extra` applied; an undefined value removes the variable (e.g. DATABASE_URL). */
function withEnv(extra: Env): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

export function spawnNode(args: string[], env: Env = {}): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: withEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err = (err + d).slice(-4000);
  });
  Object.defineProperty(child, 'stderrTail', { get: () => err });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM (the server shuts down cleanly), SIGKILL after 10 s. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` every 20 ms until it answers 200; returns ms since `since`. */
export async function waitHealthy(child: ChildProcess, url: string, since: number, timeoutMs = 60_000) {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`process exited (${child.exitCode ?? child.signalCode}): ${(child as any).stderrTail}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) / 1024;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Runs the keel CLI to completion and returns its stdout. */
export function keel(args: string[], env: Env): string {
  return execFileSync(process.execPath, [...keelArgs, ...args], {
    cwd: root,
    env: withEnv(env),
    encoding: 'utf8',
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/ when any server source is newer than the compiled CLI. */
export function ensureBuilt() {
  const main = join(root, 'dist/cli/main.js');
  let built = 0;
  try {
    built = statSync(main).mtimeMs;
  } catch {}
  if (built >= newestMtime(join(root, 'src'))) return;
  console.log('dist/ is stale: npm run build:server');
  try {
    execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  } catch (err) {
    // tsc still emits on type errors; go on if it produced the CLI.
    statSync(main);
    console.warn(
      `build:server reported errors (${(err as Error).message.split('\n')[0]}); using what it emitted`,
    );
  }
}

export type Row = { figure: string; value: number; unit: string; baseline: number; note?: string };

export function printTable(rows: Row[]) {
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
  const cells = rows.map((r) => [
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    `${fmt(r.baseline)} ${r.unit}`,
    `${(r.value / r.baseline).toFixed(2)}×`,
    r.note ?? '',
  ]);
  const head = ['figure', 'Keel', 'baseline', 'ratio', 'baseline is / target'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === 1 || i === 2 || i === 3 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
      .join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c).trimEnd());
}
