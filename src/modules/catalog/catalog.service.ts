import { asc, eq, type InferSelectModel, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, type ErrorCode, notFound } from '../../platform/errors.js';
import type {
  CategoryBody,
  LabourRateBody,
  PlanBody,
  PlanPatch,
  ProductBody,
  ServiceBody,
  WorkTypeBody,
} from './catalog.schemas.js';
import {
  labourCostRates,
  planServices,
  plans,
  products,
  serviceCategories,
  services,
  workTypes,
} from './catalog.tables.js';

type Row = Record<string, unknown>;

/** Catalog writes share one shape: insert or update a row, audit it, turn key clashes into 409s. */
function catalogWriter(db: Db) {
  async function guard<T>(work: Promise<T>, what: string): Promise<T> {
    try {
      return await work;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('ALREADY_EXISTS', `${what} already exists.`);
      if (isForeignKeyViolation(err)) {
        throw new AppError('UNPROCESSABLE', `${what} refers to a service category that does not exist.`, [
          { field: 'body.categoryCode', message: 'is not a service category' },
        ]);
      }
      throw err;
    }
  }
  return {
    create<T extends PgTable>(
      entity: string,
      table: T,
      values: Row,
      what: string,
      extra?: (tx: DbOrTx, row: InferSelectModel<T>) => Promise<void>,
    ): Promise<InferSelectModel<T>> {
      const work = db.transaction(async (tx) => {
        const [row] = (await tx
          .insert(table as PgTable)
          .values(values as never)
          .returning()) as InferSelectModel<T>[];
        await extra?.(tx, row!);
        const key = (row as Row).id ?? (row as Row).code;
        await recordAudit(tx, {
          action: 'create',
          entityType: entity,
          entityId: String(key),
          changes: values,
        });
        return row!;
      });
      return guard(work, what);
    },
    update<T extends PgTable>(
      entity: string,
      table: T,
      key: { column: any; value: string; missing: ErrorCode },
      patch: Row,
      what: string,
      extra?: (tx: DbOrTx) => Promise<void>,
    ): Promise<InferSelectModel<T>> {
      const work = db.transaction(async (tx) => {
        const [before] = (await tx
          .select()
          .from(table as PgTable)
          .where(eq(key.column, key.value))) as Row[];
        if (!before) throw notFound(key.missing, entity.replace(/_/g, ' '), key.value);
        const [after] = (await tx
          .update(table as PgTable)
          .set({ ...patch, updatedAt: new Date() } as never)
          .where(eq(key.column, key.value))
          .returning()) as InferSelectModel<T>[];
        await extra?.(tx);
        await recordAudit(tx, {
          action: 'update',
          entityType: entity,
          entityId: key.value,
          changes: diff(before, after as Row),
        });
        return after!;
      });
      return guard(work, what);
    },
  };
}

