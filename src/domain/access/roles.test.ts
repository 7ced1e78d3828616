import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isStaffRole,
  type Permission,
  permissions,
  permissionsOf,
  roles,
  scopesBeyondRole,
} from './roles.js';

describe('role permissions', () => {
  const table: [role: (typeof roles)[number], can: Permission[], cannot: Permission[]][] = [
    ['admin', [...permissions], []],
    [
      'manager',
      ['clients:write', 'users:read', 'audit:read', 'catalog:write', 'agreements:write'],
      ['users:manage'],
    ],
    [
      'technician',
      ['clients:read', 'contacts:write', 'sites:write', 'tokens:manage'],
      ['clients:write', 'users:manage', 'audit:read', 'catalog:write', 'agreements:write'],
    ],
    [
      'billing',
      ['clients:write', 'contacts:write', 'agreements:write'],
      ['sites:write', 'users:manage', 'catalog:write'],
    ],
    [
      'portal',
      ['clients:read', 'contacts:read', 'sites:read'],
      ['clients:write', 'contacts:write', 'users:read', 'tokens:manage', 'catalog:read', 'agreements:write'],
    ],
  ];
  it.each(table)('%s', (role, can, cannot) => {
    const granted = permissionsOf(role);
    for (const p of can) expect(granted.has(p), p).toBe(true);
    for (const p of cannot) expect(granted.has(p), p).toBe(false);
  });

  it('only admins manage users', () => {
    expect(roles.filter((r) => permissionsOf(r).has('users:manage'))).toEqual(['admin']);
  });

  it('technicians log time, managers and admins approve it, billing reads it, portal users see none', () => {
    const holders = (p: Permission) => roles.filter((r) => permissionsOf(r).has(p));
    expect(holders('time:approve')).toEqual(['admin', 'manager']);
    expect(holders('time:write')).toEqual(['admin', 'manager', 'technician']);
    expect(holders('time:read')).toEqual(['admin', 'manager', 'technician', 'billing']);
  });

  it('technicians work alerts, only admins and managers mint ingest tokens, portal users see no alerts', () => {
    const holders = (p: Permission) => roles.filter((r) => permissionsOf(r).has(p));
    expect(holders('alerts:ingest')).toEqual(['admin', 'manager']);
    expect(holders('alerts:write')).toEqual(['admin', 'manager', 'technician']);
    expect(holders('alerts:read')).toEqual(['admin', 'manager', 'technician']);
  });

  it('technicians keep the asset register, billing and portal users read it', () => {
    const holders = (p: Permission) => roles.filter((r) => permissionsOf(r).has(p));
    expect(holders('assets:write')).toEqual(['admin', 'manager', 'technician']);
    expect(holders('assets:read')).toEqual(['admin', 'manager', 'technician', 'billing', 'portal']);
  });

  it('billing and managers run billing; portal users read (their own) invoices; technicians see none', () => {
    const holders = (p: Permission) => roles.filter((r) => permissionsOf(r).has(p));
    expect(holders('billing:write')).toEqual(['admin', 'manager', 'billing']);
    expect(holders('billing:read')).toEqual(['admin', 'manager', 'billing', 'portal']);
  });

  it('tells staff from portal users', () => {
    expect(roles.filter((r) => !isStaffRole(r))).toEqual(['portal']);
  });

  it('never lets token scopes widen a role (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.array(fc.constantFrom(...permissions, 'bogus:scope')),
        (role, scopes) => {
          const narrowed = permissionsOf(role, scopes);
          const full = permissionsOf(role);
          for (const p of narrowed) {
            expect(full.has(p)).toBe(true);
            expect(scopes).toContain(p);
          }
          const beyond = scopesBeyondRole(role, scopes);
          expect(beyond.every((s) => !full.has(s as Permission))).toBe(true);
          expect(scopes.filter((s) => !beyond.includes(s)).every((s) => full.has(s as Permission))).toBe(
            true,
          );
        },
      ),
    );
  });
});
