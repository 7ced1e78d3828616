import type {
  Agreement,
  AgreementKind,
  BillingCycle,
  BillingTiming,
  QuantitySource,
} from '../api/agreement-types';
import type { Unit } from '../api/catalog-types';
import { toDecimal } from '../money/money';

/**
 * The agreement editor's state: what the inputs hold, as typed (numbers and amounts are text until
 * saved). `toTerms` (draft-body.ts) turns it into the API's body.
 */

export type LineDraft = {
  /** Stable React key; not sent. */
  key: string;
  description: string;
  serviceId: string | null;
  planId: string | null;
  productId: string | null;
  categories: string[];
  quantity: string;
  unitPrice: string;
  unit: Unit;
  quantitySource: QuantitySource;
  recurring: boolean;
};

export type ExclusionDraft = {
  key: string;
  category: string;
  workType: string;
  description: string;
  hourlyRate: string;
};

export type AgreementDraft = {
  kind: AgreementKind;
  name: string;
  startDate: string;
  endDate: string;
  minimumTermMonths: string;
  autoRenew: boolean;
  renewalTermMonths: string;
  noticeDays: string;
  cycle: BillingCycle;
  timing: BillingTiming;
  paymentTermsDays: string;
  partOfEnvironment: string;
  coveredCategories: string[];
  coveredWorkTypes: string[];
  exclusions: ExclusionDraft[];
  outOfScopeRate: string;
  afterHoursMultiplier: string;
  hasBlockHours: boolean;
  blockHoursPerPeriod: string;
  blockRollover: boolean;
  blockOverageRate: string;
  retainerAmount: string;
  slaPolicyId: string;
  complianceFrameworks: string[];
  terminationNoticeDays: string;
  earlyTerminationFee: string;
  notes: string;
  lines: LineDraft[];
};

export const today = () => new Date().toISOString().slice(0, 10);

let keys = 0;
export const newKey = () => `k${++keys}`;

export function emptyLine(): LineDraft {
  return {
    key: newKey(),
    description: '',
    serviceId: null,
    planId: null,
    productId: null,
    categories: [],
    quantity: '1',
    unitPrice: '',
    unit: 'per_user',
    quantitySource: 'entered',
    recurring: true,
  };
}

export const emptyExclusion = (): ExclusionDraft => ({
  key: newKey(),
  category: '',
  workType: '',
  description: '',
  hourlyRate: '',
});

/** A new agreement with the terms most MSP contracts start from. */
export function emptyDraft(kind: AgreementKind = 'managed'): AgreementDraft {
  return withKindDefaults(
    {
      kind,
      name: '',
      startDate: today(),
      endDate: '',
      minimumTermMonths: '12',
      autoRenew: true,
      renewalTermMonths: '12',
      noticeDays: '30',
      cycle: 'monthly',
      timing: 'advance',
      paymentTermsDays: '30',
      partOfEnvironment: '',
      coveredCategories: [],
      coveredWorkTypes: [],
      exclusions: [],
      outOfScopeRate: '',
      afterHoursMultiplier: '1.5',
      hasBlockHours: false,
      blockHoursPerPeriod: '10',
      blockRollover: false,
      blockOverageRate: '',
      retainerAmount: '',
      slaPolicyId: '',
      complianceFrameworks: [],
      terminationNoticeDays: '30',
      earlyTerminationFee: '0',
      notes: '',
      lines: [],
    },
    kind,
  );
}

/** Choosing a kind on a new agreement sets the terms that kind implies (hours are billed in arrears). */
export function withKindDefaults(draft: AgreementDraft, kind: AgreementKind): AgreementDraft {
  const perIntervention = kind === 'time_materials' || kind === 'project';
  return {
    ...draft,
    kind,
    hasBlockHours: kind === 'block_hours' ? true : draft.hasBlockHours && kind !== 'retainer',
    timing: perIntervention ? 'arrears' : draft.timing,
    minimumTermMonths: perIntervention && draft.minimumTermMonths === '12' ? '0' : draft.minimumTermMonths,
  };
}

export function fromAgreement(a: Agreement, currency: string | null): AgreementDraft {
  const money = (minor: number | null) => toDecimal(minor, currency);
  return {
    kind: a.kind,
    name: a.name,
    startDate: a.startDate,
    endDate: a.endDate ?? '',
    minimumTermMonths: String(a.minimumTermMonths),
    autoRenew: a.autoRenew,
    renewalTermMonths: String(a.renewalTermMonths),
    noticeDays: String(a.noticeDays),
    cycle: a.billing.cycle,
    timing: a.billing.timing,
    paymentTermsDays: String(a.billing.paymentTermsDays),
    partOfEnvironment: a.partOfEnvironment ?? '',
    coveredCategories: a.coveredCategories,
    coveredWorkTypes: a.coveredWorkTypes,
    exclusions: a.exclusions.map((e) => ({
      key: newKey(),
      category: e.category ?? '',
      workType: e.workType ?? '',
      description: e.description,
      hourlyRate: money(e.hourlyRate),
    })),
    outOfScopeRate: money(a.outOfScopeRate),
    afterHoursMultiplier: String(a.afterHoursMultiplier),
    hasBlockHours: a.blockHours !== null,
    blockHoursPerPeriod: String(a.blockHours?.hoursPerPeriod ?? 10),
    blockRollover: a.blockHours?.rollover ?? false,
    blockOverageRate: money(a.blockHours?.overageRate ?? null),
    retainerAmount: money(a.retainerAmount),
    slaPolicyId: a.slaPolicyId ?? '',
    complianceFrameworks: a.complianceFrameworks,
    terminationNoticeDays: String(a.termination.noticeDays),
    earlyTerminationFee: money(a.termination.earlyTerminationFee),
    notes: a.notes ?? '',
    lines: a.lines.map(({ id: _id, ...l }) => ({
      ...l,
      key: newKey(),
      quantity: String(l.quantity),
      unitPrice: money(l.unitPrice),
    })),
  };
}
