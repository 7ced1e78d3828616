import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../paths.js';

/**
 * A new PGlite data folder costs ~4 s of initdb. `npm install` prepares one migrated data folder
 * as a tarball (uncompressed: it unpacks faster); the first start unpacks it (~1 s) and then migrates on as usual, so a
 * stale template only means more migrations to apply, never a wrong schema.
 */
export const templateFile = join(paths.root, 'dist', 'pglite-template.tar');

/** The template to unpack into `dataDir`, or undefined when the folder is already a database. */
export function freshDataDirTemplate(dataDir: string): Blob | undefined {
  if (existsSync(join(dataDir, 'PG_VERSION')) || !existsSync(templateFile)) return undefined;
  return new Blob([readFileSync(templateFile)]);
}

export async function writeTemplate(dump: Blob): Promise<void> {
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
}
