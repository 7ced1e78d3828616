import type { Agreement, AgreementLine } from '../../domain/agreements/types.js';
import type { CreateAgreementInput, LineInput, UpdateAgreementInput } from './agreements.schemas.js';
import type { agreementLines, agreements } from './agreements.tables.js';

export type AgreementRow = typeof agreements.$inferSelect;
export type LineRow = typeof agreementLines.$inferSelect;

/** A stored agreement as the pure rules read it. */
export function toDomain(row: AgreementRow, lines: LineRow[]): Agreement {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    kind: row.kind,
    status: row.status,
    signedOn: row.signedOn,
    signedBy: row.signedBy,
    startDate: row.startDate,
    endDate: row.endDate,
    minimumTermMonths: row.minimumTermMonths,
    autoRenew: row.autoRenew,
    renewalTermMonths: row.renewalTermMonths,
    noticeDays: row.noticeDays,
    billing: { cycle: row.billingCycle, timing: row.billingTiming, paymentTermsDays: row.paymentTermsDays },
    lines: lines.map(toDomainLine),
    partOfEnvironment: row.partOfEnvironment,
    coveredCategories: row.coveredCategories,
    coveredWorkTypes: row.coveredWorkTypes,
    exclusions: row.exclusions,
    outOfScopeRate: row.outOfScopeRate,
    afterHoursMultiplier: row.afterHoursPercent / 100,
    blockHours:
      row.blockMinutesPerPeriod === null
        ? null
        : {
            hoursPerPeriod: row.blockMinutesPerPeriod / 60,
            rollover: row.blockRollover,
            overageRate: row.blockOverageRate ?? 0,
          },
    retainerAmount: row.retainerAmount,
    slaPolicyId: row.slaPolicyId,
    availabilityTargetPercent:
      row.availabilityTargetMilliPercent === null ? null : row.availabilityTargetMilliPercent / 1000,
    complianceFrameworks: row.complianceFrameworks,
    termination: { noticeDays: row.terminationNoticeDays, earlyTerminationFee: row.earlyTerminationFee },
  };
}

export const toDomainLine = (l: LineRow): AgreementLine => ({
  id: l.id,
  description: l.description,
  serviceId: l.serviceId,
  planId: l.planId,
  productId: l.productId,
  categories: l.categories,
  quantity: l.quantity,
  unitPrice: l.unitPrice,
  unit: l.unit,
  quantitySource: l.quantitySource,
  recurring: l.recurring,
});

/** The columns an API body sets; undefined fields are left as they are. */
export function toColumns(
  input: Partial<Omit<CreateAgreementInput, 'lines' | 'clientId' | 'kind'>> | UpdateAgreementInput,
) {
  const c: Partial<typeof agreements.$inferInsert> = {};
  const set = <K extends keyof typeof c>(key: K, value: (typeof c)[K] | undefined) => {
    if (value !== undefined) c[key] = value;
  };
  set('name', input.name);
  set('startDate', input.startDate);
  set('endDate', input.endDate);
  set('minimumTermMonths', input.minimumTermMonths);
  set('autoRenew', input.autoRenew);
  set('renewalTermMonths', input.renewalTermMonths);
  set('noticeDays', input.noticeDays);
  set('billingCycle', input.billing?.cycle);
  set('billingTiming', input.billing?.timing);
  set('paymentTermsDays', input.billing?.paymentTermsDays);
  set('partOfEnvironment', input.partOfEnvironment);
  set('coveredCategories', input.coveredCategories);
  set('coveredWorkTypes', input.coveredWorkTypes);
  set('exclusions', input.exclusions);
  set('outOfScopeRate', input.outOfScopeRate);
  if (input.afterHoursMultiplier !== undefined)
    c.afterHoursPercent = Math.round(input.afterHoursMultiplier * 100);
  if (input.blockHours !== undefined) {
    c.blockMinutesPerPeriod = input.blockHours ? Math.round(input.blockHours.hoursPerPeriod * 60) : null;
    c.blockRollover = input.blockHours?.rollover ?? false;
    c.blockOverageRate = input.blockHours?.overageRate ?? null;
  }
  set('retainerAmount', input.retainerAmount);
  set('slaPolicyId', input.slaPolicyId);
  // Kept in thousandths of a percent so 99.999 is stored exactly.
  if (input.availabilityTargetPercent !== undefined)
    c.availabilityTargetMilliPercent =
      input.availabilityTargetPercent === null ? null : Math.round(input.availabilityTargetPercent * 1000);
  set('complianceFrameworks', input.complianceFrameworks);
  set('terminationNoticeDays', input.termination?.noticeDays);
  set('earlyTerminationFee', input.termination?.earlyTerminationFee);
  set('notes', input.notes);
  return c;
}

export const lineColumns = (agreementId: string, lines: LineInput[]) =>
  lines.map((l, position) => ({ ...l, agreementId, position }));
