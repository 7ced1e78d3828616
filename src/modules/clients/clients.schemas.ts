import { z } from 'zod';
import { TimeZone } from '../../platform/http/time-zone.js';

export const Address = z.strictObject({
  line1: z.string().trim().max(200).optional(),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .optional(),
});

const Name = z.string().trim().min(1).max(200);
const Count = z.number().int().min(0).max(1_000_000);
const Criticality = z.enum(['low', 'medium', 'high', 'critical']);

export const ClientProfile = z.strictObject({
  users: Count.describe('People the MSP supports'),
  endpoints: Count.describe('Workstations, servers and devices'),
  sites: Count.describe('Offices / locations'),
  remoteUsers: Count.describe('People working remotely'),
  criticality: Criticality.describe('How much an outage hurts the business'),
});

export const CreateClientBody = z.strictObject({
  name: Name,
  status: z.enum(['active', 'onboarding', 'inactive']).default('active'),
  timeZone: TimeZone.default('UTC'),
  taxRateBp: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(0)
    .describe('Tax rate in basis points: 2000 = 20.00 %'),
  billingAddress: Address.default({}),
  notes: z.string().max(20_000).default(''),
  profile: ClientProfile.partial().default({}),
});

export const UpdateClientBody = z.strictObject({
  name: Name.optional(),
  status: z.enum(['active', 'onboarding', 'inactive']).optional(),
  timeZone: TimeZone.optional(),
  taxRateBp: z.number().int().min(0).max(10_000).optional(),
  billingAddress: Address.optional(),
  notes: z.string().max(20_000).optional(),
  profile: ClientProfile.partial().optional(),
});

export const ClientResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(['active', 'onboarding', 'inactive']),
  timeZone: z.string(),
  taxRateBp: z.number().int(),
  billingAddress: Address,
  notes: z.string().optional().describe('Internal notes; never sent to portal users'),
  profile: ClientProfile,
  archived: z.boolean(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ClientParams = z.strictObject({ clientId: z.uuid() });
export const SiteParams = z.strictObject({ siteId: z.uuid() });
export const ContactParams = z.strictObject({ contactId: z.uuid() });

export const CreateSiteBody = z.strictObject({
  name: Name,
  address: Address.default({}),
  timeZone: TimeZone.nullable().default(null).describe("Defaults to the client's time zone"),
  notes: z.string().max(20_000).default(''),
});
export const UpdateSiteBody = z.strictObject({
  name: Name.optional(),
  address: Address.optional(),
  timeZone: TimeZone.nullable().optional(),
  notes: z.string().max(20_000).optional(),
});
export const SiteResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  address: Address,
  timeZone: z.string().nullable(),
  notes: z.string().optional().describe('Internal notes; never sent to portal users'),
  archived: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ().\-/x]*$/, 'may hold digits, spaces, + ( ) . - / and x only');

export const CreateContactBody = z.strictObject({
  name: Name,
  email: z.email().max(254).nullable().default(null),
  phone: Phone.nullable().default(null),
  role: z.string().trim().max(100).default('').describe('Job title or role at the client'),
  siteId: z.uuid().nullable().default(null),
  isBilling: z.boolean().default(false).describe('Receives invoices'),
  portalAccess: z.boolean().default(false).describe('May be invited to the client portal'),
});
export const UpdateContactBody = z.strictObject({
  name: Name.optional(),
  email: z.email().max(254).nullable().optional(),
  phone: Phone.nullable().optional(),
  role: z.string().trim().max(100).optional(),
  siteId: z.uuid().nullable().optional(),
  isBilling: z.boolean().optional(),
  portalAccess: z.boolean().optional(),
});
export const ContactResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  siteId: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string(),
  isBilling: z.boolean(),
  portalAccess: z.boolean(),
  archived: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type CreateClientInput = z.infer<typeof CreateClientBody>;
export type UpdateClientInput = z.infer<typeof UpdateClientBody>;
export type CreateSiteInput = z.infer<typeof CreateSiteBody>;
export type UpdateSiteInput = z.infer<typeof UpdateSiteBody>;
export type CreateContactInput = z.infer<typeof CreateContactBody>;
export type UpdateContactInput = z.infer<typeof UpdateContactBody>;
