import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { containsPattern, inScope, listByName } from '../../platform/db/query.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ListQuery, Page } from '../../platform/http/pagination.js';
import { presentClient, presentContact, presentSite } from './clients.presenters.js';
import type {
  CreateClientInput,
  CreateContactInput,
  CreateSiteInput,
  UpdateClientInput,
  UpdateContactInput,
  UpdateSiteInput,
} from './clients.schemas.js';
import { clients, contacts, sites } from './clients.tables.js';

export type ClientRow = typeof clients.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type Client = ReturnType<typeof presentClient>;
export type Site = ReturnType<typeof presentSite>;
export type Contact = ReturnType<typeof presentContact>;

const profileColumns = (p: UpdateClientInput['profile'] = {}) => ({
  ...(p.users !== undefined && { usersCount: p.users }),
  ...(p.endpoints !== undefined && { endpointsCount: p.endpoints }),
  ...(p.sites !== undefined && { sitesCount: p.sites }),
  ...(p.remoteUsers !== undefined && { remoteUsersCount: p.remoteUsers }),
  ...(p.criticality !== undefined && { criticality: p.criticality }),
});

function conflict(err: unknown, message: string): never {
  if (isUniqueViolation(err)) throw new AppError('ALREADY_EXISTS', message);
  throw err;
}

