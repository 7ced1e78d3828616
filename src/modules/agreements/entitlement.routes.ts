import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { openingBalances } from '../../domain/entitlement/balances.js';
import { decideEntitlement } from '../../domain/entitlement/decide.js';
import { EntitlementValidationError } from '../../domain/entitlement/errors.js';
import type { WorkTypeRate, WorkUnit } from '../../domain/entitlement/types.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import { AppError, notFound } from '../../platform/errors.js';
import { scopeOfRequest } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import type { AgreementsService } from './agreements.service.js';

const Instant = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 instant with a zone, e.g. 2026-03-02T09:00:00+01:00');
const CheckBody = z.strictObject({
  clientId: z.uuid(),
  category: z.string().max(40).nullable().default(null).describe('Service category code, e.g. helpdesk'),
  workType: z.string().min(1).max(40).describe('Work type code, e.g. remote'),
  start: Instant,
  end: Instant,
  agreementHint: z.uuid().nullable().optional(),
  internal: z.boolean().optional(),
});

/** The outcome as the rule gives it: one kind, the amounts, and the rule that decided. */
const OutcomeResponse = z
  .object({
    kind: z.enum(['covered', 'block', 'retainer', 'out_of_scope', 'time_materials', 'internal']),
    agreementId: z.uuid().nullable().optional(),
    minutes: z.number().int(),
    afterHours: z.boolean(),
    afterHoursMinutes: z.number().int(),
    billableAmount: z.number().int().describe('Minor units'),
    rule: z.object({ code: z.string(), explanation: z.string() }),
  })
  .catchall(z.unknown());

export type EntitlementDeps = {
  clientTimeZone(scope: AccessScope, clientId: string): Promise<string | null>;
  workTypes(): Promise<WorkTypeRate[]>;
};

/** Until time entries exist nothing has been drawn this period, so balances are the opening ones. */
export function createEntitlementService(agreements: AgreementsService, deps: EntitlementDeps) {
  return {
    async check(scope: AccessScope, unit: WorkUnit) {
      const timeZone = await deps.clientTimeZone(scope, unit.clientId);
      if (!timeZone) throw notFound('CLIENT_NOT_FOUND', 'Client', unit.clientId);
      const [all, workTypes] = await Promise.all([
        agreements.forClient(unit.clientId, unit.start.slice(0, 10)),
        deps.workTypes(),
      ]);
      try {
        return decideEntitlement(unit, { timeZone, agreements: all, workTypes, ...openingBalances(all) });
      } catch (err) {
        if (err instanceof EntitlementValidationError) {
          throw new AppError(
            'VALIDATION_FAILED',
            err.message,
            err.fields.map((f) => ({ field: `body.${f.field}`, message: f.message, code: f.code })),
          );
        }
        throw err;
      }
    },
  };
}
export type EntitlementService = ReturnType<typeof createEntitlementService>;

export function entitlementRoutes(app: FastifyInstance, entitlement: EntitlementService) {
  typed(app).post(
    '/api/v1/entitlement/check',
    {
      config: { access: { permission: 'agreements:read', staffOnly: true }, readOnly: true },
      schema: {
        tags: ['entitlement'],
        summary: 'Which agreement covers a piece of work, or what it bills, and why',
        body: CheckBody,
        response: { 200: OutcomeResponse },
      },
    },
    (req) => entitlement.check(scopeOfRequest(req), req.body),
  );
}
