import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store, type StoreKind } from '../../src/platform/db/store.js';
import { withDatabase } from './global-setup.js';

/** Every database test runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const storeKinds: StoreKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestStore = Store & { drop(): Promise<void> };

/** A fresh, migrated database of its own: a clone of the run's template. */
export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const store = await openStore({ kind: 'pglite', loadDataDir: blob });
    return { ...store, drop: () => store.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is set but no PostgreSQL template was prepared');
  const name = `keel_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const store = await openStore({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
  return {
    ...store,
    async drop() {
      await store.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Cloning a template fails while anything else is connected to it; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(text);
        return;
      } catch (err) {
        if (attempt >= 20 || (err as { code?: string }).code !== '55006') throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await client.end();
  }
}
