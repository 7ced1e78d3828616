import { CsvError, parse } from 'csv-parse/sync';
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { identityKey } from '../../domain/assets/identity.js';
import { mapHeader, sniffDelimiter } from '../../domain/assets/import-columns.js';
import {
  type ExistingAsset,
  matchExisting,
  type PlannedRow,
  planImport,
} from '../../domain/assets/import-plan.js';
import {
  type Directory,
  type ParsedRow,
  parseRow,
  pickClient,
  type ResolvedRow,
  type RowError,
  resolveRow,
} from '../../domain/assets/import-rows.js';
import type { IdentityLabel } from '../../domain/assets/types.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import { staffScope } from '../../platform/auth/principal.js';
import { sqlState } from '../../platform/db/errors.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { AssetsPorts } from './assets.ports.js';
import type { AssetRow } from './assets.presenters.js';
import { identitiesOf, identityHolders, replaceIdentities, syncManagedSpan } from './assets.rows.js';
import { assetImportRows, assetImports, assets, type ImportRowError } from './assets.tables.js';

export const IMPORT_QUEUE = 'assets-import';
/** Rows written per transaction: progress moves at least this often, and a failure loses at most one chunk. */
const CHUNK = 50;
/**
 * Lets other work run between chunks: the embedded store answers in the same thread, so a long
 * import would otherwise hold every request of this process until it ends.
 */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
export const MAX_IMPORT_ROWS = 50_000;
/** Errors kept on an import; `failed` still counts every rejected row. */
const MAX_STORED_ERRORS = 1_000;

type ImportRecord = typeof assetImports.$inferSelect;

export const presentImport = (r: ImportRecord) => ({
  id: r.id,
  status: r.status,
  dryRun: r.dryRun,
  filename: r.filename,
  total: r.total,
  done: r.done,
  failed: r.failed,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  errors: r.errors,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  finishedAt: r.finishedAt,
});
export type ImportStatus = ReturnType<typeof presentImport>;

export type ImportInput = { csv: string; filename: string | null; dryRun: boolean };
export type ImportOptions = {
  /** Write the rows before returning (the CLI), reporting after each chunk. */
  inline?: boolean;
  onProgress?: (status: ImportStatus) => void;
};

type FileRecord = { row: number; cells: string[] };

/** The header and the data records, numbered as a spreadsheet shows them (header = row 1). */
function readCsv(csv: string): { header: string[]; records: FileRecord[] } {
  const text = csv.replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? ''),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError)
      throw new AppError('UNPROCESSABLE', `The file is not valid CSV: ${err.message}`, [
        { field: 'file', message: err.message },
      ]);
    throw err;
  }
  const [header, ...data] = rows;
  const records = data
    .map((cells, i) => ({ row: i + 2, cells }))
    // Blank lines and rows of empty cells (a spreadsheet's trailing ",,,") are not assets.
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header: header ?? [], records };
}

const lowerIn = (column: PgColumn, values: string[]): SQL | undefined =>
  values.length
    ? sql`lower(${column}) in (${sql.join(
        values.map((v) => sql`${v.toLowerCase()}`),
        sql`, `,
      )})`
    : undefined;

/** Live assets of these clients that rows could match (by serial, hostname or name). */
async function candidates(tx: DbOrTx, rows: readonly Pick<ResolvedRow, 'clientId' | 'values'>[]) {
  const clientIds = [...new Set(rows.map((r) => r.clientId))];
  if (clientIds.length === 0) return [];
  const texts = (pick: (r: (typeof rows)[number]) => string | null | undefined) => [
    ...new Set(rows.map(pick).filter((v): v is string => typeof v === 'string' && v !== '')),
  ];
  const keys = [
    lowerIn(
      assets.serialNumber,
      texts((r) => r.values.serialNumber),
    ),
    lowerIn(
      assets.hostname,
      texts((r) => r.values.hostname),
    ),
    lowerIn(
      assets.name,
      texts((r) => r.values.name),
    ),
  ].filter((k): k is SQL => k !== undefined);
  if (keys.length === 0) return [];
  return tx
    .select({
      id: assets.id,
      clientId: assets.clientId,
      name: assets.name,
      serialNumber: assets.serialNumber,
      hostname: assets.hostname,
    })
    .from(assets)
    .where(and(isNull(assets.archivedAt), inArray(assets.clientId, clientIds), or(...keys)));
}

