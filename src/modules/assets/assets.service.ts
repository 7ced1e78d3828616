import { and, eq, gt, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  hostCandidates,
  lookupPairs,
  normalizeIdentity,
  pickHostMatch,
  pickIdentityMatch,
} from '../../domain/assets/identity.js';
import type { IdentityLabel, IdentityQuery } from '../../domain/assets/types.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { containsPattern, inScope, listByName } from '../../platform/db/query.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ListQuery, Page } from '../../platform/http/pagination.js';
import type { AssetsPorts } from './assets.ports.js';
import { type Asset, type AssetRef, type AssetRow, presentAsset } from './assets.presenters.js';
import {
  assertIdentitiesFree,
  assertLive,
  findAssetRow,
  identitiesOf,
  orAssetConflict,
  pairsIn,
  replaceIdentities,
  setIdentitiesArchived,
  syncManagedSpan,
} from './assets.rows.js';
import type {
  AssetListQuery,
  ClientAssetListQuery,
  CreateAssetInput,
  UpdateAssetInput,
} from './assets.schemas.js';
import { assetIdentities, assetManagedSpans, assets } from './assets.tables.js';

const sameLabels = (a: readonly IdentityLabel[], b: readonly IdentityLabel[]) =>
  JSON.stringify(a.map((l) => [l.key, l.value]).sort()) ===
  JSON.stringify(b.map((l) => [l.key, l.value]).sort());

