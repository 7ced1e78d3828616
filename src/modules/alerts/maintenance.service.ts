/**
 * Maintenance windows over REST: one-off or weekly, for a client or one of its assets. Times are
 * RFC 3339 in the API and epoch milliseconds in the rules (and the stored schedule).
 */
import { and, asc, eq, gte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type MaintenanceSchedule,
  maintenanceWindowErrors,
  scheduleHolds,
} from '../../domain/monitoring/index.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/store.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import type { AlertPorts } from './alerts.ports.js';
import type { MaintenanceWindowInput, ScheduleInput, WindowListQuery } from './alerts.schemas.js';
import { type AlertSettingsStore, invalidInput, unprocessable } from './alerts.settings.js';
import { maintenanceWindows } from './alerts.tables.js';

type Row = typeof maintenanceWindows.$inferSelect;

const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export function scheduleOf(input: ScheduleInput): MaintenanceSchedule {
  if (input.kind === 'once') return { kind: 'once', from: Date.parse(input.from), to: Date.parse(input.to) };
  return {
    kind: 'weekly',
    timeZone: input.timeZone,
    days: input.days,
    start: input.start,
    end: input.end,
    from: at(input.from),
    until: at(input.until),
  };
}

function presentSchedule(s: MaintenanceSchedule) {
  if (s.kind === 'once') return { kind: 'once' as const, from: iso(s.from)!, to: iso(s.to)! };
  return {
    kind: 'weekly' as const,
    timeZone: s.timeZone,
    days: [...s.days],
    start: s.start,
    end: s.end,
    from: iso(s.from),
    until: iso(s.until),
  };
}

export function presentWindow(r: Row, now = Date.now()) {
  return {
    id: r.id,
    clientId: r.clientId,
    assetId: r.assetId,
    name: r.name,
    schedule: presentSchedule(r.schedule),
    activeNow: scheduleHolds(r.schedule, now),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function createMaintenanceService(
  db: Db,
  ports: Pick<AlertPorts, 'clientExists' | 'assetOfClient'>,
  settings: AlertSettingsStore,
) {
  async function check(input: MaintenanceWindowInput): Promise<MaintenanceSchedule> {
    const schedule = scheduleOf(input.schedule);
    const errors = maintenanceWindowErrors(
      { id: 'new', clientId: input.clientId, assetId: input.assetId, schedule },
      'body',
    );
    if (errors.length) throw invalidInput('The maintenance window cannot be applied.', errors);
    if (!(await ports.clientExists(input.clientId)))
      throw unprocessable('body.clientId', `no live client ${input.clientId}`);
    if (input.assetId && !(await ports.assetOfClient(input.clientId, input.assetId)))
      throw unprocessable('body.assetId', 'is not an asset of this client');
    return schedule;
  }

  async function find(id: string): Promise<Row> {
    const [row] = await db.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, id));
    if (!row) throw notFound('NOT_FOUND', 'Maintenance window', id);
    return row;
  }

  return {
    async list(query: WindowListQuery): Promise<Page<ReturnType<typeof presentWindow>>> {
      const where: (SQL | undefined)[] = [];
      if (query.client_id) where.push(eq(maintenanceWindows.clientId, query.client_id));
      if (query.asset_id) where.push(eq(maintenanceWindows.assetId, query.asset_id));
      if (query.updated_since) where.push(gte(maintenanceWindows.updatedAt, new Date(query.updated_since)));
      if (query.cursor) {
        const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
        where.push(sql`${maintenanceWindows.id} > ${id}::uuid`);
      }
      const rows = await db
        .select()
        .from(maintenanceWindows)
        .where(and(...where))
        .orderBy(asc(maintenanceWindows.id))
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const now = Date.now();
      return {
        items: items.map((r) => presentWindow(r, now)),
        nextCursor: more ? encodeCursor([items.at(-1)!.id]) : null,
      };
    },

    get: async (id: string) => presentWindow(await find(id)),

    async create(input: MaintenanceWindowInput) {
      const schedule = await check(input);
      const row = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(maintenanceWindows)
          .values({ clientId: input.clientId, assetId: input.assetId, name: input.name, schedule })
          .returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'maintenance_window',
          entityId: row!.id,
          clientId: row!.clientId,
          changes: { name: input.name, assetId: input.assetId, schedule },
        });
        return row!;
      });
      settings.forgetSnapshot();
      return presentWindow(row);
    },

    async update(id: string, input: MaintenanceWindowInput) {
      const schedule = await check(input);
      const row = await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(maintenanceWindows)
          .where(eq(maintenanceWindows.id, id))
          .for('update');
        if (!before) throw notFound('NOT_FOUND', 'Maintenance window', id);
        const set = { clientId: input.clientId, assetId: input.assetId, name: input.name, schedule };
        const [row] = await tx
          .update(maintenanceWindows)
          .set({ ...set, updatedAt: new Date() })
          .where(eq(maintenanceWindows.id, id))
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: 'maintenance_window',
          entityId: id,
          clientId: row!.clientId,
          changes: diff(before as Record<string, unknown>, set),
        });
        return row!;
      });
      settings.forgetSnapshot();
      return presentWindow(row);
    },

    async remove(id: string) {
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(maintenanceWindows).where(eq(maintenanceWindows.id, id)).returning();
        if (!row) throw notFound('NOT_FOUND', 'Maintenance window', id);
        await recordAudit(tx, {
          action: 'delete',
          entityType: 'maintenance_window',
          entityId: id,
          clientId: row.clientId,
        });
      });
      settings.forgetSnapshot();
    },

    /** Every window of a client, for availability. */
    async ofClient(clientId: string) {
      return db.select().from(maintenanceWindows).where(eq(maintenanceWindows.clientId, clientId));
    },
  };
}

export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
