/**
 * Entitlement for one entry, decided inside the transaction that writes it: the technician's other
 * entries are checked for overlap, and the balances of blocks and retainers are read from the
 * client's other entries of the period, both under advisory locks so two saves never read the same
 * balance or miss each other's overlap.
 */

import { decideEntitlement } from '../../domain/entitlement/decide.js';
import { EntitlementValidationError } from '../../domain/entitlement/errors.js';
import { multiplierMilli } from '../../domain/entitlement/rates.js';
import type { EntitlementOutcome } from '../../domain/entitlement/types.js';
import { balancesAfter, type Drawn, drawPeriod } from '../../domain/time/balances.js';
import { entryBilling } from '../../domain/time/billable.js';
import { ownWorkOutcome } from '../../domain/time/own-work.js';
import type { Tx } from '../../platform/db/store.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { drawnInPeriods, lockKey, overlappingEntry } from './time.queries.js';
import type { Draft } from './time-entry-draft.js';
import { unprocessable } from './time-entry-draft.js';

export type Override = { billable: boolean; reason: string } | null;

/** Refuses work that overlaps the technician's other entries (a person works on one thing at a time). */
export async function checkOverlap(tx: Tx, draft: Draft, excludeId: string | null) {
  await lockKey(tx, `time:technician:${draft.technicianId}`);
  const start = new Date(draft.span.start);
  const end = new Date(draft.span.end);
  const other = await overlappingEntry(tx, draft.technicianId, start, end, excludeId);
  if (other)
    throw new AppError(
      'CONFLICT',
      `The work overlaps entry ${other.id} (${other.startedAt.toISOString()} – ${other.endedAt.toISOString()}) of the same technician.`,
      [{ field: 'body.startedAt', message: `overlaps entry ${other.id}` }],
    );
}

/** The block and retainer periods an entry draws from: its drawing agreements' periods holding its work date. */
export function drawPeriods(draft: Draft): { agreementId: string; from: string; to: string }[] {
  if (!draft.clientId || !draft.deciding) return [];
  return draft.deciding.agreements
    .filter((a) => a.blockHours || a.retainerAmount !== null)
    .map((a) => ({ agreementId: a.id, ...drawPeriod(a.billing.cycle, draft.workDate) }));
}

/**
 * Entitlement's answer for an entry, given what the client's other entries already drew in its
 * periods: the pure half of the decision, shared by single saves and bulk imports.
 */
export function decideDraft(draft: Draft, drawn: Drawn): EntitlementOutcome {
  if (!draft.clientId || !draft.deciding) return ownWorkOutcome(draft.span.minutes);
  const { agreements } = draft.deciding;
  try {
    return decideEntitlement(
      {
        clientId: draft.clientId,
        category: draft.category,
        workType: draft.workType.code,
        start: new Date(draft.span.start).toISOString(),
        end: new Date(draft.span.end).toISOString(),
        agreementHint: draft.agreementHint,
      },
      {
        timeZone: draft.timeZone,
        businessHours: draft.deciding.businessHours,
        holidays: draft.deciding.holidays,
        agreements,
        workTypes: [draft.workType],
        ...balancesAfter(agreements, drawn),
      },
    );
  } catch (err) {
    if (err instanceof EntitlementValidationError)
      throw unprocessable(
        err.fields.map((f) => ({ field: `body.${f.field}`, message: f.message, code: f.code })),
      );
    throw err;
  }
}

async function decide(tx: Tx, draft: Draft, excludeId: string | null): Promise<EntitlementOutcome> {
  const periods = drawPeriods(draft);
  if (periods.length) await lockKey(tx, `time:draws:${draft.clientId}`);
  return decideDraft(draft, await drawnInPeriods(tx, periods, excludeId));
}

/** An override stands only with a reason; one that agrees with the decision needs none and is not kept. */
export function overrideOf(
  requested: boolean | null | undefined,
  reason: string | undefined,
  kept: Override,
  decided: boolean,
): Override {
  if (requested === null) return null;
  if (requested === undefined) return kept;
  if (reason) return { billable: requested, reason };
  if (requested === decided) return null;
  if (kept && kept.billable === requested) return kept;
  const fields: FieldError[] = [
    { field: 'body.billableReason', message: 'say why entitlement’s decision is overridden' },
  ];
  throw unprocessable(fields);
}

/** The entitlement and billing columns of an entry, from entitlement's answer and any override. */
export function columnsOf(
  draft: Draft,
  outcome: EntitlementOutcome,
  override: (decided: boolean) => Override,
) {
  const firstPass = entryBilling(outcome, null, draft.workType.defaultRate);
  const chosen = override(firstPass.decided);
  const billing = entryBilling(outcome, chosen?.billable ?? null, draft.workType.defaultRate);
  return {
    minutes: outcome.minutes,
    outcomeKind: outcome.kind,
    ruleCode: outcome.rule.code,
    ruleExplanation: outcome.rule.explanation,
    agreementId: 'agreementId' in outcome ? outcome.agreementId : null,
    rate: billing.rate,
    afterHours: outcome.afterHours,
    afterHoursMinutes: outcome.afterHoursMinutes,
    afterHoursMultiplierMilli: multiplierMilli(billing.afterHoursMultiplier, 'afterHoursMultiplier'),
    drawnMinutes: outcome.kind === 'block' ? outcome.minutesDrawn : 0,
    drawnAmount: outcome.kind === 'retainer' ? outcome.amountDrawn : 0,
    entitlement: outcome,
    billableDecided: billing.decided,
    billable: billing.billable,
    billableOverride: chosen?.billable ?? null,
    billableOverrideReason: chosen?.reason ?? null,
    amount: billing.amount,
  };
}

/** The entitlement and billing columns of an entry. */
export async function entitlementColumns(
  tx: Tx,
  draft: Draft,
  excludeId: string | null,
  override: (decided: boolean) => Override,
) {
  return columnsOf(draft, await decide(tx, draft, excludeId), override);
}
