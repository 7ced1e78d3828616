import type { Config } from '../platform/config.js';
import { migrate } from '../platform/db/migrate.js';
import { openStore, type Store } from '../platform/db/store.js';

/** Opens the configured store (PostgreSQL when DATABASE_URL is set, else PGlite in KEEL_DATA_DIR) and migrates it. */
export async function openConfiguredStore(config: Config, opts: { migrate?: boolean } = {}): Promise<Store> {
  const store = config.databaseUrl
    ? await openStore({ kind: 'postgres', url: config.databaseUrl })
    : await openStore({ kind: 'pglite', dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
