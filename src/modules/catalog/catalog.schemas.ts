import { z } from 'zod';

const Money = z.number().int().min(0).max(100_000_000).describe('Minor units (cents)');
const Unit = z.enum(['per_user', 'per_device', 'per_site', 'flat']);
const Name = z.string().trim().min(1).max(200);
export const Code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes')
  .describe('Stable code, e.g. "backup"');

export const CategoryBody = z.strictObject({ code: Code, name: Name });
export const CategoryPatch = z.strictObject({ name: Name });
export const CategoryResponse = z.object({ code: z.string(), name: z.string(), builtIn: z.boolean() });

export const ServiceBody = z.strictObject({
  name: Name,
  categoryCode: Code,
  description: z.string().max(5000).default(''),
  unit: Unit,
  price: Money.default(0).describe('Monthly list price per unit, minor units'),
  cost: Money.default(0).describe('Monthly cost per unit, minor units'),
  active: z.boolean().default(true),
});
export const ServicePatch = ServiceBody.partial().strict();
export const ServiceResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  categoryCode: z.string(),
  description: z.string(),
  unit: Unit,
  price: z.number().int(),
  cost: z.number().int(),
  active: z.boolean(),
});

export const PlanBody = z.strictObject({
  name: Name,
  description: z.string().max(5000).default(''),
  unit: Unit,
  price: Money.default(0),
  active: z.boolean().default(true),
  serviceIds: z.array(z.uuid()).max(100).default([]).describe('The services the plan bundles'),
});
export const PlanPatch = PlanBody.partial().strict();
export const PlanResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  unit: Unit,
  price: z.number().int(),
  active: z.boolean(),
  serviceIds: z.array(z.uuid()),
  categories: z.array(z.string()).describe('Categories the bundled services deliver'),
});

export const ProductBody = z.strictObject({
  name: Name,
  sku: z.string().trim().max(100).nullable().default(null),
  vendor: z.string().trim().max(200).default(''),
  categoryCode: Code.default('licences'),
  unit: Unit,
  cost: Money.default(0),
  price: Money.default(0),
  active: z.boolean().default(true),
});
export const ProductPatch = ProductBody.partial().strict();
export const ProductResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  sku: z.string().nullable(),
  vendor: z.string(),
  categoryCode: z.string(),
  unit: Unit,
  cost: z.number().int(),
  price: z.number().int(),
  active: z.boolean(),
});

const BillingMinutes = z.number().int().min(0).max(1440);

export const WorkTypeBody = z.strictObject({
  code: Code,
  name: Name,
  billable: z.boolean().default(true),
  internal: z.boolean().default(false),
  defaultRate: Money.default(0).describe('Hourly rate, minor units'),
  incrementMinutes: BillingMinutes.default(0).describe(
    'Billing rounds each entry up to a multiple of these minutes (15: a quarter hour); 0: no rounding',
  ),
  minimumMinutes: BillingMinutes.default(0).describe(
    'An entry bills at least these minutes after rounding (60: a visit bills an hour); 0: no minimum',
  ),
  active: z.boolean().default(true),
});
export const WorkTypePatch = WorkTypeBody.omit({ code: true }).partial().strict();
export const WorkTypeResponse = z.object({
  code: z.string(),
  name: z.string(),
  billable: z.boolean(),
  internal: z.boolean(),
  defaultRate: z.number().int(),
  incrementMinutes: z.number().int(),
  minimumMinutes: z.number().int(),
  active: z.boolean(),
});

export const LabourRateBody = z.strictObject({
  userId: z.uuid(),
  hourlyCost: Money.describe('What an hour of this technician costs, minor units'),
  effectiveFrom: z.iso.date(),
});
export const LabourRateResponse = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  hourlyCost: z.number().int(),
  effectiveFrom: z.string(),
});

export const IdParams = z.strictObject({ id: z.uuid() });
export const CodeParams = z.strictObject({ code: Code });