const allIdentities = (rows: readonly { values: { identities?: IdentityLabel[] } }[]) => {
  const seen = new Map<string, IdentityLabel>();
  for (const r of rows) for (const l of r.values.identities ?? []) seen.set(identityKey(l), l);
  return [...seen.values()];
};

/** Why the database refused a row, in words: the constraints an import row can break. */
function refusal(err: unknown): string | null {
  const state = sqlState(err);
  let constraint: string | undefined;
  for (let e: any = err, d = 0; e && d < 4; e = e.cause, d++)
    if (typeof e.constraint === 'string') constraint = e.constraint;
  if (state === '23505' && constraint === 'asset_identities_live_key')
    return 'a monitoring identity of this row now maps to another live asset';
  if (state === '23505' && constraint === 'assets_client_serial_key')
    return 'another live asset of this client now has this serial number';
  if (state === '23505') return 'an asset with these values already exists';
  if (state === '23514') return 'the warranty would end before the purchase date';
  return null;
}

type RowOutcome = 'created' | 'updated' | 'unchanged' | { error: string; field: string | null };

export function createAssetImports(db: Db, ports: AssetsPorts, log: (err: unknown) => void = () => {}) {
  let jobs: Jobs | null = null;

  async function directoryFor(parsed: readonly ParsedRow[]): Promise<Directory> {
    const clients = await ports.liveClients();
    const used = new Set(
      parsed.map((p) => pickClient(clients, p.clientRef)?.id).filter((id): id is string => !!id),
    );
    const needSites = parsed.some((p) => p.siteRef);
    const needContacts = parsed.some((p) => p.ownerRef);
    const sites = new Map<string, { id: string; name: string }[]>();
    const contacts = new Map<string, { id: string; name: string; email: string | null }[]>();
    for (const id of used) {
      if (needSites) sites.set(id, await ports.liveSites(id));
      if (needContacts) contacts.set(id, await ports.liveContacts(id));
    }
    return { clients, sitesOf: (id) => sites.get(id) ?? [], contactsOf: (id) => contacts.get(id) ?? [] };
  }

  /** One planned row, in a savepoint of the chunk's transaction: a refused row does not undo the others. */
  async function writeRow(tx: DbOrTx, row: PlannedRow, existing: ExistingAsset[]): Promise<RowOutcome> {
    const match = matchExisting(row, existing);
    if (match.kind === 'ambiguous') return { error: match.message, field: 'hostname' };
    const { identities, ...values } = row.values;
    try {
      return await tx.transaction(async (sp) => {
        const now = new Date();
        if (match.kind === 'create') {
          const [created] = await sp
            .insert(assets)
            .values({
              ...values,
              clientId: row.clientId,
              type: values.type!,
              name: values.name ?? values.hostname!,
              siteId: row.siteId ?? null,
              ownerContactId: row.ownerContactId ?? null,
            })
            .returning();
          await replaceIdentities(sp, created!, identities ?? []);
          await syncManagedSpan(sp, created!, now);
          await recordAudit(sp, {
            action: 'create',
            entityType: 'asset',
            entityId: created!.id,
            clientId: row.clientId,
            changes: { name: created!.name, type: created!.type, managed: created!.managed, import: row.row },
          });
          existing.push(created!);
          return 'created' as const;
        }
        const [before] = await sp.select().from(assets).where(eq(assets.id, match.assetId)).for('update');
        const patch: Partial<AssetRow> = {
          ...values,
          ...(row.siteId !== undefined && { siteId: row.siteId }),
          ...(row.ownerContactId !== undefined && { ownerContactId: row.ownerContactId }),
        };
        const changes = diff(before!, patch);
        if (identities) {
          const old = (await identitiesOf(sp, [before!.id])).get(before!.id) ?? [];
          const key = (ls: IdentityLabel[]) => ls.map(identityKey).sort().join('\n');
          if (key(old) !== key(identities)) {
            await replaceIdentities(sp, before!, identities);
            changes.identities = [old, identities];
          }
        }
        if (Object.keys(changes).length === 0) return 'unchanged' as const;
        const [after] = await sp
          .update(assets)
          .set({ ...patch, updatedAt: now })
          .where(eq(assets.id, before!.id))
          .returning();
        await syncManagedSpan(sp, after!, now);
        await recordAudit(sp, {
          action: 'update',
          entityType: 'asset',
          entityId: after!.id,
          clientId: after!.clientId,
          changes: { ...changes, import: row.row },
        });
        return 'updated' as const;
      });
    } catch (err) {
      const why = refusal(err);
      if (why === null) throw err;
      return { error: why, field: null };
    }
  }

  /** Writes the next chunk; null when the import is finished (or gone). */
  async function writeChunk(id: string, liveClients: ReadonlySet<string>): Promise<ImportRecord | null> {
    return db.transaction(async (tx) => {
      const [imp] = await tx.select().from(assetImports).where(eq(assetImports.id, id)).for('update');
      if (!imp || imp.status === 'completed' || imp.status === 'failed') return null;
      const pending = await tx
        .select()
        .from(assetImportRows)
        .where(and(eq(assetImportRows.importId, id), gte(assetImportRows.row, imp.nextRow)))
        .orderBy(asc(assetImportRows.row))
        .limit(CHUNK);
      const now = new Date();
      if (pending.length === 0) {
        const [finished] = await tx
          .update(assetImports)
          .set({ status: 'completed', finishedAt: now, updatedAt: now })
          .where(eq(assetImports.id, id))
          .returning();
        return finished!;
      }
      const rows = pending.map((p) => p.data as PlannedRow);
      const existing: ExistingAsset[] = await candidates(tx, rows);
      const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
      const errors: ImportRowError[] = [];
      for (const row of rows) {
        const outcome = liveClients.has(row.clientId)
          ? await writeRow(tx, row, existing)
          : { error: 'the client was archived before this row was written', field: 'client' };
        if (typeof outcome === 'string') counts[outcome]++;
        else {
          counts.failed++;
          errors.push({ row: row.row, field: outcome.field, message: outcome.error });
        }
      }
      const last = rows.at(-1)!.row;
      await tx
        .delete(assetImportRows)
        .where(and(eq(assetImportRows.importId, id), lt(assetImportRows.row, last + 1)));
      const [after] = await tx
        .update(assetImports)
        .set({
          status: 'running',
          done: imp.done + rows.length,
          failed: imp.failed + counts.failed,
          created: imp.created + counts.created,
          updated: imp.updated + counts.updated,
          unchanged: imp.unchanged + counts.unchanged,
          errors: [...imp.errors, ...errors].slice(0, MAX_STORED_ERRORS),
          nextRow: last + 1,
          updatedAt: now,
        })
        .where(eq(assetImports.id, id))
        .returning();
      return after!;
    });
  }

  async function markFailed(id: string, err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    await db
      .update(assetImports)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        updatedAt: new Date(),
        errors: sql`${assetImports.errors} || ${JSON.stringify([{ row: null, field: null, message: `The import stopped: ${message}` }])}::jsonb`,
      })
      .where(eq(assetImports.id, id));
  }

  /**
   * The clients of an import's pending rows that are still live. Asked before writing, outside any
   * transaction: the clients service has its own (and the embedded store one connection).
   */
  async function liveClientsOf(id: string): Promise<Set<string>> {
    const rows = await db
      .selectDistinct({ clientId: sql<string>`${assetImportRows.data}->>'clientId'` })
      .from(assetImportRows)
      .where(eq(assetImportRows.importId, id));
    const live = new Set<string>();
    for (const { clientId } of rows) {
      const client = await ports.client(staffScope, clientId);
      if (client && !client.archived) live.add(clientId);
    }
    return live;
  }

  /** Writes an import's rows chunk by chunk until none is left; an unexpected error fails it. */
  async function run(id: string, onProgress?: (status: ImportStatus) => void) {
    try {
      const liveClients = await liveClientsOf(id);
      let reported = -1;
      for (;;) {
        const step = await writeChunk(id, liveClients);
        if (!step) return;
        if (step.done !== reported) onProgress?.(presentImport(step));
        reported = step.done;
        if (step.status === 'completed') return;
        await yieldToOthers();
      }
    } catch (err) {
      log(err);
      await markFailed(id, err).catch(log);
    }
  }

  async function get(id: string): Promise<ImportRecord> {
    const [row] = await db.select().from(assetImports).where(eq(assetImports.id, id));
    if (!row) throw notFound('NOT_FOUND', 'Asset import', id);
    return row;
  }

  return {
    /** Imports are written by the job queue when this process has one, else in the background here. */
    useJobs(queue: Jobs) {
      jobs = queue;
      queue.define<{ importId: string }>(IMPORT_QUEUE, ({ importId }) => run(importId), {
        batchSize: 1,
        pollingIntervalSeconds: 0.5,
      });
    },

    /**
     * Reads and checks the whole file, records the import with its errors, and (unless a dry run)
     * queues its valid rows to be written. A file that cannot be read at all (not CSV, unknown or
     * missing columns, no rows, too many) is refused whole and nothing is recorded.
     */
    async start(input: ImportInput, actorId: string | null, opts: ImportOptions = {}): Promise<ImportStatus> {
      const { header, records } = readCsv(input.csv);
      const map = mapHeader(header);
      if (map.errors.length > 0)
        throw new AppError(
          'UNPROCESSABLE',
          `The header row cannot be imported: ${map.errors.join('; ')}.`,
          map.errors.map((message) => ({ field: 'file.header', message })),
        );
      if (records.length === 0)
        throw new AppError('UNPROCESSABLE', 'The file has no asset rows under its header.', [
          { field: 'file', message: 'has no rows' },
        ]);
      if (records.length > MAX_IMPORT_ROWS)
        throw new AppError(
          'UNPROCESSABLE',
          `The file has ${records.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`,
          [{ field: 'file', message: 'has too many rows' }],
        );

      const errors: RowError[] = [];
      const parsed: ParsedRow[] = [];
      for (const r of records) {
        const p = parseRow(r.cells, map.columns, r.row);
        if (p.ok) parsed.push(p.row);
        else errors.push(...p.errors);
      }
      const directory = await directoryFor(parsed);
      const resolved: ResolvedRow[] = [];
      for (const p of parsed) {
        const r = resolveRow(p, directory);
        if (r.ok) resolved.push(r.row);
        else errors.push(...r.errors);
      }
      const holders = await identityHolders(db, allIdentities(resolved), null);
      const plan = planImport(resolved, await candidates(db, resolved), holders);
      errors.push(...plan.errors);
      errors.sort((a, b) => a.row - b.row);
      const failed = new Set(errors.map((e) => e.row)).size;
      const finished = input.dryRun || plan.planned.length === 0;
      const now = new Date();

      const record = await db.transaction(async (tx) => {
        const [imp] = await tx
          .insert(assetImports)
          .values({
            status: finished ? 'completed' : 'queued',
            dryRun: input.dryRun,
            filename: input.filename,
            total: records.length,
            done: finished ? records.length : failed,
            failed,
            // A dry run says what the import would do.
            created: input.dryRun ? plan.planned.filter((p) => p.action === 'create').length : 0,
            updated: input.dryRun ? plan.planned.filter((p) => p.action === 'update').length : 0,
            errors: errors.slice(0, MAX_STORED_ERRORS),
            nextRow: 0,
            createdBy: actorId,
            finishedAt: finished ? now : null,
          })
          .returning();
        if (!input.dryRun)
          for (let i = 0; i < plan.planned.length; i += 500)
            await tx
              .insert(assetImportRows)
              .values(
                plan.planned.slice(i, i + 500).map((p) => ({ importId: imp!.id, row: p.row, data: p })),
              );
        await recordAudit(tx, {
          action: input.dryRun ? 'check-import' : 'import',
          entityType: 'asset_import',
          entityId: imp!.id,
          changes: { filename: input.filename, total: records.length, failed, dryRun: input.dryRun },
        });
        return imp!;
      });

      if (finished) return presentImport(record);
      if (opts.inline) {
        await run(record.id, opts.onProgress);
        return presentImport(await get(record.id));
      }
      const queued = jobs ? await jobs.send(IMPORT_QUEUE, { importId: record.id }).catch(() => null) : null;
      // No queue in this process (tests, or pg-boss still starting): write it here, in the background.
      if (!queued) void run(record.id);
      return presentImport(record);
    },

    async status(id: string): Promise<ImportStatus> {
      return presentImport(await get(id));
    },

    /** The latest imports, newest first. */
    async recent(limit = 20): Promise<ImportStatus[]> {
      const rows = await db.select().from(assetImports).orderBy(desc(assetImports.createdAt)).limit(limit);
      return rows.map(presentImport);
    },
  };
}

export type AssetImports = ReturnType<typeof createAssetImports>;
