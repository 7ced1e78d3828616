import { describe, expect, it } from 'vitest';
import { buildAgreement, buildLine } from '../agreements/fixtures.js';
import type { Agreement } from '../agreements/types.js';
import { type BillingFacts, type ClientKind, classifyClient } from './classify.js';
import type { CriterionCode } from './facts.js';

const asOf = '2026-03-15';
const stack = ['monitoring', 'patching', 'backup', 'helpdesk', 'security'];
const none: BillingFacts = { oneOffInvoices: 0, billedHours: 0 };

/** A managed agreement meeting every default criterion: 20 users × 150.00 = 3,000.00 a month. */
const managed = (o: Partial<Agreement> = {}) =>
  buildAgreement({
    id: 'managed',
    lines: [buildLine({ id: 'seats', categories: stack, quantity: 20, unitPrice: 15_000, unit: 'per_user' })],
    ...o,
  });
const seats = (quantity: number, unitPrice: number, categories = stack) => [
  buildLine({ id: 'seats', categories, quantity, unitPrice, unit: 'per_user' }),
];
const timeMaterials = (o: Partial<Agreement> = {}) =>
  buildAgreement({ id: 'hourly', kind: 'time_materials', minimumTermMonths: 0, slaPolicyId: null, ...o });
const backupSubscription = buildAgreement({
  id: 'backup',
  kind: 'subscription',
  signedOn: null,
  minimumTermMonths: 0,
  slaPolicyId: null,
  lines: [buildLine({ id: 'b', categories: ['backup'], quantity: 1, unitPrice: 9_900 })],
});
const licences = buildAgreement({
  id: 'm365',
  kind: 'licence_resale',
  slaPolicyId: null,
  lines: [buildLine({ id: 'l', categories: ['licences'], quantity: 20, unitPrice: 1_250, unit: 'per_user' })],
});

type Case = {
  name: string;
  agreements: Agreement[];
  billing?: BillingFacts;
  kind: ClientKind;
  mrr: number;
  failing: CriterionCode[];
  deciding: string | null;
  /** Expected [message, fix] of some checks. */
  says?: Partial<Record<CriterionCode, [string, string | null]>>;
};

