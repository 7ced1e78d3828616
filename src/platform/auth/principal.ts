import type { Permission, Role } from '../../domain/access/roles.js';

export type Principal = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Set for portal users: the one client they belong to. */
  clientId: string | null;
  permissions: Set<Permission>;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  csrfToken: string | null;
};

/** What a query may see: all clients for staff, exactly one for a portal user. */
export type AccessScope = { kind: 'staff' } | { kind: 'client'; clientId: string };

export const scopeOf = (p: Principal): AccessScope =>
  p.role === 'portal' && p.clientId ? { kind: 'client', clientId: p.clientId } : { kind: 'staff' };

export const staffScope: AccessScope = { kind: 'staff' };
