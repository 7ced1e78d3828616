import type { AccessScope } from '../../platform/auth/principal.js';
import type { clients, contacts, sites } from './clients.tables.js';

type ClientRow = typeof clients.$inferSelect;
type SiteRow = typeof sites.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;

/** Internal notes are the MSP's own: portal users never receive them. */
const internal = (scope: AccessScope | undefined, notes: string) =>
  scope?.kind === 'client' ? {} : { notes };

export const presentClient = (c: ClientRow, scope?: AccessScope) => ({
  id: c.id,
  name: c.name,
  status: c.status,
  timeZone: c.timeZone,
  taxRateBp: c.taxRateBp,
  billingAddress: c.billingAddress,
  ...internal(scope, c.notes),
  profile: {
    users: c.usersCount,
    endpoints: c.endpointsCount,
    sites: c.sitesCount,
    remoteUsers: c.remoteUsersCount,
    criticality: c.criticality,
  },
  archived: c.archivedAt !== null,
  archivedAt: c.archivedAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const presentSite = (s: SiteRow, scope?: AccessScope) => ({
  id: s.id,
  clientId: s.clientId,
  name: s.name,
  address: s.address,
  timeZone: s.timeZone,
  ...internal(scope, s.notes),
  archived: s.archivedAt !== null,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export const presentContact = (c: ContactRow) => ({
  id: c.id,
  clientId: c.clientId,
  siteId: c.siteId,
  name: c.name,
  email: c.email,
  phone: c.phone,
  role: c.role,
  isBilling: c.isBilling,
  portalAccess: c.portalAccess,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
