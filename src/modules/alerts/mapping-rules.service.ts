/** Hand-written mapping rules over REST: which client (and asset) an alert's labels and identity name. */
import { and, asc, eq, gte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { validateMappingRules } from '../../domain/monitoring/index.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/store.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import type { AlertPorts } from './alerts.ports.js';
import type { MappingRuleInput, MappingRuleListQuery } from './alerts.schemas.js';
import { type AlertSettingsStore, invalidInput, unprocessable } from './alerts.settings.js';
import { alertMappingRules } from './alerts.tables.js';

type Row = typeof alertMappingRules.$inferSelect;

export function presentMappingRule(r: Row) {
  return {
    id: r.id,
    clientId: r.clientId,
    assetId: r.assetId,
    matchers: r.matchers,
    description: r.description,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function createMappingRulesService(
  db: Db,
  ports: Pick<AlertPorts, 'clientExists' | 'assetOfClient'>,
  settings: AlertSettingsStore,
) {
  async function check(id: string, input: MappingRuleInput) {
    const errors = validateMappingRules([{ id, ...input }], 'rules').map((e) => ({
      ...e,
      field: e.field.replace(/^rules\[0\]/, 'body'),
    }));
    if (errors.length) throw invalidInput('The mapping rule cannot be applied.', errors);
    if (!(await ports.clientExists(input.clientId)))
      throw unprocessable('body.clientId', `no live client ${input.clientId}`);
    if (input.assetId && !(await ports.assetOfClient(input.clientId, input.assetId)))
      throw unprocessable('body.assetId', 'is not an asset of this client');
  }

  async function find(id: string): Promise<Row> {
    const [row] = await db.select().from(alertMappingRules).where(eq(alertMappingRules.id, id));
    if (!row) throw notFound('NOT_FOUND', 'Mapping rule', id);
    return row;
  }

  return {
    async list(query: MappingRuleListQuery): Promise<Page<ReturnType<typeof presentMappingRule>>> {
      const where: (SQL | undefined)[] = [];
      if (query.client_id) where.push(eq(alertMappingRules.clientId, query.client_id));
      if (query.updated_since) where.push(gte(alertMappingRules.updatedAt, new Date(query.updated_since)));
      if (query.cursor) {
        const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
        where.push(sql`${alertMappingRules.id} > ${id}::uuid`);
      }
      const rows = await db
        .select()
        .from(alertMappingRules)
        .where(and(...where))
        .orderBy(asc(alertMappingRules.id))
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      return {
        items: items.map(presentMappingRule),
        nextCursor: more ? encodeCursor([items.at(-1)!.id]) : null,
      };
    },

    get: async (id: string) => presentMappingRule(await find(id)),

    async create(input: MappingRuleInput) {
      await check('new', input);
      const row = await db.transaction(async (tx) => {
        const [row] = await tx.insert(alertMappingRules).values(input).returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'alert_mapping_rule',
          entityId: row!.id,
          clientId: row!.clientId,
          changes: { ...input },
        });
        return row!;
      });
      settings.forgetSnapshot();
      return presentMappingRule(row);
    },

    async update(id: string, input: MappingRuleInput) {
      await check(id, input);
      const row = await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(alertMappingRules)
          .where(eq(alertMappingRules.id, id))
          .for('update');
        if (!before) throw notFound('NOT_FOUND', 'Mapping rule', id);
        const [row] = await tx
          .update(alertMappingRules)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(alertMappingRules.id, id))
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: 'alert_mapping_rule',
          entityId: id,
          clientId: row!.clientId,
          changes: diff(before as Record<string, unknown>, input),
        });
        return row!;
      });
      settings.forgetSnapshot();
      return presentMappingRule(row);
    },

    async remove(id: string) {
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(alertMappingRules).where(eq(alertMappingRules.id, id)).returning();
        if (!row) throw notFound('NOT_FOUND', 'Mapping rule', id);
        await recordAudit(tx, {
          action: 'delete',
          entityType: 'alert_mapping_rule',
          entityId: id,
          clientId: row.clientId,
        });
      });
      settings.forgetSnapshot();
    },
  };
}

export type MappingRulesService = ReturnType<typeof createMappingRulesService>;
