import type { Principal } from './principal.js';

/**
 * Remembers who a session or API token belongs to for a moment, so a burst of API calls does not
 * look the same secret up once per request. Changes made in this process (sign-out, revocation, a
 * user disabled or given a new role) forget the user at once; other processes notice within the TTL.
 */
export function createPrincipalCache(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, { principal: Principal; until: number }>();
  return {
    get(key: string): Principal | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.until > Date.now()) return hit.principal;
      entries.delete(key);
      return undefined;
    },
    set(key: string, principal: Principal) {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { principal, until: Date.now() + ttlMs });
    },
    forgetUser(userId: string) {
      for (const [key, hit] of entries) if (hit.principal.userId === userId) entries.delete(key);
    },
  };
}

export type PrincipalCache = ReturnType<typeof createPrincipalCache>;
