import { eq } from 'drizzle-orm';
import { type BillingFacts, classifyClient } from '../../domain/classification/classify.js';
import { type ClassificationPolicy, resolvePolicy } from '../../domain/classification/policy.js';
import { failsOneCriterion, summarize } from '../../domain/classification/summary.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/store.js';
import type { AgreementsService } from './agreements.service.js';
import { today } from './agreements.service.js';
import { classificationPolicy } from './agreements.tables.js';

export type ClassificationDeps = {
  db: Db;
  agreements: AgreementsService;
  /** Live clients, for the portfolio summary. */
  listClients(): Promise<{ id: string; name: string }[]>;
  /**
   * Invoices and hours billed per intervention. Until the billing area records them, the only
   * per-intervention evidence is an in-force time & materials agreement (the rule reads it too).
   */
  billingFacts?(clientIds: string[]): Promise<Map<string, BillingFacts>>;
};

const policyOf = (row: typeof classificationPolicy.$inferSelect): ClassificationPolicy =>
  resolvePolicy({
    minimumTermMonths: row.minimumTermMonths,
    minimumMonthlyValue: row.minimumMonthlyValue,
    requiredCategories: row.requiredCategories,
    slaRequired: row.slaRequired,
  });

const noBilling: BillingFacts = { oneOffInvoices: 0, billedHours: 0 };

export function createClassificationService(deps: ClassificationDeps) {
  const { db } = deps;

  async function getPolicy(): Promise<ClassificationPolicy> {
    const [row] = await db.select().from(classificationPolicy).where(eq(classificationPolicy.id, 1));
    return row ? policyOf(row) : resolvePolicy();
  }

  async function classifyMany(clientIds: string[], asOf: string) {
    const [policy, agreements, billing] = await Promise.all([
      getPolicy(),
      deps.agreements.forClients(clientIds, asOf),
      deps.billingFacts?.(clientIds) ?? Promise.resolve(new Map<string, BillingFacts>()),
    ]);
    return clientIds.map((id) => ({
      clientId: id,
      ...classifyClient(
        { asOf, agreements: agreements.get(id) ?? [], billing: billing.get(id) ?? noBilling },
        policy,
      ),
    }));
  }

  return {
    getPolicy,

    async updatePolicy(patch: Partial<ClassificationPolicy>): Promise<ClassificationPolicy> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(classificationPolicy).where(eq(classificationPolicy.id, 1));
        const [after] = await tx
          .insert(classificationPolicy)
          .values({ id: 1, ...patch })
          .onConflictDoUpdate({ target: classificationPolicy.id, set: { ...patch, updatedAt: new Date() } })
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: 'classification_policy',
          entityId: '1',
          changes: before ? diff(before, after!) : patch,
        });
        return policyOf(after!);
      });
    },

    /** One client's kind, MRR and the checks that explain it. The caller has checked the client is visible. */
    async classify(clientId: string, asOf = today()) {
      const [result] = await classifyMany([clientId], asOf);
      return { ...result!, asOf };
    },

    /** Counts and MRR per kind, with the clients nearest to a contract (failing one criterion) first. */
    async summary(asOf = today()) {
      const clients = await deps.listClients();
      const results = await classifyMany(
        clients.map((c) => c.id),
        asOf,
      );
      const names = new Map(clients.map((c) => [c.id, c.name]));
      const clientsList = results
        .map((r) => {
          const failing = r.checks
            .filter((c) => !c.passed)
            .map((c) => ({ code: c.code, message: c.message, fix: c.fix }));
          return {
            clientId: r.clientId,
            name: names.get(r.clientId) ?? '',
            kind: r.kind,
            mrr: r.mrr,
            failing,
            failsOne: failsOneCriterion(r),
          };
        })
        .sort(
          (a, b) =>
            Number(b.failsOne) - Number(a.failsOne) ||
            a.failing.length - b.failing.length ||
            a.name.localeCompare(b.name),
        );
      return { asOf, ...summarize(results), clients: clientsList };
    },
  };
}

export type ClassificationService = ReturnType<typeof createClassificationService>;
