import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));
export const webDist = join(webRoot, 'dist');
const builtIndex = join(webDist, 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

// The app imports the server's pure rules (src/domain) to show them as they are typed.
const sources = () =>
  ['index.html', 'vite.config.ts', 'tsconfig.json', 'src', '../src/domain']
    .map((name) => join(webRoot, name))
    .filter((path) => existsSync(path));

/** Builds web/dist with Vite when it is missing or older than the web sources; throws if it cannot. */
export async function ensureWebBuild(): Promise<string> {
  const stale =
    !existsSync(builtIndex) || statSync(builtIndex).mtimeMs < Math.max(...sources().map(newestMtime));
  if (stale) {
    // Vitest runs with NODE_ENV=test; the app must be built as it ships, with production React.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(webRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = previous;
    }
  }
  if (!existsSync(builtIndex)) throw new Error(`The web app did not build: ${builtIndex} is missing.`);
  return webDist;
}
