import { z } from 'zod';
import {
  agreementKinds,
  agreementStatuses,
  lineUnits,
  quantitySources,
} from '../../domain/agreements/types.js';

const Money = z.number().int().min(0).max(1_000_000_000).describe('Minor units (cents)');
const Code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'is not a code');
const Day = z.iso.date().describe('Calendar date, YYYY-MM-DD');

export const LineBody = z.strictObject({
  description: z.string().trim().min(1).max(300),
  serviceId: z.uuid().nullable().default(null),
  planId: z.uuid().nullable().default(null),
  productId: z.uuid().nullable().default(null),
  categories: z.array(Code).max(20).default([]).describe('Service categories this line delivers'),
  quantity: z.number().int().min(0).max(1_000_000),
  unitPrice: Money.describe('Monthly price per unit, minor units'),
  unit: z.enum(lineUnits),
  quantitySource: z.enum(quantitySources).default('entered'),
  recurring: z.boolean().default(true),
});

const ExclusionBody = z
  .strictObject({
    category: Code.nullable().default(null),
    workType: Code.nullable().default(null),
    description: z.string().trim().min(1).max(300),
    hourlyRate: Money,
  })
  .refine((e) => e.category !== null || e.workType !== null, 'an exclusion names a category or a work type');

/** A monthly availability promise: 0–100 percent, at most 3 decimals (99.999). */
const AvailabilityTarget = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, 'at most 3 decimals')
  .describe('Availability promised per calendar month for monitored services, e.g. 99.9');

const terms = {
  name: z.string().trim().min(1).max(200),
  startDate: Day,
  endDate: Day.nullable().default(null),
  minimumTermMonths: z.number().int().min(0).max(120).default(12),
  autoRenew: z.boolean().default(true),
  renewalTermMonths: z.number().int().min(1).max(120).default(12),
  noticeDays: z.number().int().min(0).max(365).default(30),
  billing: z
    .strictObject({
      cycle: z.enum(['monthly', 'quarterly', 'annual']).default('monthly'),
      timing: z.enum(['advance', 'arrears']).default('advance'),
      paymentTermsDays: z.number().int().min(0).max(180).default(30),
    })
    .default({ cycle: 'monthly', timing: 'advance', paymentTermsDays: 30 }),
  partOfEnvironment: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .default(null)
    .describe('Set when the agreement covers part of the environment only, e.g. "servers"'),
  coveredCategories: z.array(Code).max(50).default([]),
  coveredWorkTypes: z.array(Code).max(50).default([]),
  exclusions: z.array(ExclusionBody).max(50).default([]),
  outOfScopeRate: Money.nullable().default(null),
  afterHoursMultiplier: z.number().min(1).max(5).multipleOf(0.01).default(1.5),
  blockHours: z
    .strictObject({
      hoursPerPeriod: z.number().positive().max(10_000).multipleOf(0.25),
      rollover: z.boolean().default(false),
      overageRate: Money,
    })
    .nullable()
    .default(null),
  retainerAmount: Money.nullable().default(null),
  slaPolicyId: z.uuid().nullable().default(null),
  availabilityTargetPercent: AvailabilityTarget.nullable().default(null),
  complianceFrameworks: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  termination: z
    .strictObject({
      noticeDays: z.number().int().min(0).max(365).default(30),
      earlyTerminationFee: Money.default(0),
    })
    .default({ noticeDays: 30, earlyTerminationFee: 0 }),
  notes: z.string().max(20_000).default(''),
};

export const CreateAgreementBody = z
  .strictObject({
    clientId: z.uuid(),
    kind: z.enum(agreementKinds),
    ...terms,
    lines: z.array(LineBody).max(200).default([]),
  })
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'is before the start date',
  });

