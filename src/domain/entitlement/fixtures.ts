/**
 * Small factories for entitlement tests and the benchmark: a managed agreement for helpdesk,
 * monitoring and patching done remotely, a Paris client, and one hour of remote helpdesk on a
 * Tuesday morning; each case overrides what it is about.
 */
import type { AgreementLine, Exclusion } from '../agreements/types.js';
import type { EntitlementAgreement, EntitlementContext, WorkTypeRate, WorkUnit } from './types.js';

export const workTypes: WorkTypeRate[] = [
  { code: 'remote', billable: true, defaultRate: 9_000, internal: false },
  { code: 'onsite', billable: true, defaultRate: 12_000, internal: false },
  { code: 'project', billable: true, defaultRate: 15_000, internal: false },
  { code: 'training', billable: false, defaultRate: 0, internal: true },
  { code: 'warranty', billable: false, defaultRate: 9_000, internal: false },
];

export function agreement(overrides: Partial<EntitlementAgreement> = {}): EntitlementAgreement {
  return {
    id: 'm1',
    clientId: 'client-1',
    name: 'Managed IT',
    kind: 'managed',
    status: 'active',
    signedOn: '2023-12-15',
    signedBy: 'Client director',
    startDate: '2024-01-01',
    endDate: null,
    minimumTermMonths: 12,
    autoRenew: true,
    renewalTermMonths: 12,
    noticeDays: 60,
    billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 30 },
    lines: [],
    coveredCategories: ['helpdesk', 'monitoring', 'patching'],
    coveredWorkTypes: ['remote'],
    exclusions: [],
    outOfScopeRate: 11_000,
    afterHoursMultiplier: 1.5,
    blockHours: null,
    retainerAmount: null,
    slaPolicyId: 'sla-standard',
    complianceFrameworks: [],
    termination: { noticeDays: 90, earlyTerminationFee: 0 },
    ...overrides,
  };
}

/** A block of 10 hours a month, overage at 120.00 an hour, usable for any work. */
export const blockAgreement = (overrides: Partial<EntitlementAgreement> = {}) =>
  agreement({
    id: 'b1',
    name: '10-hour block',
    kind: 'block_hours',
    coveredCategories: [],
    coveredWorkTypes: [],
    outOfScopeRate: null,
    blockHours: { hoursPerPeriod: 10, rollover: false, overageRate: 12_000 },
    ...overrides,
  });

/** A retainer priced at 100.00 an hour. */
export const retainerAgreement = (overrides: Partial<EntitlementAgreement> = {}) =>
  agreement({
    id: 'r1',
    name: 'Retainer',
    kind: 'retainer',
    coveredCategories: [],
    coveredWorkTypes: [],
    outOfScopeRate: null,
    retainerAmount: 500_000,
    hourlyRate: 10_000,
    ...overrides,
  });

/** Time & materials at 95.00 an hour (its one-off rate line). */
export const timeMaterialsAgreement = (overrides: Partial<EntitlementAgreement> = {}) =>
  agreement({
    id: 't1',
    name: 'Hourly support',
    kind: 'time_materials',
    coveredCategories: [],
    coveredWorkTypes: [],
    outOfScopeRate: null,
    afterHoursMultiplier: 2,
    lines: [
      {
        id: 'rate',
        description: 'Hourly rate',
        serviceId: null,
        planId: null,
        productId: null,
        categories: [],
        quantity: 1,
        unitPrice: 9_500,
        unit: 'flat',
        quantitySource: 'entered',
        recurring: false,
      },
    ],
    ...overrides,
  });

export function context(overrides: Partial<EntitlementContext> = {}): EntitlementContext {
  return {
    timeZone: 'Europe/Paris',
    agreements: [],
    workTypes,
    blockBalances: {},
    retainerBalances: {},
    ...overrides,
  };
}

/** One hour of remote helpdesk, Tuesday 12 March 2024 10:00–11:00 in Paris. */
export function work(overrides: Partial<WorkUnit> = {}): WorkUnit {
  return {
    clientId: 'client-1',
    category: 'helpdesk',
    workType: 'remote',
    start: '2024-03-12T09:00:00Z',
    end: '2024-03-12T10:00:00Z',
    ...overrides,
  };
}

/** Paris 18:00–19:00 on the same Tuesday: after hours. */
export const evening = { start: '2024-03-12T17:00:00Z', end: '2024-03-12T18:00:00Z' };

export const exclusion = (
  category: string | null,
  workType: string | null,
  hourlyRate: number,
): Exclusion => ({
  category,
  workType,
  hourlyRate,
  description: `no ${category ?? ''} ${workType ?? ''}`.trim(),
});

/** A recurring managed-helpdesk line: coverage carried by a line rather than declared. */
export const helpdeskLine: AgreementLine = {
  id: 'helpdesk',
  description: 'Helpdesk',
  serviceId: null,
  planId: null,
  productId: null,
  categories: ['helpdesk'],
  quantity: 1,
  unitPrice: 0,
  unit: 'flat',
  quantitySource: 'entered',
  recurring: true,
};
