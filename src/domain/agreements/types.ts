/**
 * The agreement model every pure rule reads: what an MSP contract says, as plain data. Money is in
 * integer minor units (cents); dates are calendar dates 'YYYY-MM-DD' in the client's time zone.
 */

/** Built-in service categories; MSPs add their own codes (lowercase, a-z0-9 and -). */
export const builtInCategories = [
  'monitoring',
  'patching',
  'backup',
  'helpdesk',
  'security',
  'email',
  'network',
  'vcio',
  'licences',
] as const;
export type CategoryCode = string;

export const agreementKinds = [
  'managed',
  'block_hours',
  'retainer',
  'time_materials',
  'subscription',
  'licence_resale',
  'project',
] as const;
export type AgreementKind = (typeof agreementKinds)[number];

export const agreementStatuses = ['draft', 'active', 'suspended', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const lineUnits = ['per_user', 'per_device', 'per_site', 'flat'] as const;
export type LineUnit = (typeof lineUnits)[number];

/** Where a line's quantity comes from at bill time: typed in, or counted. */
export const quantitySources = ['entered', 'active_contacts', 'managed_assets', 'sites'] as const;
export type QuantitySource = (typeof quantitySources)[number];

export type AgreementLine = {
  id: string;
  description: string;
  serviceId: string | null;
  planId: string | null;
  productId: string | null;
  /** Service categories this line delivers (a plan line carries all of its services' categories). */
  categories: CategoryCode[];
  quantity: number;
  /** Price per unit per month, minor units. */
  unitPrice: number;
  unit: LineUnit;
  quantitySource: QuantitySource;
  /** Recurring lines make up the monthly recurring value; one-off lines (setup fees) do not. */
  recurring: boolean;
};

export type Exclusion = {
  /** What is excluded: a category, a work type, or both (both must match). */
  category: CategoryCode | null;
  workType: string | null;
  description: string;
  /** Hourly rate for the excluded work, minor units. */
  hourlyRate: number;
};

export type BlockHours = {
  hoursPerPeriod: number;
  rollover: boolean;
  /** Hourly rate beyond the block's balance, minor units. */
  overageRate: number;
};

export type Agreement = {
  id: string;
  clientId: string;
  name: string;
  kind: AgreementKind;
  status: AgreementStatus;
  signedOn: string | null;
  signedBy: string | null;
  startDate: string;
  /** Set once terminated or expired; null while open-ended. */
  endDate: string | null;
  minimumTermMonths: number;
  autoRenew: boolean;
  renewalTermMonths: number;
  noticeDays: number;
  billing: {
    cycle: 'monthly' | 'quarterly' | 'annual';
    timing: 'advance' | 'arrears';
    paymentTermsDays: number;
  };
  lines: AgreementLine[];
  /**
   * The part of the client's environment the agreement covers when it is not all of it (e.g.
   * 'Head-office servers'); absent, null or blank = the whole environment. A managed agreement for
   * part of the environment plus pay-per-hour work for the rest is what makes a hybrid client.
   */
  partOfEnvironment?: string | null;
  coveredCategories: CategoryCode[];
  coveredWorkTypes: string[];
  exclusions: Exclusion[];
  /** Hourly rate for work outside the scope, minor units; null falls back to the work type's rate. */
  outOfScopeRate: number | null;
  /** Multiplier on billable rates outside business hours, e.g. 1.5. */
  afterHoursMultiplier: number;
  blockHours: BlockHours | null;
  /** Prepaid money for retainer agreements, minor units. */
  retainerAmount: number | null;
  slaPolicyId: string | null;
  /**
   * The availability the SLA promises for monitored services, in percent per calendar month (e.g.
   * 99.9), at most 3 decimals; null or absent: none promised.
   */
  availabilityTargetPercent?: number | null;
  complianceFrameworks: string[];
  termination: { noticeDays: number; earlyTerminationFee: number };
};

/** Monthly recurring value of one agreement: recurring lines, quantity × monthly unit price. */
export function monthlyRecurringValue(agreement: Pick<Agreement, 'lines'>): number {
  let total = 0;
  for (const line of agreement.lines) if (line.recurring) total += Math.round(line.quantity * line.unitPrice);
  return total;
}

/** The categories an agreement delivers: its declared coverage plus what its lines carry. */
export function deliveredCategories(
  agreement: Pick<Agreement, 'coveredCategories' | 'lines'>,
): Set<CategoryCode> {
  const out = new Set(agreement.coveredCategories);
  for (const line of agreement.lines) for (const c of line.categories) out.add(c);
  return out;
}

/** Statuses of an agreement that has ended: it was in force up to its end date (both dates included). */
const ended: readonly AgreementStatus[] = ['expired', 'terminated'];

/**
 * Whether an agreement is in force on a date: started and not ended, and active — or since expired or
 * terminated, which leaves it in force up to its end date (work done before then is judged by what
 * was in force then). A draft never is; a suspended one is not, as when its suspension began is not
 * recorded.
 */
export function inForce(agreement: Pick<Agreement, 'status' | 'startDate' | 'endDate'>, on: string): boolean {
  if (agreement.startDate > on || (agreement.endDate !== null && agreement.endDate < on)) return false;
  return agreement.status === 'active' || (ended.includes(agreement.status) && agreement.endDate !== null);
}
