import { z } from 'zod';
import { isAddress, isHostname } from '../../domain/assets/fields.js';
import { identityErrors, MAX_IDENTITIES, MAX_IDENTITY_VALUE } from '../../domain/assets/identity.js';
import { assetTypes } from '../../domain/assets/types.js';
import { ListQuery } from '../../platform/http/pagination.js';

/** Optional text: blank reads as absent (null), so forms can send what the user cleared. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

const Hostname = optionalText(253).refine(
  (v) => v === null || isHostname(v),
  'must be a host name: letters, digits, - _ and .',
);

const Address = optionalText(253)
  .refine((v) => v === null || isAddress(v), 'must be an IP address or a domain name')
  .describe('IP address or fully qualified domain name');

const Day = z.iso.date().nullable().describe('YYYY-MM-DD');

export const IdentityLabelBody = z.strictObject({
  key: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(63)
    .describe('instance, host, monitor, service, job, fingerprint or any label name'),
  value: z.string().trim().min(1).max(MAX_IDENTITY_VALUE),
});

const Identities = z
  .array(IdentityLabelBody)
  .max(MAX_IDENTITIES)
  .superRefine((labels, ctx) => {
    for (const e of identityErrors(labels))
      ctx.addIssue({
        code: 'custom',
        message: e.message,
        path: e.field ? [e.index, e.field] : [e.index],
      });
  })
  .describe(
    'Monitoring identities that map alerts to this asset; each {key, value} belongs to one live asset at most',
  );

const warrantyAfterPurchase = (
  v: { purchaseDate?: string | null; warrantyEnd?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (v.purchaseDate && v.warrantyEnd && v.warrantyEnd < v.purchaseDate)
    ctx.addIssue({ code: 'custom', message: 'must not be before the purchase date', path: ['warrantyEnd'] });
};

const editable = {
  siteId: z.uuid().nullable(),
  type: z.enum(assetTypes),
  name: z.string().trim().min(1).max(200),
  hostname: Hostname,
  address: Address,
  os: optionalText(200),
  serialNumber: optionalText(100),
  manufacturer: optionalText(200),
  model: optionalText(200),
  purchaseDate: Day,
  warrantyEnd: Day,
  managed: z.boolean().describe('Counts toward per-device billing'),
  ownerContactId: z.uuid().nullable().describe('A contact of the same client'),
  notes: z.string().max(20_000).describe('Internal; never shown to portal users'),
  identities: Identities,
};

export const CreateAssetBody = z
  .strictObject({
    clientId: z.uuid(),
    siteId: editable.siteId.default(null),
    type: editable.type,
    name: editable.name,
    hostname: editable.hostname.default(null),
    address: editable.address.default(null),
    os: editable.os.default(null),
    serialNumber: editable.serialNumber.default(null),
    manufacturer: editable.manufacturer.default(null),
    model: editable.model.default(null),
    purchaseDate: editable.purchaseDate.default(null),
    warrantyEnd: editable.warrantyEnd.default(null),
    managed: editable.managed.default(false),
    ownerContactId: editable.ownerContactId.default(null),
    notes: editable.notes.default(''),
    identities: editable.identities.default([]),
  })
  .superRefine(warrantyAfterPurchase);

/** An asset stays with its client: moving one is archiving it and creating it at the other client. */
export const UpdateAssetBody = z
  .strictObject({
    siteId: editable.siteId.optional(),
    type: editable.type.optional(),
    name: editable.name.optional(),
    hostname: editable.hostname.optional(),
    address: editable.address.optional(),
    os: editable.os.optional(),
    serialNumber: editable.serialNumber.optional(),
    manufacturer: editable.manufacturer.optional(),
    model: editable.model.optional(),
    purchaseDate: editable.purchaseDate.optional(),
    warrantyEnd: editable.warrantyEnd.optional(),
    managed: editable.managed.optional(),
    ownerContactId: editable.ownerContactId.optional(),
    notes: editable.notes.optional(),
    identities: editable.identities.optional().describe('Replaces the whole list'),
  })
  .superRefine(warrantyAfterPurchase);

export const AssetResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  siteId: z.uuid().nullable(),
  type: z.enum(assetTypes),
  name: z.string(),
  hostname: z.string().nullable(),
  address: z.string().nullable(),
  os: z.string().nullable(),
  serialNumber: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  managed: z.boolean(),
  ownerContactId: z.uuid().nullable(),
  notes: z.string().optional().describe('Internal notes; never sent to portal users'),
  identities: z
    .array(z.object({ key: z.string(), value: z.string() }))
    .optional()
    .describe('Monitoring identities; never sent to portal users'),
  archived: z.boolean(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const filters = {
  site_id: z.uuid().optional(),
  type: z.enum(assetTypes).optional(),
  managed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only managed (true) or unmanaged (false) assets.'),
};

export const AssetListQuery = ListQuery.extend({ client_id: z.uuid().optional(), ...filters });
export const ClientAssetListQuery = ListQuery.extend(filters);

export const AssetParams = z.strictObject({ assetId: z.uuid() });
export const ClientParams = z.strictObject({ clientId: z.uuid() });

export type CreateAssetInput = z.infer<typeof CreateAssetBody>;
export type UpdateAssetInput = z.infer<typeof UpdateAssetBody>;
export type AssetListQuery = z.infer<typeof AssetListQuery>;
export type ClientAssetListQuery = z.infer<typeof ClientAssetListQuery>;
