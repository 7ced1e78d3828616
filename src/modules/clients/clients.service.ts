import { asc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { containsPattern, inScope, listByName } from '../../platform/db/query.js';
import type { Db } from '../../platform/db/store.js';
import type { ListQuery, Page } from '../../platform/http/pagination.js';
import { presentClient } from './clients.presenters.js';
import {
  auditedWriter,
  type ClientRow,
  findClientRow,
  findLiveClientRow,
  orConflict,
} from './clients.rows.js';
import type { CreateClientInput, UpdateClientInput } from './clients.schemas.js';
import { clients } from './clients.tables.js';
import { createContactsService } from './contacts.service.js';
import { createSitesService } from './sites.service.js';

export type Client = ReturnType<typeof presentClient>;

const profileColumns = (p: UpdateClientInput['profile'] = {}) => ({
  ...(p.users !== undefined && { usersCount: p.users }),
  ...(p.endpoints !== undefined && { endpointsCount: p.endpoints }),
  ...(p.sites !== undefined && { sitesCount: p.sites }),
  ...(p.remoteUsers !== undefined && { remoteUsersCount: p.remoteUsers }),
  ...(p.criticality !== undefined && { criticality: p.criticality }),
});

export function createClientsService({ db }: { db: Db }) {
  const writeAudited = auditedWriter(db);

  const clientOps = {
    async clientExists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, id));
      return row !== undefined;
    },

    /** Every live client, id and name only: for portfolio-wide reports. Staff only. */
    async listLiveClients(): Promise<{ id: string; name: string }[]> {
      return db
        .select({ id: clients.id, name: clients.name })
        .from(clients)
        .where(isNull(clients.archivedAt))
        .orderBy(asc(clients.name));
    },

    async listClients(
      scope: AccessScope,
      query: ListQuery & { status?: ClientRow['status'] },
    ): Promise<Page<Client>> {
      const where: (SQL | undefined)[] = [inScope(scope, clients.id)];
      if (query.q) where.push(ilike(clients.name, containsPattern(query.q)));
      if (query.status) where.push(eq(clients.status, query.status));
      const page = await listByName(clients, query, where, (w, order, limit) =>
        db
          .select()
          .from(clients)
          .where(w)
          .orderBy(...order)
          .limit(limit),
      );
      return { ...page, items: page.items.map((row) => presentClient(row, scope)) };
    },

    async getClient(scope: AccessScope, id: string): Promise<Client> {
      return presentClient(await findClientRow(db, scope, id), scope);
    },

    async createClient(input: CreateClientInput): Promise<Client> {
      const { profile, ...fields } = input;
      const work = db.transaction(async (tx) => {
        const [row] = await tx
          .insert(clients)
          .values({ ...fields, ...profileColumns(profile) })
          .returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'client',
          entityId: row!.id,
          clientId: row!.id,
          changes: { name: row!.name },
        });
        return presentClient(row!);
      });
      return orConflict(work, `A client named "${input.name}" already exists.`);
    },

    async updateClient(scope: AccessScope, id: string, patch: UpdateClientInput): Promise<Client> {
      const { profile, ...fields } = patch;
      const work = writeAudited(
        'client',
        'update',
        (tx) => findLiveClientRow(tx, scope, id),
        async (tx) => {
          const [after] = await tx
            .update(clients)
            .set({ ...fields, ...profileColumns(profile), updatedAt: new Date() })
            .where(eq(clients.id, id))
            .returning();
          return after!;
        },
      );
      return presentClient(await orConflict(work, `A client named "${patch.name}" already exists.`));
    },

    async setClientArchived(scope: AccessScope, id: string, archived: boolean): Promise<Client> {
      const work = writeAudited(
        'client',
        archived ? 'archive' : 'restore',
        (tx) => findClientRow(tx, scope, id),
        async (tx, before) => {
          const [after] = await tx
            .update(clients)
            .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
            .where(eq(clients.id, id))
            .returning();
          return after!;
        },
      );
      return presentClient(
        await orConflict(work, 'An active client already has this name: rename one of them first.'),
      );
    },
  };

  return { ...clientOps, ...createSitesService(db), ...createContactsService(db) };
}

export type ClientsService = ReturnType<typeof createClientsService>;
