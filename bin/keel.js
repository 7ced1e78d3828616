#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size: a smaller young generation keeps an idle server near 200 MB instead of
// 240 MB; the API's objects are small and short-lived, so the extra scavenges cost little.
// The `keel` command runs the compiled CLI; `npm install` builds it (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  console.error('keel: the server is not built yet. Run `npm install` (or `npm run build`) first.');
  process.exit(1);
}
await import(compiled.href);
