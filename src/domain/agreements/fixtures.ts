/**
 * Small factories for agreements and lines, for tests, benchmarks and demo data: every field has a
 * plain default (an active, signed, 12-month managed agreement with one empty line list), and the
 * caller overrides what the case is about.
 */
import type { Agreement, AgreementLine } from './types.js';

export function buildLine(overrides: Partial<AgreementLine> = {}): AgreementLine {
  return {
    id: 'line-1',
    description: 'Managed workstation',
    serviceId: null,
    planId: null,
    productId: null,
    categories: [],
    quantity: 1,
    unitPrice: 0,
    unit: 'flat',
    quantitySource: 'entered',
    recurring: true,
    ...overrides,
  };
}

export function buildAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 'agr-1',
    clientId: 'client-1',
    name: 'Managed IT',
    kind: 'managed',
    status: 'active',
    signedOn: '2025-01-10',
    signedBy: 'Client director',
    startDate: '2025-02-01',
    endDate: null,
    minimumTermMonths: 12,
    autoRenew: true,
    renewalTermMonths: 12,
    noticeDays: 60,
    billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 30 },
    lines: [],
    partOfEnvironment: null,
    coveredCategories: [],
    coveredWorkTypes: [],
    exclusions: [],
    outOfScopeRate: null,
    afterHoursMultiplier: 1.5,
    blockHours: null,
    retainerAmount: null,
    slaPolicyId: 'sla-standard',
    complianceFrameworks: [],
    termination: { noticeDays: 90, earlyTerminationFee: 0 },
    ...overrides,
  };
}