export function createAssetsService(db: Db, ports: AssetsPorts) {
  async function present(tx: DbOrTx, rows: AssetRow[], scope?: AccessScope): Promise<Asset[]> {
    const identities = await identitiesOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentAsset(r, identities.get(r.id) ?? [], scope));
  }

  /** The client must be visible and live, the site one of its live sites, the owner one of its contacts. */
  async function checkReferences(
    scope: AccessScope,
    clientId: string,
    refs: { siteId?: string | null; ownerContactId?: string | null },
  ) {
    const client = await ports.client(scope, clientId);
    if (!client) throw notFound('CLIENT_NOT_FOUND', 'Client', clientId);
    if (client.archived)
      throw new AppError('CLIENT_ARCHIVED', `Client ${client.name} is archived: restore it first.`);
    if (refs.siteId) {
      const site = await ports.site(scope, refs.siteId);
      if (!site || site.clientId !== clientId || site.archived)
        throw new AppError('UNPROCESSABLE', `Site ${refs.siteId} is not a live site of this client.`, [
          { field: 'body.siteId', message: 'is not a site of this client' },
        ]);
    }
    if (refs.ownerContactId) {
      const contact = await ports.contact(scope, refs.ownerContactId);
      if (!contact || contact.clientId !== clientId || contact.archived)
        throw new AppError(
          'UNPROCESSABLE',
          `Contact ${refs.ownerContactId} is not a live contact of this client.`,
          [{ field: 'body.ownerContactId', message: 'is not a contact of this client' }],
        );
    }
  }

  async function listWhere(
    scope: AccessScope,
    query: ListQuery & { site_id?: string; type?: AssetRow['type']; managed?: boolean },
    where: (SQL | undefined)[],
  ): Promise<Page<Asset>> {
    const conditions = [...where, inScope(scope, assets.clientId)];
    if (query.site_id) conditions.push(eq(assets.siteId, query.site_id));
    if (query.type) conditions.push(eq(assets.type, query.type));
    if (query.managed !== undefined) conditions.push(eq(assets.managed, query.managed));
    if (query.q) {
      const p = containsPattern(query.q);
      conditions.push(
        or(
          ilike(assets.name, p),
          ilike(assets.hostname, p),
          ilike(assets.address, p),
          ilike(assets.serialNumber, p),
          ilike(assets.os, p),
          ilike(assets.manufacturer, p),
          ilike(assets.model, p),
        ),
      );
    }
    const page = await listByName(assets, query, conditions, (w, order, limit) =>
      db
        .select()
        .from(assets)
        .where(w)
        .orderBy(...order)
        .limit(limit),
    );
    return { ...page, items: await present(db, page.items, scope) };
  }

  async function toRef(id: string): Promise<AssetRef | null> {
    const [row] = await db
      .select({ id: assets.id, clientId: assets.clientId, siteId: assets.siteId, name: assets.name })
      .from(assets)
      .where(and(eq(assets.id, id), isNull(assets.archivedAt)));
    return row ?? null;
  }

  return {
    /** Assets across clients (a portal user's: their own client's only). */
    list(scope: AccessScope, query: AssetListQuery): Promise<Page<Asset>> {
      return listWhere(scope, query, [query.client_id ? eq(assets.clientId, query.client_id) : undefined]);
    },

    /** One client's assets; 404 when the client is not visible to the caller. */
    async listForClient(
      scope: AccessScope,
      clientId: string,
      query: Partial<ClientAssetListQuery> = {},
    ): Promise<Page<Asset>> {
      if (!(await ports.client(scope, clientId))) throw notFound('CLIENT_NOT_FOUND', 'Client', clientId);
      return listWhere(scope, { limit: 50, ...query }, [eq(assets.clientId, clientId)]);
    },

    async get(scope: AccessScope, id: string): Promise<Asset> {
      const row = await findAssetRow(db, scope, id);
      return (await present(db, [row], scope))[0]!;
    },

    async create(scope: AccessScope, input: CreateAssetInput): Promise<Asset> {
      await checkReferences(scope, input.clientId, input);
      const { identities, ...fields } = input;
      const labels = identities.map(normalizeIdentity);
      const work = db.transaction(async (tx) => {
        await assertIdentitiesFree(tx, labels, null);
        const [row] = await tx.insert(assets).values(fields).returning();
        await replaceIdentities(tx, row!, labels);
        await syncManagedSpan(tx, row!, row!.createdAt);
        await recordAudit(tx, {
          action: 'create',
          entityType: 'asset',
          entityId: row!.id,
          clientId: row!.clientId,
          changes: { name: row!.name, type: row!.type, managed: row!.managed, identities: labels },
        });
        return (await present(tx, [row!], scope))[0]!;
      });
      return orAssetConflict(work);
    },

    async update(scope: AccessScope, id: string, patch: UpdateAssetInput): Promise<Asset> {
      const current = await findAssetRow(db, scope, id);
      assertLive(current);
      await checkReferences(scope, current.clientId, patch);
      const { identities, ...fields } = patch;
      const labels = identities?.map(normalizeIdentity);
      const work = db.transaction(async (tx) => {
        const before = await findAssetRow(tx, scope, id, true);
        assertLive(before);
        const purchase = fields.purchaseDate !== undefined ? fields.purchaseDate : before.purchaseDate;
        const warranty = fields.warrantyEnd !== undefined ? fields.warrantyEnd : before.warrantyEnd;
        if (purchase && warranty && warranty < purchase)
          throw new AppError('UNPROCESSABLE', 'The warranty cannot end before the purchase date.', [
            { field: 'body.warrantyEnd', message: 'must not be before the purchase date' },
          ]);
        const now = new Date();
        const [after] = await tx
          .update(assets)
          .set({ ...fields, updatedAt: now })
          .where(eq(assets.id, id))
          .returning();
        const changes = diff(before, after!);
        if (labels) {
          const old = (await identitiesOf(tx, [id])).get(id) ?? [];
          if (!sameLabels(old, labels)) {
            await assertIdentitiesFree(tx, labels, id);
            await replaceIdentities(tx, after!, labels);
            changes.identities = [old, labels];
          }
        }
        await syncManagedSpan(tx, after!, now);
        await recordAudit(tx, {
          action: 'update',
          entityType: 'asset',
          entityId: id,
          clientId: after!.clientId,
          changes,
        });
        return (await present(tx, [after!], scope))[0]!;
      });
      return orAssetConflict(work);
    },

    /** Archive (soft delete) or restore; a restore fails with 409 when its identities or serial were taken meanwhile. */
    async setArchived(scope: AccessScope, id: string, archived: boolean): Promise<Asset> {
      const current = await findAssetRow(db, scope, id);
      if (!archived) await checkReferences(scope, current.clientId, {});
      const work = db.transaction(async (tx) => {
        const before = await findAssetRow(tx, scope, id, true);
        const now = new Date();
        const archivedAt = archived ? (before.archivedAt ?? now) : null;
        if (!archived && before.archivedAt)
          await assertIdentitiesFree(tx, (await identitiesOf(tx, [id])).get(id) ?? [], id);
        const [after] = await tx
          .update(assets)
          .set({ archivedAt, updatedAt: now })
          .where(eq(assets.id, id))
          .returning();
        await setIdentitiesArchived(tx, id, archivedAt);
        await syncManagedSpan(tx, after!, now);
        await recordAudit(tx, {
          action: archived ? 'archive' : 'restore',
          entityType: 'asset',
          entityId: id,
          clientId: after!.clientId,
          changes: diff(before, after!),
        });
        return (await present(tx, [after!], scope))[0]!;
      });
      return orAssetConflict(work);
    },

    /**
     * The live asset an alert is about, or null (the alert goes to triage): identity labels first,
     * the best-ranked pair deciding; then hostname, else IP/FQDN, equal without regard to case and
     * held by exactly one asset. `clientId` narrows the search to one client (an integration
     * dedicated to it).
     */
    async findByIdentity(
      identity: IdentityQuery,
      opts: { clientId?: string } = {},
    ): Promise<AssetRef | null> {
      const ofClient = (column: typeof assets.clientId | typeof assetIdentities.clientId) =>
        opts.clientId ? eq(column, opts.clientId) : undefined;
      const pairs = lookupPairs(identity);
      if (pairs.length > 0) {
        const holders = await db
          .select({
            key: assetIdentities.key,
            value: assetIdentities.value,
            assetId: assetIdentities.assetId,
          })
          .from(assetIdentities)
          .where(and(isNull(assetIdentities.archivedAt), pairsIn(pairs), ofClient(assetIdentities.clientId)));
        const assetId = pickIdentityMatch(pairs, holders);
        if (assetId) return toRef(assetId);
      }
      const hosts = hostCandidates(identity);
      if (hosts.length === 0) return null;
      const list = sql.join(
        hosts.map((h) => sql`${h}`),
        sql`, `,
      );
      const rows = await db
        .select({ id: assets.id, hostname: assets.hostname, address: assets.address })
        .from(assets)
        .where(
          and(
            isNull(assets.archivedAt),
            ofClient(assets.clientId),
            or(sql`lower(${assets.hostname}) in (${list})`, sql`lower(${assets.address}) in (${list})`),
          ),
        )
        .limit(20);
      const assetId = pickHostMatch(hosts, rows);
      return assetId ? toRef(assetId) : null;
    },

    /** Every live identity, for mapping rules built from assets (exact matches on one label each). */
    async listIdentities(): Promise<(IdentityLabel & { assetId: string; clientId: string })[]> {
      return db
        .select({
          assetId: assetIdentities.assetId,
          clientId: assetIdentities.clientId,
          key: assetIdentities.key,
          value: assetIdentities.value,
        })
        .from(assetIdentities)
        .where(isNull(assetIdentities.archivedAt));
    },

    /**
     * Managed devices of a client at an instant (default now): assets that were managed and live
     * then. Per-device billing snapshots this count on the invoice.
     */
    async countManaged(clientId: string, at: Date = new Date()): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(distinct ${assetManagedSpans.assetId})::int` })
        .from(assetManagedSpans)
        .where(
          and(
            eq(assetManagedSpans.clientId, clientId),
            lte(assetManagedSpans.startedAt, at),
            or(isNull(assetManagedSpans.endedAt), gt(assetManagedSpans.endedAt, at)),
          ),
        );
      return row?.n ?? 0;
    },
  };
}

export type AssetsService = ReturnType<typeof createAssetsService>;
