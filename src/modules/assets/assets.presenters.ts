import type { IdentityLabel } from '../../domain/assets/types.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { assets } from './assets.tables.js';

export type AssetRow = typeof assets.$inferSelect;

/**
 * Notes and monitoring identities are the MSP's own working data: portal users see the asset, not
 * them.
 */
const internal = (scope: AccessScope | undefined, row: AssetRow, identities: readonly IdentityLabel[]) =>
  scope?.kind === 'client'
    ? {}
    : { notes: row.notes, identities: identities.map(({ key, value }) => ({ key, value })) };

export const presentAsset = (row: AssetRow, identities: readonly IdentityLabel[], scope?: AccessScope) => ({
  id: row.id,
  clientId: row.clientId,
  siteId: row.siteId,
  type: row.type,
  name: row.name,
  hostname: row.hostname,
  address: row.address,
  os: row.os,
  serialNumber: row.serialNumber,
  manufacturer: row.manufacturer,
  model: row.model,
  purchaseDate: row.purchaseDate,
  warrantyEnd: row.warrantyEnd,
  managed: row.managed,
  ownerContactId: row.ownerContactId,
  ...internal(scope, row, identities),
  archived: row.archivedAt !== null,
  archivedAt: row.archivedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export type Asset = ReturnType<typeof presentAsset>;

/** What the alerts module needs of an asset it mapped an alert to. */
export type AssetRef = { id: string; clientId: string; siteId: string | null; name: string };
