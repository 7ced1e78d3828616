// Run by `npm run build`: prepares the embedded database template a first start unpacks, with the
// app's migrations and pg-boss's own schema already in place.
import { migrate } from '../platform/db/migrate.js';
import { templateFile, writeTemplate } from '../platform/db/pglite-template.js';
import { openStore } from '../platform/db/store.js';
import { createJobs } from '../platform/jobs/jobs.js';

const started = Date.now();
const store = await openStore({ kind: 'pglite' });
await migrate(store);
const jobs = createJobs(store, (err) => {
  throw err;
});
await jobs.start({ work: false });
await jobs.stop();
await writeTemplate(
  await store.pglite!.dumpDataDir(process.env.KEEL_TEMPLATE_GZIP === 'true' ? 'gzip' : 'none'),
);
await store.close();
console.log(`Embedded database template written to ${templateFile} in ${Date.now() - started} ms.`);
