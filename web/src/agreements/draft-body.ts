import type { AgreementTerms, LineInput } from '../api/agreement-types';
import { parseMoney } from '../money/money';
import type { AgreementDraft, LineDraft } from './draft';

/**
 * From what the editor holds to the API's body. Every field that cannot be read is named by its path
 * in the body ("lines.0.unitPrice"), the same key the server's field errors use, so one map shows both.
 */

/** Reads typed text as numbers and amounts, collecting a message per field it cannot read. */
export function reader(currency: string | null) {
  const errors = new Map<string, string>();
  const fail = (path: string, message: string) => {
    if (!errors.has(path)) errors.set(path, message);
    return 0;
  };
  return {
    errors,
    whole(path: string, text: string): number {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fail(path, 'enter a whole number');
    },
    decimal(path: string, text: string): number {
      const n = Number(text.trim().replace(',', '.'));
      return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : fail(path, 'enter a number');
    },
    money(path: string, text: string): number {
      const n = parseMoney(text, currency);
      return n === null || Number.isNaN(n) ? fail(path, 'enter an amount, e.g. 99.50') : n;
    },
    moneyOrNull(path: string, text: string): number | null {
      const n = parseMoney(text, currency);
      return Number.isNaN(n) ? fail(path, 'enter an amount, e.g. 99.50') : n;
    },
  };
}

export function toLine(l: LineDraft, path: string, read: ReturnType<typeof reader>): LineInput {
  if (!l.description.trim()) read.errors.set(`${path}.description`, 'describe the line');
  return {
    description: l.description.trim(),
    serviceId: l.serviceId,
    planId: l.planId,
    productId: l.productId,
    categories: l.categories,
    quantity: read.whole(`${path}.quantity`, l.quantity),
    unitPrice: read.money(`${path}.unitPrice`, l.unitPrice),
    unit: l.unit,
    quantitySource: l.quantitySource,
    recurring: l.recurring,
  };
}

/** The terms as the API takes them, or the fields that need fixing first. */
export function toTerms(d: AgreementDraft, currency: string | null) {
  const read = reader(currency);
  const terms: AgreementTerms = {
    name: d.name.trim(),
    startDate: d.startDate,
    endDate: d.endDate || null,
    minimumTermMonths: read.whole('minimumTermMonths', d.minimumTermMonths),
    autoRenew: d.autoRenew,
    renewalTermMonths: read.whole('renewalTermMonths', d.renewalTermMonths),
    noticeDays: read.whole('noticeDays', d.noticeDays),
    billing: {
      cycle: d.cycle,
      timing: d.timing,
      paymentTermsDays: read.whole('billing.paymentTermsDays', d.paymentTermsDays),
    },
    partOfEnvironment: d.partOfEnvironment.trim() || null,
    coveredCategories: d.coveredCategories,
    coveredWorkTypes: d.coveredWorkTypes,
    exclusions: d.exclusions.map((e, i) => {
      if (!e.category && !e.workType) read.errors.set(`exclusions.${i}`, 'name a category or a work type');
      if (!e.description.trim()) read.errors.set(`exclusions.${i}.description`, 'describe the exclusion');
      return {
        category: e.category || null,
        workType: e.workType || null,
        description: e.description.trim(),
        hourlyRate: read.money(`exclusions.${i}.hourlyRate`, e.hourlyRate),
      };
    }),
    outOfScopeRate: read.moneyOrNull('outOfScopeRate', d.outOfScopeRate),
    afterHoursMultiplier: read.decimal('afterHoursMultiplier', d.afterHoursMultiplier),
    blockHours: d.hasBlockHours
      ? {
          hoursPerPeriod: read.decimal('blockHours.hoursPerPeriod', d.blockHoursPerPeriod),
          rollover: d.blockRollover,
          overageRate: read.money('blockHours.overageRate', d.blockOverageRate),
        }
      : null,
    retainerAmount: read.moneyOrNull('retainerAmount', d.retainerAmount),
    slaPolicyId: d.slaPolicyId.trim() || null,
    complianceFrameworks: d.complianceFrameworks,
    termination: {
      noticeDays: read.whole('termination.noticeDays', d.terminationNoticeDays),
      earlyTerminationFee: read.money('termination.earlyTerminationFee', d.earlyTerminationFee),
    },
    notes: d.notes,
  };
  const lines = d.lines.map((l, i) => toLine(l, `lines.${i}`, read));
  if (!terms.name) read.errors.set('name', 'give the agreement a name');
  if (!terms.startDate) read.errors.set('startDate', 'enter the start date');
  return { terms, lines, errors: read.errors };
}
