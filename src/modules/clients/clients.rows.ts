import { and, eq, sql } from 'drizzle-orm';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { inScope } from '../../platform/db/query.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { clients, contacts, sites } from './clients.tables.js';

export type ClientRow = typeof clients.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;

/** Row lookups that honour the caller's scope: anything outside it is simply "not found". */
export async function findClientRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<ClientRow> {
  const [row] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), inScope(scope, clients.id)));
  if (!row) throw notFound('CLIENT_NOT_FOUND', 'Client', id);
  return row;
}

export async function findSiteRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<SiteRow> {
  const [row] = await tx
    .select()
    .from(sites)
    .where(and(eq(sites.id, id), inScope(scope, sites.clientId)));
  if (!row) throw notFound('SITE_NOT_FOUND', 'Site', id);
  return row;
}

export async function findContactRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<ContactRow> {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), inScope(scope, contacts.clientId)));
  if (!row) throw notFound('CONTACT_NOT_FOUND', 'Contact', id);
  return row;
}

/** An archived client is read-only until restored: nothing new is attached to it. */
export async function findLiveClientRow(tx: DbOrTx, scope: AccessScope, id: string): Promise<ClientRow> {
  const row = await findClientRow(tx, scope, id);
  if (row.archivedAt)
    throw new AppError('CLIENT_ARCHIVED', `Client ${row.name} is archived: restore it first.`);
  return row;
}

/** A contact's site must be one of its own client's live sites. */
export async function checkSiteOfClient(tx: DbOrTx, clientId: string, siteId: string | null | undefined) {
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

/** Runs a change in a transaction and records what changed; rows carry their client for the audit. */
export function auditedWriter(db: Db) {
  return async function writeAudited<Row extends { id: string; updatedAt: Date }>(
    entityType: string,
    action: string,
    load: (tx: DbOrTx) => Promise<Row>,
    update: (tx: DbOrTx, before: Row) => Promise<Row>,
  ): Promise<Row> {
    return db.transaction(async (tx) => {
      const before = await load(tx);
      const after = await update(tx, before);
      const clientId = 'clientId' in after ? String(after.clientId) : after.id;
      await recordAudit(tx, {
        action,
        entityType,
        entityId: after.id,
        clientId,
        changes: diff(before, after),
      });
      return after;
    });
  };
}

/** Unique violations become a 409 with a message the user can act on. */
export async function orConflict<T>(work: Promise<T>, message: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_EXISTS', message);
    throw err;
  }
}
