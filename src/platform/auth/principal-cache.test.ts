import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from './principal.js';
import { createPrincipalCache } from './principal-cache.js';

const principal = (userId: string) => ({ userId }) as Principal;

describe('principal cache', () => {
  afterEach(() => vi.useRealTimers());

  it('remembers for the TTL only', () => {
    vi.useFakeTimers();
    const cache = createPrincipalCache(2000);
    cache.set('a', principal('u1'));
    expect(cache.get('a')?.userId).toBe('u1');
    vi.advanceTimersByTime(1999);
    expect(cache.get('a')).toBeDefined();
    vi.advanceTimersByTime(2);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets every entry of a user at once', () => {
    const cache = createPrincipalCache(60_000);
    cache.set('a', principal('u1'));
    cache.set('b', principal('u1'));
    cache.set('c', principal('u2'));
    cache.forgetUser('u1');
    expect([cache.get('a'), cache.get('b'), cache.get('c')?.userId]).toEqual([undefined, undefined, 'u2']);
  });

  it('stays bounded, dropping the oldest entry first', () => {
    const cache = createPrincipalCache(60_000, 2);
    cache.set('a', principal('u1'));
    cache.set('b', principal('u2'));
    cache.set('c', principal('u3'));
    expect([cache.get('a'), cache.get('b')?.userId, cache.get('c')?.userId]).toEqual([undefined, 'u2', 'u3']);
  });

  it('caches nothing with a zero TTL', () => {
    const cache = createPrincipalCache(0);
    cache.set('a', principal('u1'));
    expect(cache.get('a')).toBeUndefined();
  });
});
