import { afterEach, describe, expect, it, vi } from 'vitest';
import { ttlCache } from './cache.js';

describe('ttlCache', () => {
  afterEach(() => vi.useRealTimers());

  it('loads once within the time limit and again after it', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async (k: string) => `${k}:${load.mock.calls.length}`);
    const cache = ttlCache(1000, load);
    expect(await cache.get('a')).toBe('a:1');
    expect(await cache.get('a')).toBe('a:1');
    vi.advanceTimersByTime(1001);
    expect(await cache.get('a')).toBe('a:2');
  });

  it('forgets on demand, and never remembers a failure', async () => {
    let fail = true;
    const cache = ttlCache(60_000, async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(cache.get(1)).rejects.toThrow('down');
    fail = false;
    expect(await cache.get(1)).toBe('up');
    fail = true;
    cache.forget(1);
    await expect(cache.get(1)).rejects.toThrow('down');
  });
});
