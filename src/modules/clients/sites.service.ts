import { eq, ilike, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { containsPattern, listByName } from '../../platform/db/query.js';
import type { Db } from '../../platform/db/store.js';
import type { ListQuery, Page } from '../../platform/http/pagination.js';
import { presentSite } from './clients.presenters.js';
import { auditedWriter, findClientRow, findLiveClientRow, findSiteRow, orConflict } from './clients.rows.js';
import type { CreateSiteInput, UpdateSiteInput } from './clients.schemas.js';
import { contacts, sites } from './clients.tables.js';

export type Site = ReturnType<typeof presentSite>;

export function createSitesService(db: Db) {
  const writeAudited = auditedWriter(db);

  return {
    async listSites(scope: AccessScope, clientId: string, query: ListQuery): Promise<Page<Site>> {
      await findClientRow(db, scope, clientId);
      const where: (SQL | undefined)[] = [eq(sites.clientId, clientId)];
      if (query.q) where.push(ilike(sites.name, containsPattern(query.q)));
      const page = await listByName(sites, query, where, (w, order, limit) =>
        db
          .select()
          .from(sites)
          .where(w)
          .orderBy(...order)
          .limit(limit),
      );
      return { ...page, items: page.items.map((row) => presentSite(row, scope)) };
    },

    async getSite(scope: AccessScope, id: string): Promise<Site> {
      return presentSite(await findSiteRow(db, scope, id), scope);
    },

    async createSite(scope: AccessScope, clientId: string, input: CreateSiteInput): Promise<Site> {
      const work = db.transaction(async (tx) => {
        await findLiveClientRow(tx, scope, clientId);
        const [row] = await tx
          .insert(sites)
          .values({ ...input, clientId })
          .returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'site',
          entityId: row!.id,
          clientId,
          changes: { name: row!.name },
        });
        return presentSite(row!);
      });
      return orConflict(work, `This client already has a site named "${input.name}".`);
    },

    async updateSite(scope: AccessScope, id: string, patch: UpdateSiteInput): Promise<Site> {
      const work = writeAudited(
        'site',
        'update',
        async (tx) => {
          const site = await findSiteRow(tx, scope, id);
          await findLiveClientRow(tx, scope, site.clientId);
          return site;
        },
        async (tx) => {
          const [after] = await tx
            .update(sites)
            .set({ ...patch, updatedAt: new Date() })
            .where(eq(sites.id, id))
            .returning();
          return after!;
        },
      );
      return presentSite(await orConflict(work, `This client already has a site named "${patch.name}".`));
    },

    async setSiteArchived(scope: AccessScope, id: string, archived: boolean): Promise<Site> {
      const work = writeAudited(
        'site',
        archived ? 'archive' : 'restore',
        async (tx) => {
          const site = await findSiteRow(tx, scope, id);
          if (!archived) await findLiveClientRow(tx, scope, site.clientId);
          return site;
        },
        async (tx, before) => {
          // Contacts at a site that goes away stay with the client, without a site.
          if (archived) {
            await tx
              .update(contacts)
              .set({ siteId: null, updatedAt: new Date() })
              .where(eq(contacts.siteId, id));
          }
          const [after] = await tx
            .update(sites)
            .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
            .where(eq(sites.id, id))
            .returning();
          return after!;
        },
      );
      return presentSite(
        await orConflict(work, 'A live site of this client already has this name: rename one first.'),
      );
    },
  };
}
