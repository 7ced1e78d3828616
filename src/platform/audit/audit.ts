import { currentContext, type RequestContext } from '../context.js';
import { recordsetInsert } from '../db/recordset.js';
import type { DbOrTx } from '../db/store.js';
import { auditLog } from './audit.tables.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  changes?: Record<string, unknown>;
};

function auditRow(ctx: RequestContext | undefined, entry: AuditEntry) {
  const principal = ctx?.principal ?? null;
  return {
    actorUserId: principal?.userId ?? null,
    actor: principal
      ? `${principal.email}${principal.via === 'token' ? ' (api token)' : ''}`
      : (ctx?.channel ?? 'system'),
    channel: ctx?.channel ?? 'system',
    ip: ctx?.ip ?? null,
    requestId: ctx?.requestId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    clientId: entry.clientId ?? null,
    changes: entry.changes ?? null,
  };
}

/**
 * Writes one audit row inside the caller's transaction, so a change and its record commit together.
 * Actor, channel, ip and request id come from the request context.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const ctx = currentContext();
  await tx.insert(auditLog).values(auditRow(ctx, entry));
  if (ctx) ctx.audited++;
}

type Audited = { ctx: RequestContext | undefined; entry: AuditEntry };

/** The INSERT of several requests' audit rows, for a caller to run inside a larger statement. */
export const auditInsertOf = (entries: readonly Audited[]) =>
  recordsetInsert(
    auditLog,
    entries.map((e) => auditRow(e.ctx, e.entry)),
  );

/** Tells each request its audit row is written, once the statement that wrote it has run. */
export function markAudited(entries: readonly Audited[]) {
  for (const e of entries) if (e.ctx) e.ctx.audited++;
}

/** Audit rows of several requests written together (group commit): each keeps its own context. */
export async function recordAuditOf(
  tx: DbOrTx,
  entries: readonly { ctx: RequestContext | undefined; entry: AuditEntry }[],
): Promise<void> {
  if (!entries.length) return;
  await tx.execute(auditInsertOf(entries));
  markAudited(entries);
}

/** The fields that differ between two versions of a row, as {field: [before, after]}. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) out[key] = [before[key], value];
  }
  return out;
}
