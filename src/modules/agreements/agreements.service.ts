import { and, asc, eq, gte, inArray, type SQL } from 'drizzle-orm';
import { type Amendment, agreementOn } from '../../domain/agreements/amendments.js';
import { earlyTerminationFee, type LifecycleAction, transition } from '../../domain/agreements/lifecycle.js';
import { noticeDeadline, renewalDate } from '../../domain/agreements/renewal.js';
import { type Agreement, monthlyRecurringValue } from '../../domain/agreements/types.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { currentContext } from '../../platform/context.js';
import { inScope } from '../../platform/db/query.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, type FieldError, notFound } from '../../platform/errors.js';
import { type AgreementRow, lineColumns, toColumns, toDomain } from './agreements.mapping.js';
import type { CreateAgreementInput, UpdateAgreementInput } from './agreements.schemas.js';
import { agreementEvents, agreementLines, agreements } from './agreements.tables.js';
import { amendmentsOf, createAmendmentsService } from './amendments.service.js';

/** What agreements need from other areas, through their services. */
export type AgreementDeps = {
  db: Db;
  clientVisible(scope: AccessScope, clientId: string): Promise<boolean>;
  unknownCategories(codes: string[]): Promise<string[]>;
  unknownWorkTypes(codes: string[]): Promise<string[]>;
  /** Whether an SLA policy is saved (the SLA module answers). */
  slaPolicyExists(policyId: string): Promise<boolean>;
};

export const today = () => new Date().toISOString().slice(0, 10);
const actor = () => currentContext()?.principal?.email ?? currentContext()?.channel ?? 'system';

