/** Shapes of the agreements, amendments and classification API. Money is integer minor units. */
import type { Unit } from './catalog-types';

export type AgreementKind =
  | 'managed'
  | 'block_hours'
  | 'retainer'
  | 'time_materials'
  | 'subscription'
  | 'licence_resale'
  | 'project';
export type AgreementStatus = 'draft' | 'active' | 'suspended' | 'expired' | 'terminated';
export type QuantitySource = 'entered' | 'active_contacts' | 'managed_assets' | 'sites';
export type BillingCycle = 'monthly' | 'quarterly' | 'annual';
export type BillingTiming = 'advance' | 'arrears';

export type LineInput = {
  description: string;
  serviceId: string | null;
  planId: string | null;
  productId: string | null;
  categories: string[];
  quantity: number;
  /** Per unit per month, minor units. */
  unitPrice: number;
  unit: Unit;
  quantitySource: QuantitySource;
  recurring: boolean;
};
export type Line = LineInput & { id: string };

export type Exclusion = {
  category: string | null;
  workType: string | null;
  description: string;
  hourlyRate: number;
};

export type BlockHours = { hoursPerPeriod: number; rollover: boolean; overageRate: number };

/** Every term of an agreement that can be written; the server fills in what is left out. */
export type AgreementTerms = {
  name: string;
  startDate: string;
  endDate: string | null;
  minimumTermMonths: number;
  autoRenew: boolean;
  renewalTermMonths: number;
  noticeDays: number;
  billing: { cycle: BillingCycle; timing: BillingTiming; paymentTermsDays: number };
  partOfEnvironment: string | null;
  coveredCategories: string[];
  coveredWorkTypes: string[];
  exclusions: Exclusion[];
  outOfScopeRate: number | null;
  afterHoursMultiplier: number;
  blockHours: BlockHours | null;
  retainerAmount: number | null;
  slaPolicyId: string | null;
  complianceFrameworks: string[];
  termination: { noticeDays: number; earlyTerminationFee: number };
  notes: string;
};

export type CreateAgreementInput = AgreementTerms & {
  clientId: string;
  kind: AgreementKind;
  lines: LineInput[];
};
/** Lines may only be sent while the agreement is a draft; signed ones change by amendments. */
export type UpdateAgreementInput = Partial<AgreementTerms> & { lines?: LineInput[] };

export type Agreement = Omit<AgreementTerms, 'notes' | 'partOfEnvironment'> & {
  id: string;
  clientId: string;
  kind: AgreementKind;
  status: AgreementStatus;
  signedOn: string | null;
  signedBy: string | null;
  partOfEnvironment?: string | null;
  /** Absent for portal users: internal notes stay with the MSP. */
  notes?: string;
  lines: Line[];
  asOf: string;
  mrr: number;
  renewalDate: string | null;
  noticeDeadline: string | null;
  createdAt: string;
  updatedAt: string;
};

export type LifecycleAction = 'activate' | 'suspend' | 'resume' | 'renew' | 'terminate' | 'expire';

export type AgreementEvent = {
  id: string;
  kind: string;
  on: string;
  reason: string;
  details: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
};

type Dated = { effectiveOn: string; note: string };
export type AmendmentInput = Dated &
  (
    | { kind: 'set_quantity'; lineId: string; quantity: number }
    | { kind: 'set_price'; lineId: string; unitPrice: number }
    | { kind: 'add_line'; line: LineInput }
    | { kind: 'remove_line'; lineId: string }
    | {
        kind: 'change_plan';
        lineId: string;
        planId: string | null;
        categories: string[];
        unitPrice: number;
        description: string;
      }
  );
export type AmendmentKind = AmendmentInput['kind'];

export type Amendment = {
  id: string;
  kind: AmendmentKind;
  effectiveOn: string;
  reverses: string | null;
  note: string;
  change: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
};

export type ClientKind =
  | 'contract'
  | 'single_service'
  | 'subscription'
  | 'reseller'
  | 'hybrid'
  | 'break_fix'
  | 'prospect';

export type Check = { code: string; passed: boolean; message: string; fix: string | null };

export type Classification = {
  clientId: string;
  asOf: string;
  kind: ClientKind;
  mrr: number;
  checks: Check[];
  decidingAgreementId: string | null;
};

export type ClassificationSummary = {
  asOf: string;
  total: { count: number; mrr: number };
  byKind: Record<ClientKind, { count: number; mrr: number; failingOne: number }>;
  clients: {
    clientId: string;
    name: string;
    kind: ClientKind;
    mrr: number;
    failing: Omit<Check, 'passed'>[];
    failsOne: boolean;
  }[];
};