export const UpdateAgreementBody = z
  .strictObject({
    name: terms.name.optional(),
    startDate: Day.optional(),
    endDate: Day.nullable().optional(),
    minimumTermMonths: terms.minimumTermMonths.unwrap().optional(),
    autoRenew: z.boolean().optional(),
    renewalTermMonths: terms.renewalTermMonths.unwrap().optional(),
    noticeDays: terms.noticeDays.unwrap().optional(),
    billing: terms.billing.unwrap().partial().optional(),
    partOfEnvironment: z.string().trim().max(200).nullable().optional(),
    coveredCategories: z.array(Code).max(50).optional(),
    coveredWorkTypes: z.array(Code).max(50).optional(),
    exclusions: z.array(ExclusionBody).max(50).optional(),
    outOfScopeRate: Money.nullable().optional(),
    afterHoursMultiplier: z.number().min(1).max(5).multipleOf(0.01).optional(),
    blockHours: terms.blockHours.unwrap().optional(),
    retainerAmount: Money.nullable().optional(),
    slaPolicyId: z.uuid().nullable().optional(),
    availabilityTargetPercent: AvailabilityTarget.nullable().optional(),
    complianceFrameworks: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    termination: terms.termination.unwrap().partial().optional(),
    notes: z.string().max(20_000).optional(),
    lines: z
      .array(LineBody)
      .max(200)
      .optional()
      .describe('Drafts only: replaces the lines. Active agreements change by amendments.'),
  })
  .refine((a) => !a.startDate || !a.endDate || a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'is before the start date',
  });

export const ActivateBody = z.strictObject({
  signedOn: Day,
  signedBy: z.string().trim().min(1).max(200).describe('Who signed for the client'),
});
export const LifecycleBody = z.strictObject({ on: Day, reason: z.string().trim().max(1000).default('') });

export const AgreementQuery = z.strictObject({
  client_id: z.uuid().optional(),
  status: z.enum(agreementStatuses).optional(),
  kind: z.enum(agreementKinds).optional(),
  updated_since: z.iso.datetime({ offset: true }).optional(),
  as_of: Day.optional().describe('Show lines as amended up to this date (default: today)'),
});
export const AgreementParams = z.strictObject({ agreementId: z.uuid() });
export const AsOfQuery = z.strictObject({ as_of: Day.optional() });

const LineResponse = LineBody.extend({ id: z.uuid() });
export const AgreementResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(agreementKinds),
  status: z.enum(agreementStatuses),
  signedOn: z.string().nullable(),
  signedBy: z.string().nullable(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  minimumTermMonths: z.number(),
  autoRenew: z.boolean(),
  renewalTermMonths: z.number(),
  noticeDays: z.number(),
  billing: z.object({ cycle: z.string(), timing: z.string(), paymentTermsDays: z.number() }),
  partOfEnvironment: z.string().nullable().optional(),
  coveredCategories: z.array(z.string()),
  coveredWorkTypes: z.array(z.string()),
  exclusions: z.array(
    z.object({
      category: z.string().nullable(),
      workType: z.string().nullable(),
      description: z.string(),
      hourlyRate: z.number(),
    }),
  ),
  outOfScopeRate: z.number().nullable(),
  afterHoursMultiplier: z.number(),
  blockHours: z
    .object({ hoursPerPeriod: z.number(), rollover: z.boolean(), overageRate: z.number() })
    .nullable(),
  retainerAmount: z.number().nullable(),
  slaPolicyId: z.uuid().nullable(),
  availabilityTargetPercent: z.number().nullable().optional(),
  complianceFrameworks: z.array(z.string()),
  termination: z.object({ noticeDays: z.number(), earlyTerminationFee: z.number() }),
  notes: z.string().optional(),
  lines: z.array(LineResponse),
  asOf: z.string().describe('The date the lines are shown as of'),
  mrr: z.number().int().describe('Monthly recurring value on that date, minor units'),
  renewalDate: z.string().nullable(),
  noticeDeadline: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type CreateAgreementInput = z.infer<typeof CreateAgreementBody>;
export type UpdateAgreementInput = z.infer<typeof UpdateAgreementBody>;
export type LineInput = z.infer<typeof LineBody>;
