import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/store.js';
import { decodeCursor, encodeCursor, pageOf } from '../http/pagination.js';
import { typed } from '../http/server.js';
import { auditLog } from './audit.tables.js';

const AuditQuery = z.strictObject({
  entity_type: z.string().max(50).optional(),
  entity_id: z.string().max(100).optional(),
  client_id: z.uuid().optional(),
  actor_user_id: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const AuditEntryResponse = z.object({
  id: z.uuid(),
  at: z.date(),
  actor: z.string(),
  actorUserId: z.uuid().nullable(),
  channel: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  clientId: z.uuid().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});

// Ids are UUIDv7, time-ordered at insert: paging by id alone is exact, unlike a millisecond timestamp.
const IdCursor = z.tuple([z.uuid()]);

/** Read access to the audit log for staff who hold audit:read; newest first. */
export function auditRoutes(app: FastifyInstance, db: Db) {
  typed(app).get(
    '/api/v1/audit',
    {
      config: { access: { permission: 'audit:read', staffOnly: true } },
      schema: {
        tags: ['audit'],
        summary: 'Who changed what, when, from where',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntryResponse) },
      },
    },
    async (request) => {
      const q = request.query;
      const where: (SQL | undefined)[] = [
        q.entity_type ? eq(auditLog.entityType, q.entity_type) : undefined,
        q.entity_id ? eq(auditLog.entityId, q.entity_id) : undefined,
        q.client_id ? eq(auditLog.clientId, q.client_id) : undefined,
        q.actor_user_id ? eq(auditLog.actorUserId, q.actor_user_id) : undefined,
      ];
      if (q.cursor) {
        const [id] = decodeCursor(q.cursor, IdCursor);
        where.push(lt(auditLog.id, id));
      }
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null,
      };
    },
  );
}