export function presentAgreement(a: Agreement, row: AgreementRow, asOf: string, scope?: AccessScope) {
  const { notes, ...rest } = { ...a, notes: row.notes };
  return {
    ...rest,
    ...(scope?.kind === 'client' ? {} : { notes }),
    asOf,
    mrr: monthlyRecurringValue(a),
    renewalDate: renewalDate(a, asOf),
    noticeDeadline: noticeDeadline(a, asOf),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function createAgreementsService(deps: AgreementDeps) {
  const { db } = deps;

  /** Scope, categories and work types named by a body must exist; reported as field errors. */
  async function checkReferences(input: Partial<CreateAgreementInput> | UpdateAgreementInput) {
    const fields: FieldError[] = [];
    const categories = [
      ...(input.coveredCategories ?? []),
      ...(input.lines ?? []).flatMap((l) => l.categories),
      ...(input.exclusions ?? []).flatMap((e) => (e.category ? [e.category] : [])),
    ];
    for (const code of await deps.unknownCategories([...new Set(categories)])) {
      fields.push({ field: 'body.coveredCategories', message: `unknown service category ${code}` });
    }
    const workTypes = [
      ...(input.coveredWorkTypes ?? []),
      ...(input.exclusions ?? []).flatMap((e) => (e.workType ? [e.workType] : [])),
    ];
    for (const code of await deps.unknownWorkTypes([...new Set(workTypes)])) {
      fields.push({ field: 'body.coveredWorkTypes', message: `unknown work type ${code}` });
    }
    if (input.slaPolicyId && !(await deps.slaPolicyExists(input.slaPolicyId)))
      fields.push({ field: 'body.slaPolicyId', message: 'is not a saved SLA policy' });
    if (fields.length)
      throw new AppError(
        'VALIDATION_FAILED',
        'The agreement names things the catalog or the SLA policies do not have.',
        fields,
      );
  }

  async function load(tx: DbOrTx, scope: AccessScope, id: string) {
    const [row] = await tx
      .select()
      .from(agreements)
      .where(and(eq(agreements.id, id), inScope(scope, agreements.clientId)));
    if (!row) throw notFound('AGREEMENT_NOT_FOUND', 'Agreement', id);
    const lines = await tx
      .select()
      .from(agreementLines)
      .where(eq(agreementLines.agreementId, id))
      .orderBy(asc(agreementLines.position));
    return { row, lines, agreement: toDomain(row, lines) };
  }

  /** Agreements with their lines as amended up to `asOf`. */
  async function amendedAsOf(items: { row: AgreementRow; agreement: Agreement }[], asOf: string) {
    const amendments = await amendmentsOf(
      db,
      items.map((i) => i.row.id),
    );
    return items.map(({ row, agreement }) => ({
      row,
      agreement: agreementOn(agreement, amendments.get(row.id) ?? [], asOf),
    }));
  }

  async function loadMany(where: SQL | undefined) {
    const rows = await db
      .select()
      .from(agreements)
      .where(where)
      .orderBy(asc(agreements.startDate), asc(agreements.id));
    if (!rows.length) return [];
    const lines = await db
      .select()
      .from(agreementLines)
      .where(
        inArray(
          agreementLines.agreementId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(agreementLines.position));
    return rows.map((row) => ({
      row,
      agreement: toDomain(
        row,
        lines.filter((l) => l.agreementId === row.id),
      ),
    }));
  }

  return {
    async list(
      scope: AccessScope,
      q: {
        client_id?: string;
        status?: AgreementRow['status'];
        kind?: AgreementRow['kind'];
        updated_since?: string;
        as_of?: string;
      },
    ) {
      const asOf = q.as_of ?? today();
      const where = and(
        inScope(scope, agreements.clientId),
        q.client_id ? eq(agreements.clientId, q.client_id) : undefined,
        q.status ? eq(agreements.status, q.status) : undefined,
        q.kind ? eq(agreements.kind, q.kind) : undefined,
        q.updated_since ? gte(agreements.updatedAt, new Date(q.updated_since)) : undefined,
      );
      // Lines as amended on asOf, like one agreement's GET: a list must not show stale quantities and MRR.
      return (await amendedAsOf(await loadMany(where), asOf)).map(({ row, agreement }) =>
        presentAgreement(agreement, row, asOf, scope),
      );
    },

    async get(scope: AccessScope, id: string, asOf = today()) {
      const [amended] = await amendedAsOf([await load(db, scope, id)], asOf);
      return presentAgreement(amended!.agreement, amended!.row, asOf, scope);
    },

    /** Every agreement of a client as the pure rules read them (classification, entitlement). */
    async forClient(clientId: string, asOf = today()): Promise<Agreement[]> {
      return (await amendedAsOf(await loadMany(eq(agreements.clientId, clientId)), asOf)).map(
        (a) => a.agreement,
      );
    },

    async forClients(clientIds: string[], asOf = today()): Promise<Map<string, Agreement[]>> {
      const out = new Map<string, Agreement[]>(clientIds.map((id) => [id, []]));
      if (!clientIds.length) return out;
      const all = await amendedAsOf(await loadMany(inArray(agreements.clientId, clientIds)), asOf);
      for (const { agreement } of all) out.get(agreement.clientId)?.push(agreement);
      return out;
    },

    /**
     * Every agreement of these clients with its lines as signed and its dated amendments: what a
     * billing run replays day by day (amended lines would apply the amendments twice).
     */
    async signedForClients(
      clientIds: string[],
    ): Promise<Map<string, { agreement: Agreement; amendments: Amendment[] }[]>> {
      const out = new Map<string, { agreement: Agreement; amendments: Amendment[] }[]>(
        clientIds.map((id) => [id, []]),
      );
      if (!clientIds.length) return out;
      const all = await loadMany(inArray(agreements.clientId, clientIds));
      const amendments = await amendmentsOf(
        db,
        all.map((a) => a.row.id),
      );
      for (const { row, agreement } of all)
        out.get(agreement.clientId)?.push({ agreement, amendments: amendments.get(row.id) ?? [] });
      return out;
    },

    amendments: createAmendmentsService(db, load),

    async create(scope: AccessScope, input: CreateAgreementInput) {
      if (!(await deps.clientVisible(scope, input.clientId)))
        throw notFound('CLIENT_NOT_FOUND', 'Client', input.clientId);
      await checkReferences(input);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(agreements)
          .values({
            clientId: input.clientId,
            kind: input.kind,
            name: input.name,
            startDate: input.startDate,
            ...toColumns(input),
          })
          .returning();
        if (input.lines.length) await tx.insert(agreementLines).values(lineColumns(row!.id, input.lines));
        await recordAudit(tx, {
          action: 'create',
          entityType: 'agreement',
          entityId: row!.id,
          clientId: row!.clientId,
          changes: { name: row!.name, kind: row!.kind },
        });
        return row!.id;
      });
      return this.get(scope, id);
    },

    async update(scope: AccessScope, id: string, patch: UpdateAgreementInput) {
      await checkReferences(patch);
      await db.transaction(async (tx) => {
        const before = await load(tx, scope, id);
        if (before.row.status === 'terminated' || before.row.status === 'expired') {
          throw new AppError(
            'AGREEMENT_CLOSED',
            `This agreement is ${before.row.status}; it can no longer change.`,
          );
        }
        if (patch.lines && before.row.status !== 'draft') {
          throw new AppError(
            'AGREEMENT_NOT_DRAFT',
            'Lines of a signed agreement change through dated amendments (POST …/amendments).',
          );
        }
        const next = { ...toColumns(patch), updatedAt: new Date() };
        const [after] = await tx.update(agreements).set(next).where(eq(agreements.id, id)).returning();
        if (patch.lines) {
          await tx.delete(agreementLines).where(eq(agreementLines.agreementId, id));
          if (patch.lines.length) await tx.insert(agreementLines).values(lineColumns(id, patch.lines));
        }
        const changes = diff(before.row, after!);
        if (patch.lines) changes.lines = [before.lines.length, patch.lines.length];
        await recordAudit(tx, {
          action: 'update',
          entityType: 'agreement',
          entityId: id,
          clientId: after!.clientId,
          changes,
        });
      });
      return this.get(scope, id);
    },

    /** Activation (signature), suspension, resumption, renewal, expiry, termination: recorded events. */
    async act(
      scope: AccessScope,
      id: string,
      action: LifecycleAction,
      body: { on?: string; reason?: string; signedOn?: string; signedBy?: string },
    ) {
      await db.transaction(async (tx) => {
        const { row, agreement } = await load(tx, scope, id);
        const result = transition(row.status, action);
        if (!result.ok) throw new AppError('AGREEMENT_TRANSITION', result.reason);
        const on = body.on ?? body.signedOn ?? today();
        const set: Partial<typeof agreements.$inferInsert> = { status: result.to, updatedAt: new Date() };
        const details: Record<string, unknown> = {};
        if (action === 'activate') Object.assign(set, { signedOn: body.signedOn, signedBy: body.signedBy });
        if (action === 'terminate' || action === 'expire') set.endDate = on;
        if (action === 'renew') set.endDate = null;
        if (action === 'terminate') details.earlyTerminationFee = earlyTerminationFee(agreement, on);
        await tx.update(agreements).set(set).where(eq(agreements.id, id));
        const kind = (
          {
            activate: 'activated',
            suspend: 'suspended',
            resume: 'resumed',
            renew: 'renewed',
            terminate: 'terminated',
            expire: 'expired',
          } as const
        )[action];
        await tx
          .insert(agreementEvents)
          .values({ agreementId: id, kind, on, reason: body.reason ?? '', details, createdBy: actor() });
        await recordAudit(tx, {
          action,
          entityType: 'agreement',
          entityId: id,
          clientId: row.clientId,
          changes: { status: [row.status, result.to], on, ...details },
        });
      });
      return this.get(scope, id);
    },

    async events(scope: AccessScope, id: string) {
      await load(db, scope, id);
      return db
        .select()
        .from(agreementEvents)
        .where(eq(agreementEvents.agreementId, id))
        .orderBy(asc(agreementEvents.on), asc(agreementEvents.createdAt));
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