const cases: Case[] = [
  {
    name: 'full managed contract',
    agreements: [managed()],
    kind: 'contract',
    mrr: 300_000,
    failing: [],
    deciding: 'managed',
  },
  {
    name: 'backup-only monthly client',
    agreements: [backupSubscription],
    kind: 'subscription',
    mrr: 9_900,
    failing: ['SIGNED', 'MINIMUM_TERM', 'SLA', 'FULL_STACK', 'MINIMUM_MRR'],
    deciding: 'backup',
    says: {
      FULL_STACK: [
        'covers backup only: add monitoring, patching, helpdesk, security',
        'add monitoring, patching, helpdesk, security',
      ],
      SIGNED: ['not signed', 'record the signature (signed on, signed by)'],
      MINIMUM_TERM: ['term 0 months < policy 12', 'set a minimum term of at least 12 months'],
    },
  },
  {
    name: 'licences only',
    agreements: [licences],
    kind: 'reseller',
    mrr: 25_000,
    failing: ['SLA', 'FULL_STACK', 'MINIMUM_MRR'],
    deciding: 'm365',
  },
  {
    name: 'signed contract for mail filtering only',
    agreements: [managed({ lines: seats(25, 300, ['email']) })],
    kind: 'single_service',
    mrr: 7_500,
    failing: ['FULL_STACK', 'MINIMUM_MRR'],
    deciding: 'managed',
    says: {
      FULL_STACK: [
        'covers email only: add monitoring, patching, backup, helpdesk, security',
        'add monitoring, patching, backup, helpdesk, security',
      ],
    },
  },
  {
    name: 'full stack but no SLA',
    agreements: [managed({ slaPolicyId: null })],
    kind: 'single_service',
    mrr: 300_000,
    failing: ['SLA'],
    deciding: 'managed',
    says: { SLA: ['no SLA', 'attach an SLA'] },
  },
  {
    name: 'full stack with a 6-month term',
    agreements: [managed({ minimumTermMonths: 6 })],
    kind: 'single_service',
    mrr: 300_000,
    failing: ['MINIMUM_TERM'],
    deciding: 'managed',
    says: { MINIMUM_TERM: ['term 6 months < policy 12', 'set a minimum term of at least 12 months'] },
  },
  {
    name: 'full stack under the monthly minimum',
    agreements: [managed({ lines: seats(10, 14_500) })],
    kind: 'single_service',
    mrr: 145_000,
    failing: ['MINIMUM_MRR'],
    deciding: 'managed',
    says: {
      MINIMUM_MRR: [
        'MRR 1,450.00 < minimum 2,000.00',
        'raise the monthly value by 550.00 (more seats or a higher plan)',
      ],
    },
  },
  {
    name: 'managed for servers plus hourly for desktops',
    agreements: [
      managed({
        partOfEnvironment: 'Servers',
        lines: seats(8, 30_000, ['monitoring', 'patching', 'backup', 'security']),
      }),
      timeMaterials({ partOfEnvironment: 'Desktops' }),
    ],
    kind: 'hybrid',
    mrr: 240_000,
    failing: ['FULL_STACK', 'WHOLE_ENVIRONMENT'],
    deciding: 'managed',
    says: {
      WHOLE_ENVIRONMENT: [
        'covers part of the environment (Servers); the rest is billed by the hour',
        'extend the agreement to the whole environment',
      ],
    },
  },
  {
    name: 'full-stack managed clinic plus billed hours for the other site',
    agreements: [managed({ partOfEnvironment: 'Reno clinic' })],
    billing: { oneOffInvoices: 0, billedHours: 12.5 },
    kind: 'hybrid',
    mrr: 300_000,
    failing: ['WHOLE_ENVIRONMENT'],
    deciding: 'managed',
  },
  {
    name: 'partial scope with no hourly work is judged on the criteria',
    agreements: [managed({ partOfEnvironment: 'Head office' })],
    kind: 'contract',
    mrr: 300_000,
    failing: [],
    deciding: 'managed',
    says: { WHOLE_ENVIRONMENT: ['covers Head office; no pay-per-hour work for the rest', null] },
  },
  {
    name: 'contract with out-of-scope billed hours stays a contract',
    agreements: [managed(), timeMaterials()],
    billing: { oneOffInvoices: 3, billedHours: 40 },
    kind: 'contract',
    mrr: 300_000,
    failing: [],
    deciding: 'managed',
  },
  {
    name: 'one-off invoices only',
    agreements: [],
    billing: { oneOffInvoices: 2, billedHours: 0 },
    kind: 'break_fix',
    mrr: 0,
    failing: [
      'SIGNED',
      'ACTIVE',
      'RECURRING_FEE',
      'MINIMUM_TERM',
      'SLA',
      'FULL_STACK',
      'MINIMUM_MRR',
      'WHOLE_ENVIRONMENT',
    ],
    deciding: null,
    says: { SLA: ['no agreement', 'offer a managed-services agreement'] },
  },
  {
    name: 'pay-as-you-go agreement, nothing billed yet',
    agreements: [timeMaterials()],
    kind: 'break_fix',
    mrr: 0,
    failing: ['RECURRING_FEE', 'MINIMUM_TERM', 'SLA', 'FULL_STACK', 'MINIMUM_MRR'],
    deciding: 'hourly',
    says: {
      RECURRING_FEE: [
        'no fixed recurring fee: time & materials is billed per intervention',
        'offer a managed-services agreement with a fixed monthly fee',
      ],
      FULL_STACK: [
        'covers no service: add monitoring, patching, backup, helpdesk, security',
        'add monitoring, patching, backup, helpdesk, security',
      ],
    },
  },
  {
    name: 'prepaid block of hours',
    agreements: [
      buildAgreement({
        id: 'block',
        kind: 'block_hours',
        lines: seats(10, 8_500).map((l) => ({ ...l, recurring: false })),
      }),
    ],
    kind: 'break_fix',
    mrr: 0,
    failing: ['RECURRING_FEE', 'MINIMUM_MRR'],
    deciding: 'block',
    says: { RECURRING_FEE: ['no fixed recurring fee', 'add a recurring line with a monthly price'] },
  },
  {
    name: 'monthly block of hours, signed',
    agreements: [buildAgreement({ id: 'block', kind: 'block_hours', lines: seats(10, 8_500, ['helpdesk']) })],
    kind: 'single_service',
    mrr: 85_000,
    failing: ['FULL_STACK', 'MINIMUM_MRR'],
    deciding: 'block',
  },
  {
    name: 'retainer',
    agreements: [buildAgreement({ id: 'r', kind: 'retainer' })],
    kind: 'break_fix',
    mrr: 0,
    failing: ['RECURRING_FEE', 'FULL_STACK', 'MINIMUM_MRR'],
    deciding: 'r',
  },
  {
    name: 'nothing billed',
    agreements: [],
    kind: 'prospect',
    mrr: 0,
    failing: [
      'SIGNED',
      'ACTIVE',
      'RECURRING_FEE',
      'MINIMUM_TERM',
      'SLA',
      'FULL_STACK',
      'MINIMUM_MRR',
      'WHOLE_ENVIRONMENT',
    ],
    deciding: null,
  },
];

describe('classifyClient: kinds and findings', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = classifyClient({ asOf, agreements: c.agreements, billing: c.billing ?? none });
    expect(result.kind).toBe(c.kind);
    expect(result.mrr).toBe(c.mrr);
    expect(result.decidingAgreementId).toBe(c.deciding);
    expect(result.checks.filter((k) => !k.passed).map((k) => k.code)).toEqual(c.failing);
    for (const k of result.checks) expect(k.fix === null).toBe(k.passed);
    for (const [code, [message, fix]] of Object.entries(c.says ?? {})) {
      const check = result.checks.find((k) => k.code === code)!;
      expect([check.message, check.fix]).toEqual([message, fix]);
    }
  });
});
