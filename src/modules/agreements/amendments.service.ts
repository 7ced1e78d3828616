import { asc, eq, inArray } from 'drizzle-orm';
import type { Amendment } from '../../domain/agreements/amendments.js';
import { validateAmendments } from '../../domain/agreements/amendments-validate.js';
import type { Agreement } from '../../domain/agreements/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { currentContext } from '../../platform/context.js';
import { newId } from '../../platform/db/columns.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { toDomainLine } from './agreements.mapping.js';
import { agreementAmendments } from './agreements.tables.js';
import type { AmendmentInput } from './amendments.schemas.js';

type AmendmentRow = typeof agreementAmendments.$inferSelect;

/** A stored amendment as the pure replay reads it. */
export const toAmendment = (row: AmendmentRow): Amendment =>
  ({
    id: row.id,
    effectiveOn: row.effectiveOn,
    reverses: row.reverses,
    kind: row.kind,
    ...row.payload,
  }) as Amendment;

export const presentAmendment = (row: AmendmentRow) => ({
  id: row.id,
  kind: row.kind,
  effectiveOn: row.effectiveOn,
  reverses: row.reverses,
  note: row.note,
  change: row.payload,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

export async function amendmentsOf(tx: DbOrTx, agreementIds: string[]): Promise<Map<string, Amendment[]>> {
  const out = new Map<string, Amendment[]>(agreementIds.map((id) => [id, []]));
  if (!agreementIds.length) return out;
  const rows = await tx
    .select()
    .from(agreementAmendments)
    .where(inArray(agreementAmendments.agreementId, agreementIds))
    .orderBy(asc(agreementAmendments.effectiveOn), asc(agreementAmendments.id));
  for (const row of rows) out.get(row.agreementId)?.push(toAmendment(row));
  return out;
}

/** Mid-term changes: dated records checked against every earlier one before they are stored. */
export function createAmendmentsService(
  db: Db,
  load: (tx: DbOrTx, scope: AccessScope, id: string) => Promise<{ agreement: Agreement }>,
) {
  async function record(
    scope: AccessScope,
    agreementId: string,
    kind: AmendmentRow['kind'],
    payload: Record<string, unknown>,
    effectiveOn: string,
    note: string,
    reverses: string | null,
  ) {
    try {
      return await db.transaction(async (tx) => {
        const { agreement } = await load(tx, scope, agreementId);
        if (agreement.status !== 'active' && agreement.status !== 'suspended') {
          throw new AppError(
            'AGREEMENT_NOT_SIGNED',
            `A ${agreement.status} agreement is not amended: edit a draft directly.`,
          );
        }
        const existing = (await amendmentsOf(tx, [agreementId])).get(agreementId)!;
        const id = newId();
        const next = { id, effectiveOn, reverses, kind, ...payload } as Amendment;
        const problems = validateAmendments(agreement, [...existing, next]).filter(
          (p) => p.amendmentId === id,
        );
        if (problems.length) {
          throw new AppError(
            'VALIDATION_FAILED',
            problems.map((p) => p.message).join(' '),
            problems.map((p) => ({ field: 'body', message: p.message, code: p.code })),
          );
        }
        const actor = currentContext()?.principal?.email ?? currentContext()?.channel ?? 'system';
        const [row] = await tx
          .insert(agreementAmendments)
          .values({ id, agreementId, kind, payload, effectiveOn, reverses, note, createdBy: actor })
          .returning();
        await recordAudit(tx, {
          action: reverses ? 'amendment.reverse' : 'amend',
          entityType: 'agreement',
          entityId: agreementId,
          clientId: agreement.clientId,
          changes: { kind, effectiveOn, reverses, ...payload },
        });
        return presentAmendment(row!);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('ALREADY_EXISTS', 'That amendment has already been reversed.');
      throw err;
    }
  }

  return {
    async list(scope: AccessScope, agreementId: string) {
      await load(db, scope, agreementId);
      const rows = await db
        .select()
        .from(agreementAmendments)
        .where(eq(agreementAmendments.agreementId, agreementId))
        .orderBy(asc(agreementAmendments.effectiveOn), asc(agreementAmendments.id));
      return rows.map(presentAmendment);
    },

    amend(scope: AccessScope, agreementId: string, input: AmendmentInput) {
      const { kind, effectiveOn, note, ...change } = input;
      const payload =
        kind === 'add_line'
          ? {
              line: toDomainLine({
                ...input.line,
                id: newId(),
                agreementId,
                position: 0,
                createdAt: new Date(),
                updatedAt: new Date(),
              }),
            }
          : change;
      return record(scope, agreementId, kind, payload, effectiveOn, note, null);
    },

    async reverse(
      scope: AccessScope,
      agreementId: string,
      amendmentId: string,
      body: { effectiveOn: string; note: string },
    ) {
      const [original] = await db
        .select()
        .from(agreementAmendments)
        .where(eq(agreementAmendments.id, amendmentId));
      if (!original || original.agreementId !== agreementId)
        throw notFound('NOT_FOUND', 'Amendment', amendmentId);
      return record(
        scope,
        agreementId,
        original.kind,
        original.payload,
        body.effectiveOn,
        body.note,
        amendmentId,
      );
    },
  };
}