export function createCatalogService({ db }: { db: Db }) {
  const write = catalogWriter(db);

  async function checkServices(tx: DbOrTx, ids: string[]) {
    if (!ids.length) return;
    const found = await tx.select({ id: services.id }).from(services).where(inArray(services.id, ids));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) {
      throw new AppError('UNPROCESSABLE', `Unknown services: ${missing.join(', ')}.`, [
        { field: 'body.serviceIds', message: 'holds services that do not exist' },
      ]);
    }
  }

  async function planWithServices(planRows: (typeof plans.$inferSelect)[]) {
    if (!planRows.length) return [];
    const links = await db
      .select({ planId: planServices.planId, serviceId: services.id, category: services.categoryCode })
      .from(planServices)
      .innerJoin(services, eq(services.id, planServices.serviceId))
      .where(
        inArray(
          planServices.planId,
          planRows.map((p) => p.id),
        ),
      );
    return planRows.map((p) => {
      const own = links.filter((l) => l.planId === p.id);
      return {
        ...p,
        serviceIds: own.map((l) => l.serviceId),
        categories: [...new Set(own.map((l) => l.category))].sort(),
      };
    });
  }

  async function replacePlanServices(tx: DbOrTx, planId: string, serviceIds: string[]) {
    await checkServices(tx, serviceIds);
    await tx.delete(planServices).where(eq(planServices.planId, planId));
    if (serviceIds.length)
      await tx.insert(planServices).values(serviceIds.map((serviceId) => ({ planId, serviceId })));
  }

  return {
    listCategories: () => db.select().from(serviceCategories).orderBy(asc(serviceCategories.code)),
    createCategory: (input: z.infer<typeof CategoryBody>) =>
      write.create('service_category', serviceCategories, input, `A category "${input.code}"`),
    updateCategory: (code: string, patch: { name: string }) =>
      write.update(
        'service_category',
        serviceCategories,
        { column: serviceCategories.code, value: code, missing: 'NOT_FOUND' },
        patch,
        'That category',
      ),

    listServices: () => db.select().from(services).orderBy(asc(services.name)),
    createService: (input: z.infer<typeof ServiceBody>) =>
      write.create('service', services, input, `A service named "${input.name}"`),
    updateService: (id: string, patch: Partial<z.infer<typeof ServiceBody>>) =>
      write.update(
        'service',
        services,
        { column: services.id, value: id, missing: 'NOT_FOUND' },
        patch,
        `A service named "${patch.name}"`,
      ),

    async listPlans() {
      return planWithServices(await db.select().from(plans).orderBy(asc(plans.name)));
    },
    async createPlan(input: z.infer<typeof PlanBody>) {
      const { serviceIds, ...values } = input;
      const row = await write.create('plan', plans, values, `A plan named "${input.name}"`, (tx, plan) =>
        replacePlanServices(tx, plan.id, serviceIds),
      );
      return (await planWithServices([row]))[0]!;
    },
    async updatePlan(id: string, patch: z.infer<typeof PlanPatch>) {
      const { serviceIds, ...values } = patch;
      const row = await write.update(
        'plan',
        plans,
        { column: plans.id, value: id, missing: 'NOT_FOUND' },
        values,
        `A plan named "${patch.name}"`,
        serviceIds ? (tx) => replacePlanServices(tx, id, serviceIds) : undefined,
      );
      return (await planWithServices([row]))[0]!;
    },

    listProducts: () => db.select().from(products).orderBy(asc(products.name)),
    createProduct: (input: z.infer<typeof ProductBody>) =>
      write.create('product', products, input, `A product named "${input.name}"`),
    updateProduct: (id: string, patch: Partial<z.infer<typeof ProductBody>>) =>
      write.update(
        'product',
        products,
        { column: products.id, value: id, missing: 'NOT_FOUND' },
        patch,
        `A product named "${patch.name}"`,
      ),

    listWorkTypes: () => db.select().from(workTypes).orderBy(asc(workTypes.code)),
    createWorkType: (input: z.input<typeof WorkTypeBody>) =>
      write.create('work_type', workTypes, input, `A work type "${input.code}"`),
    updateWorkType: (code: string, patch: Partial<z.infer<typeof WorkTypeBody>>) =>
      write.update(
        'work_type',
        workTypes,
        { column: workTypes.code, value: code, missing: 'NOT_FOUND' },
        patch,
        'That work type',
      ),

    listLabourRates: () =>
      db
        .select()
        .from(labourCostRates)
        .orderBy(asc(labourCostRates.userId), asc(labourCostRates.effectiveFrom)),
    setLabourRate: (input: z.infer<typeof LabourRateBody>) =>
      write.create('labour_cost_rate', labourCostRates, input, 'A rate for this technician from that date'),

    /** Which of these category codes exist (agreements check their scope against the catalog). */
    async unknownCategories(codes: string[]): Promise<string[]> {
      if (!codes.length) return [];
      const found = await db
        .select({ code: serviceCategories.code })
        .from(serviceCategories)
        .where(inArray(serviceCategories.code, codes));
      return codes.filter((c) => !found.some((f) => f.code === c));
    },
    async unknownWorkTypes(codes: string[]): Promise<string[]> {
      if (!codes.length) return [];
      const found = await db
        .select({ code: workTypes.code })
        .from(workTypes)
        .where(inArray(workTypes.code, codes));
      return codes.filter((c) => !found.some((f) => f.code === c));
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
