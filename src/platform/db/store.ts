import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { freshDataDirTemplate } from './pglite-template.js';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type StoreKind = 'pglite' | 'postgres';

/** Plain SQL for pg-boss and tools: parameterless text may hold several statements. */
export type SqlRunner = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

export type Store = {
  kind: StoreKind;
  db: Db;
  executeSql: SqlRunner;
  close(): Promise<void>;
  /** Only for PGlite: the live instance (templates, dumps). */
  pglite?: PGlite;
  /** Only for PostgreSQL: the connection string (migrations take their own connection). */
  url?: string;
};

export type OpenStoreOptions =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File; lock?: boolean; sharedBuffers?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  return opts.kind === 'pglite' ? openPglite(opts) : openPostgres(opts.url, opts.poolSize);
}

async function openPglite(opts: Extract<OpenStoreOptions, { kind: 'pglite' }>): Promise<Store> {
  let lock: DataDirLock | null = null;
  if (opts.dataDir && opts.lock !== false) lock = acquireDataDirLock(opts.dataDir);
  try {
    const dataDir = opts.dataDir ? join(opts.dataDir, 'pg') : undefined;
    const pglite = await PGlite.create({
      dataDir,
      loadDataDir: opts.loadDataDir ?? (dataDir ? freshDataDirTemplate(dataDir) : undefined),
      // PostgreSQL's default 128 MB buffer pool would sit in this process's memory; the operating
      // system's page cache still holds the data files, so a small pool costs little speed.
      postgresqlconf: [`shared_buffers = ${opts.sharedBuffers ?? '8MB'}`],
    });
    const executeSql: SqlRunner = async (text, values) => {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      // pg answers a multi-statement text with one result per statement; pg-boss only reads single ones.
      return results.length === 1
        ? results[0]!
        : ({ rows: results.flatMap((r) => r.rows) } as { rows: any[] });
    };
    return {
      kind: 'pglite',
      db: drizzlePglite(pglite) as unknown as Db,
      executeSql,
      pglite,
      async close() {
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function openPostgres(url: string, poolSize = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const client = await pool.connect(); // fail fast with a clear error when the server is down
  client.release();
  return {
    kind: 'postgres',
    db: drizzlePg(pool) as unknown as Db,
    executeSql: (text, values) => pool.query(text, values as unknown[]),
    url,
    close: () => pool.end(),
  };
}
