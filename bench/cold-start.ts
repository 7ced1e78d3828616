// Cold start to the first healthy answer, and idle memory, of `keel serve` on the embedded store.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, keelArgs, median, rssMb, sleep, spawnNode, stop, tempDir, waitHealthy } from './lib.js';

const RUNS = 3;
const IDLE_MS = 3000;
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(+process.env.PORT, '127.0.0.1')`;

type Sample = { ms: number; rssMb: number | null };

/** One retry when a start fails, e.g. a child killed from outside on a shared machine. */
async function startOnce(...args: Parameters<typeof startTimed>): Promise<Sample> {
  try {
    return await startTimed(...args);
  } catch (err) {
    console.warn(`  start failed, retrying once: ${(err as Error).message.split('\n')[0]}`);
    return startTimed(...args);
  }
}

/** Starts a process, times it to its first 200 on `path`, optionally reads its RSS after IDLE_MS. */
async function startTimed(
  args: string[],
  env: Record<string, string | undefined>,
  path: string,
  idle: boolean,
) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnNode(args, { ...env, PORT: String(port) });
  try {
    const ms = await waitHealthy(child, `http://127.0.0.1:${port}${path}`, t0);
    let rss: number | null = null;
    if (idle) {
      await sleep(IDLE_MS);
      rss = rssMb(child.pid!);
    }
    return { ms, rssMb: rss } satisfies Sample;
  } finally {
    await stop(child);
  }
}

export async function coldStart() {
  const bare: Sample[] = [];
  const first: Sample[] = [];
  const restart: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await startOnce(['-e', BARE_SERVER], {}, '/', true));
    const dataDir = join(tempDir('cold'), 'data');
    mkdirSync(dataDir);
    // The embedded store, whatever the caller's environment says; default log level and worker.
    const env = {
      KEEL_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      DATABASE_URL: undefined,
      KEEL_WORKER: undefined,
    };
    first.push(await startOnce([...keelArgs, 'serve'], env, '/api/v1/health', false));
    restart.push(await startOnce([...keelArgs, 'serve'], env, '/api/v1/health', true));
    console.log(
      `  run ${i + 1}: bare ${bare[i]!.ms.toFixed(0)} ms, first start ${first[i]!.ms.toFixed(0)} ms, ` +
        `restart ${restart[i]!.ms.toFixed(0)} ms, idle RSS ${restart[i]!.rssMb!.toFixed(0)} MB`,
    );
  }
  const med = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k] as number));
  return {
    runs: { bare, first, restart },
    bareMs: med(bare, 'ms'),
    firstStartMs: med(first, 'ms'),
    restartMs: med(restart, 'ms'),
    bareRssMb: med(bare, 'rssMb'),
    idleRssMb: med(restart, 'rssMb'),
  };
}
