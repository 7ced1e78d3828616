import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { identityKey, normalizeIdentity } from '../../domain/assets/identity.js';
import type { IdentityLabel } from '../../domain/assets/types.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { inScope } from '../../platform/db/query.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AssetRow } from './assets.presenters.js';
import { assetIdentities, assetManagedSpans, assets } from './assets.tables.js';

/** An asset in the caller's scope; another client's asset does not exist for a portal user. */
export async function findAssetRow(
  tx: DbOrTx,
  scope: AccessScope,
  id: string,
  forUpdate = false,
): Promise<AssetRow> {
  const q = tx
    .select()
    .from(assets)
    .where(and(eq(assets.id, id), inScope(scope, assets.clientId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('NOT_FOUND', 'Asset', id);
  return row;
}

/** An archived asset is read-only until restored. */
export function assertLive(row: AssetRow) {
  if (row.archivedAt) throw new AppError('CONFLICT', `Asset ${row.name} is archived: restore it first.`);
}

/** The identities of these assets, each list ordered by key then value. */
export async function identitiesOf(tx: DbOrTx, assetIds: readonly string[]) {
  const out = new Map<string, IdentityLabel[]>();
  if (assetIds.length === 0) return out;
  const rows = await tx
    .select({ assetId: assetIdentities.assetId, key: assetIdentities.key, value: assetIdentities.value })
    .from(assetIdentities)
    .where(inArray(assetIdentities.assetId, [...assetIds]))
    .orderBy(asc(assetIdentities.key), asc(assetIdentities.value));
  for (const r of rows) out.set(r.assetId, [...(out.get(r.assetId) ?? []), { key: r.key, value: r.value }]);
  return out;
}

/** `(key, lower(value)) in (…)` over identity rows. */
export const pairsIn = (labels: readonly IdentityLabel[]): SQL =>
  sql`(${assetIdentities.key}, lower(${assetIdentities.value})) in (${sql.join(
    labels.map((l) => sql`(${l.key}, ${l.value.toLowerCase()})`),
    sql`, `,
  )})`;

/** Live assets (other than `exceptAssetId`) that already hold any of these identities. */
export async function identityHolders(
  tx: DbOrTx,
  labels: readonly IdentityLabel[],
  exceptAssetId: string | null,
): Promise<(IdentityLabel & { assetId: string; assetName: string })[]> {
  if (labels.length === 0) return [];
  return tx
    .select({
      key: assetIdentities.key,
      value: assetIdentities.value,
      assetId: assetIdentities.assetId,
      assetName: assets.name,
    })
    .from(assetIdentities)
    .innerJoin(assets, eq(assets.id, assetIdentities.assetId))
    .where(
      and(
        isNull(assetIdentities.archivedAt),
        pairsIn(labels),
        exceptAssetId ? ne(assetIdentities.assetId, exceptAssetId) : undefined,
      ),
    );
}

/** 409 naming the asset that already answers to an identity: one identity never maps to two assets. */
export async function assertIdentitiesFree(
  tx: DbOrTx,
  labels: readonly IdentityLabel[],
  exceptAssetId: string | null,
) {
  const [held] = await identityHolders(tx, labels, exceptAssetId);
  if (!held) return;
  const index = labels.findIndex((l) => identityKey(l) === identityKey(held));
  throw new AppError(
    'ALREADY_EXISTS',
    `The identity ${held.key}=${held.value} already maps to asset ${held.assetName} (${held.assetId}).`,
    [{ field: `body.identities.${index}.value`, message: 'already maps to another live asset' }],
  );
}

/** Makes the asset's identities exactly `labels` (live while the asset is). */
export async function replaceIdentities(tx: DbOrTx, row: AssetRow, labels: readonly IdentityLabel[]) {
  await tx.delete(assetIdentities).where(eq(assetIdentities.assetId, row.id));
  if (labels.length === 0) return;
  await tx.insert(assetIdentities).values(
    labels.map(normalizeIdentity).map((l) => ({
      assetId: row.id,
      clientId: row.clientId,
      key: l.key,
      value: l.value,
      archivedAt: row.archivedAt,
    })),
  );
}

/** Archive or restore an asset's identities with it. */
export async function setIdentitiesArchived(tx: DbOrTx, assetId: string, archivedAt: Date | null) {
  await tx.update(assetIdentities).set({ archivedAt }).where(eq(assetIdentities.assetId, assetId));
}

/**
 * Keeps the asset's open managed span in step with it: open while it is managed and live, closed at
 * `now` otherwise. Called in the transaction of every write that can change either.
 */
export async function syncManagedSpan(tx: DbOrTx, row: AssetRow, now: Date) {
  const counts = row.managed && row.archivedAt === null;
  const [open] = await tx
    .select({ id: assetManagedSpans.id })
    .from(assetManagedSpans)
    .where(and(eq(assetManagedSpans.assetId, row.id), isNull(assetManagedSpans.endedAt)));
  if (counts && !open)
    await tx.insert(assetManagedSpans).values({ assetId: row.id, clientId: row.clientId, startedAt: now });
  else if (!counts && open)
    await tx.update(assetManagedSpans).set({ endedAt: now }).where(eq(assetManagedSpans.id, open.id));
}

function constraintOf(err: unknown): string | undefined {
  for (let e: any = err, depth = 0; e && depth < 4; e = e.cause, depth++)
    if (typeof e.constraint === 'string') return e.constraint;
  return undefined;
}

/** Unique violations become a 409 that says which rule was broken. */
export async function orAssetConflict<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const constraint = constraintOf(err);
    if (constraint === 'asset_identities_live_key')
      throw new AppError(
        'ALREADY_EXISTS',
        'A monitoring identity of this asset already maps to another live asset.',
        [{ field: 'body.identities', message: 'already maps to another live asset' }],
      );
    if (constraint === 'assets_client_serial_key')
      throw new AppError('ALREADY_EXISTS', 'This client already has a live asset with this serial number.', [
        { field: 'body.serialNumber', message: 'is already used by another live asset of this client' },
      ]);
    throw new AppError('ALREADY_EXISTS', 'An asset with these values already exists.');
  }
}
