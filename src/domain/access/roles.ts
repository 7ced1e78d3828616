/**
 * Roles and permissions: the one table that says who may do what. Routes name a permission; the
 * HTTP layer checks it in one hook; API tokens narrow a user's permissions to their scopes.
 */
export const staffRoles = ['admin', 'manager', 'technician', 'billing'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const roles = [...staffRoles, 'portal'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'clients:read',
  'clients:write',
  'contacts:read',
  'contacts:write',
  'sites:read',
  'sites:write',
  'users:read',
  'users:manage',
  'tokens:manage',
  'audit:read',
  'catalog:read',
  'catalog:write',
  'agreements:read',
  'agreements:write',
  'tickets:read',
  'tickets:write',
  'sla:read',
  'sla:write',
  'webhooks:manage',
  'time:read',
  'time:write',
  'time:approve',
  'alerts:read',
  'alerts:write',
  // Monitoring tools post alerts with a token that holds this scope and nothing else.
  'alerts:ingest',
  'assets:read',
  'assets:write',
  // Invoices, billing runs, payments. Portal users read their own client's issued invoices.
  'billing:read',
  'billing:write',
] as const;
export type Permission = (typeof permissions)[number];

const all = permissions;
const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: all,
  manager: all.filter((p) => p !== 'users:manage'),
  technician: [
    'tickets:read',
    'tickets:write',
    'sla:read',
    'catalog:read',
    'agreements:read',
    'clients:read',
    'contacts:read',
    'contacts:write',
    'sites:read',
    'sites:write',
    'users:read',
    'tokens:manage',
    // Technicians log and submit their own time; approving it is for managers and admins.
    'time:read',
    'time:write',
    // Technicians work the alert triage and plan maintenance windows.
    'alerts:read',
    'alerts:write',
    'assets:read',
    'assets:write',
  ],
  billing: [
    'tickets:read',
    'sla:read',
    'catalog:read',
    'agreements:read',
    'agreements:write',
    'clients:read',
    'clients:write',
    'contacts:read',
    'contacts:write',
    'sites:read',
    'users:read',
    'tokens:manage',
    'time:read',
    // Managed devices are billed per device: billing sees what is counted.
    'assets:read',
    'billing:read',
    'billing:write',
  ],
  // Portal users only ever see their own client; the scope, not the permission, enforces that.
  portal: [
    'clients:read',
    'contacts:read',
    'sites:read',
    'agreements:read',
    'tickets:read',
    'tickets:write',
    'assets:read',
    'billing:read',
  ],
};

export const isStaffRole = (role: Role): role is StaffRole => role !== 'portal';

export function permissionsOf(role: Role, tokenScopes?: readonly string[]): Set<Permission> {
  const granted = rolePermissions[role];
  if (!tokenScopes) return new Set(granted);
  return new Set(granted.filter((p) => tokenScopes.includes(p)));
}

/** Scopes a user may put on a token: never more than the role itself holds. */
export function scopesBeyondRole(role: Role, scopes: readonly string[]): string[] {
  const granted = new Set<string>(rolePermissions[role]);
  return scopes.filter((s) => !granted.has(s));
}
