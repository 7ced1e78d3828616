import { and, asc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { containsPattern, listByName } from '../../platform/db/query.js';
import type { Db } from '../../platform/db/store.js';
import type { ListQuery, Page } from '../../platform/http/pagination.js';
import { presentContact } from './clients.presenters.js';
import {
  auditedWriter,
  checkSiteOfClient,
  findClientRow,
  findContactRow,
  findLiveClientRow,
  orConflict,
} from './clients.rows.js';
import type { CreateContactInput, UpdateContactInput } from './clients.schemas.js';
import { clients, contacts } from './clients.tables.js';

export type Contact = ReturnType<typeof presentContact>;

export function createContactsService(db: Db) {
  const writeAudited = auditedWriter(db);
  const duplicateEmail = (email: string | null | undefined) =>
    `This client already has a contact with the email ${email}.`;

  return {
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

    /** Live contacts of live clients with this email (any case): how inbound mail finds its sender. Staff only. */
    async findContactsByEmail(email: string): Promise<Contact[]> {
      const rows = await db
        .select({ contact: contacts })
        .from(contacts)
        .innerJoin(clients, eq(clients.id, contacts.clientId))
        .where(
          and(
            sql`lower(${contacts.email}) = ${email.toLowerCase()}`,
            isNull(contacts.archivedAt),
            isNull(clients.archivedAt),
          ),
        )
        .orderBy(asc(contacts.createdAt));
      return rows.map((r) => presentContact(r.contact));
    },

    async getContact(scope: AccessScope, id: string): Promise<Contact> {
      return presentContact(await findContactRow(db, scope, id));
    },

    async createContact(scope: AccessScope, clientId: string, input: CreateContactInput): Promise<Contact> {
      const work = db.transaction(async (tx) => {
        await findLiveClientRow(tx, scope, clientId);
        await checkSiteOfClient(tx, clientId, input.siteId);
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
      return orConflict(work, duplicateEmail(input.email));
    },

    async updateContact(scope: AccessScope, id: string, patch: UpdateContactInput): Promise<Contact> {
      const work = writeAudited(
        'contact',
        'update',
        async (tx) => {
          const contact = await findContactRow(tx, scope, id);
          await findLiveClientRow(tx, scope, contact.clientId);
          return contact;
        },
        async (tx, before) => {
          await checkSiteOfClient(tx, before.clientId, patch.siteId);
          const [after] = await tx
            .update(contacts)
            .set({ ...patch, updatedAt: new Date() })
            .where(eq(contacts.id, id))
            .returning();
          return after!;
        },
      );
      return presentContact(await orConflict(work, duplicateEmail(patch.email)));
    },

    async setContactArchived(scope: AccessScope, id: string, archived: boolean): Promise<Contact> {
      const work = writeAudited(
        'contact',
        archived ? 'archive' : 'restore',
        async (tx) => {
          const contact = await findContactRow(tx, scope, id);
          if (!archived) await findLiveClientRow(tx, scope, contact.clientId);
          return contact;
        },
        async (tx, before) => {
          const [after] = await tx
            .update(contacts)
            .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
            .where(eq(contacts.id, id))
            .returning();
          return after!;
        },
      );
      return presentContact(await orConflict(work, 'A live contact of this client already has this email.'));
    },
  };
}