export function createClientsService({ db }: { db: Db }) {
  async function findClientRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<ClientRow> {
    const [row] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.id, id), inScope(scope, clients.id)));
    if (!row) throw notFound('CLIENT_NOT_FOUND', 'Client', id);
    return row;
  }

  async function findSiteRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<SiteRow> {
    const [row] = await tx
      .select()
      .from(sites)
      .where(and(eq(sites.id, id), inScope(scope, sites.clientId)));
    if (!row) throw notFound('SITE_NOT_FOUND', 'Site', id);
    return row;
  }

  async function findContactRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<ContactRow> {
    const [row] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, id), inScope(scope, contacts.clientId)));
    if (!row) throw notFound('CONTACT_NOT_FOUND', 'Contact', id);
    return row;
  }

  /** A contact's site must be one of its own client's live sites. */
  async function checkSite(tx: DbOrTx, clientId: string, siteId: string | null | undefined) {
    if (!siteId) return;
    const [row] = await tx
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.id, siteId), eq(sites.clientId, clientId), sql`${sites.archivedAt} is null`));
    if (!row) {
      throw new AppError('UNPROCESSABLE', `Site ${siteId} is not a site of this client.`, [
        { field: 'body.siteId', message: 'is not a site of this client' },
      ]);
    }
  }

  /** Updates a row and records what changed; archiving is the same path with archivedAt set. */
  async function writeAudited<Row extends { id: string; clientId?: string; updatedAt: Date }>(
    entityType: string,
    action: string,
    load: (tx: DbOrTx) => Promise<Row>,
    update: (tx: DbOrTx, before: Row) => Promise<Row>,
  ): Promise<Row> {
    return db.transaction(async (tx) => {
      const before = await load(tx);
      const after = await update(tx, before);
      const clientId = (after.clientId ?? after.id) as string;
      await recordAudit(tx, {
        action,
        entityType,
        entityId: after.id,
        clientId,
        changes: diff(before, after),
      });
      return after;
    });
  }

  return {
    async clientExists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, id));
      return row !== undefined;
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
      return { ...page, items: page.items.map(presentClient) };
    },

    async getClient(scope: AccessScope, id: string): Promise<Client> {
      return presentClient(await findClientRow(db, scope, id));
    },

    async createClient(input: CreateClientInput): Promise<Client> {
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(clients)
            .values({
              name: input.name,
              status: input.status,
              timeZone: input.timeZone,
              taxRateBp: input.taxRateBp,
              billingAddress: input.billingAddress,
              notes: input.notes,
              ...profileColumns(input.profile),
            })
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
      } catch (err) {
        conflict(err, `A client named "${input.name}" already exists.`);
      }
    },

    async updateClient(scope: AccessScope, id: string, patch: UpdateClientInput): Promise<Client> {
      const { profile, ...fields } = patch;
      try {
        const row = await writeAudited(
          'client',
          'update',
          (tx) => findClientRow(tx, scope, id),
          async (tx) => {
            const [after] = await tx
              .update(clients)
              .set({ ...fields, ...profileColumns(profile), updatedAt: new Date() })
              .where(eq(clients.id, id))
              .returning();
            return after!;
          },
        );
        return presentClient(row);
      } catch (err) {
        conflict(err, `A client named "${patch.name}" already exists.`);
      }
    },

    async setClientArchived(scope: AccessScope, id: string, archived: boolean): Promise<Client> {
      try {
        const row = await writeAudited(
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
        return presentClient(row);
      } catch (err) {
        conflict(err, 'An active client already has this name: rename one of them first.');
      }
    },

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
      return { ...page, items: page.items.map(presentSite) };
    },

    async getSite(scope: AccessScope, id: string): Promise<Site> {
      return presentSite(await findSiteRow(db, scope, id));
    },

    async createSite(scope: AccessScope, clientId: string, input: CreateSiteInput): Promise<Site> {
      try {
        return await db.transaction(async (tx) => {
          await findClientRow(tx, scope, clientId);
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
      } catch (err) {
        conflict(err, `This client already has a site named "${input.name}".`);
      }
    },

    async updateSite(scope: AccessScope, id: string, patch: UpdateSiteInput): Promise<Site> {
      try {
        const row = await writeAudited(
          'site',
          'update',
          (tx) => findSiteRow(tx, scope, id),
          async (tx) => {
            const [after] = await tx
              .update(sites)
              .set({ ...patch, updatedAt: new Date() })
              .where(eq(sites.id, id))
              .returning();
            return after!;
          },
        );
        return presentSite(row);
      } catch (err) {
        conflict(err, `This client already has a site named "${patch.name}".`);
      }
    },

    async archiveSite(scope: AccessScope, id: string): Promise<Site> {
      const row = await writeAudited(
        'site',
        'archive',
        (tx) => findSiteRow(tx, scope, id),
        async (tx, before) => {
          // Contacts at a site that goes away stay with the client, without a site.
          await tx
            .update(contacts)
            .set({ siteId: null, updatedAt: new Date() })
            .where(eq(contacts.siteId, id));
          const [after] = await tx
            .update(sites)
            .set({ archivedAt: before.archivedAt ?? new Date(), updatedAt: new Date() })
            .where(eq(sites.id, id))
            .returning();
          return after!;
        },
      );
      return presentSite(row);
    },

    async listContacts(scope: AccessScope, clientId: string, query: ListQuery): Promise<Page<Contact>> {
      await findClientRow(db, scope, clientId);
      const where: (SQL | undefined)[] = [eq(contacts.clientId, clientId)];
      if (query.q) {
        const p = containsPattern(query.q);
        where.push(
          or(
            ilike(contacts.name, p),
            ilike(contacts.email, p),
            ilike(contacts.phone, p),
            ilike(contacts.role, p),
          ),
        );
      }
      const page = await listByName(contacts, query, where, (w, order, limit) =>
        db
          .select()
          .from(contacts)
          .where(w)
          .orderBy(...order)
          .limit(limit),
      );
      return { ...page, items: page.items.map(presentContact) };
    },

    async getContact(scope: AccessScope, id: string): Promise<Contact> {
      return presentContact(await findContactRow(db, scope, id));
    },

    async createContact(scope: AccessScope, clientId: string, input: CreateContactInput): Promise<Contact> {
      try {
        return await db.transaction(async (tx) => {
          await findClientRow(tx, scope, clientId);
          await checkSite(tx, clientId, input.siteId);
          const [row] = await tx
            .insert(contacts)
            .values({ ...input, clientId })
            .returning();
          await recordAudit(tx, {
            action: 'create',
            entityType: 'contact',
            entityId: row!.id,
            clientId,
            changes: { name: row!.name, email: row!.email },
          });
          return presentContact(row!);
        });
      } catch (err) {
        conflict(err, `This client already has a contact with the email ${input.email}.`);
      }
    },

    async updateContact(scope: AccessScope, id: string, patch: UpdateContactInput): Promise<Contact> {
      try {
        const row = await writeAudited(
          'contact',
          'update',
          (tx) => findContactRow(tx, scope, id),
          async (tx, before) => {
            await checkSite(tx, before.clientId, patch.siteId);
            const [after] = await tx
              .update(contacts)
              .set({ ...patch, updatedAt: new Date() })
              .where(eq(contacts.id, id))
              .returning();
            return after!;
          },
        );
        return presentContact(row);
      } catch (err) {
        conflict(err, `This client already has a contact with the email ${patch.email}.`);
      }
    },

    async archiveContact(scope: AccessScope, id: string): Promise<Contact> {
      const row = await writeAudited(
        'contact',
        'archive',
        (tx) => findContactRow(tx, scope, id),
        async (tx, before) => {
          const [after] = await tx
            .update(contacts)
            .set({ archivedAt: before.archivedAt ?? new Date(), updatedAt: new Date() })
            .where(eq(contacts.id, id))
            .returning();
          return after!;
        },
      );
      return presentContact(row);
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
