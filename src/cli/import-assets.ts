import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createModules } from '../app.js';
import type { ImportStatus } from '../modules/assets/index.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { openConfiguredStore } from './runtime.js';

const BAR = 30;
const SHOWN_ERRORS = 50;

const progressLine = (s: ImportStatus) => {
  const filled = s.total ? Math.round((s.done / s.total) * BAR) : BAR;
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${s.done}/${s.total} rows, ${s.failed} failed`;
};

/**
 * `keel import assets FILE --format csv`: the same checks and writing as POST /api/v1/assets/imports,
 * run here to the end with a progress line after each chunk. Exits 1 when any row was refused.
 */
export async function importAssetsCommand(
  config: Config,
  file: string,
  o: { format: string; dryRun?: boolean },
) {
  if (o.format !== 'csv')
    throw new AppError('VALIDATION_FAILED', `Assets import from --format csv only, not ${o.format}.`);
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `Cannot read ${file}: ${(err as Error).message}`);
  }
  const store = await openConfiguredStore(config);
  try {
    const { assets } = createModules(store, config);
    const dryRun = o.dryRun ?? false;
    console.log(`${dryRun ? 'Checking' : 'Importing'} assets from ${file} …`);
    const status = await assets.imports.start({ csv, filename: basename(file), dryRun }, null, {
      inline: true,
      onProgress: (s) => console.log(progressLine(s)),
    });
    if (dryRun || status.done === status.failed) console.log(progressLine(status));
    for (const e of status.errors.slice(0, SHOWN_ERRORS))
      console.log(`  row ${e.row ?? '-'}${e.field ? `, ${e.field}` : ''}: ${e.message}`);
    if (status.failed > SHOWN_ERRORS)
      console.log(`  … and ${status.failed - SHOWN_ERRORS} more rows refused`);
    const verb = dryRun ? 'would create' : 'created';
    const changed = dryRun ? 'would update' : 'updated';
    console.log(
      `${status.status === 'failed' ? 'Import stopped' : dryRun ? 'Checked' : 'Imported'}: ${status.total} rows — ` +
        `${status.created} ${verb}, ${status.updated} ${changed}, ${status.unchanged} unchanged, ${status.failed} refused.`,
    );
    if (status.failed > 0 || status.status === 'failed') process.exitCode = 1;
  } finally {
    await store.close();
  }
}
