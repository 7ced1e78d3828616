import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

describe('group commit batcher', () => {
  it('puts items that arrive together in one batch, in order', async () => {
    const batches: number[][] = [];
    const add = createBatcher(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    expect(await Promise.all([1, 2, 3].map(add))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives during a batch into the next one, within the size limit', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const add = createBatcher(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    }, 2);
    const first = add(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map(add);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const add = createBatcher(async (items: number[]) => {
      if (items.includes(13)) throw new Error('unlucky');
      return items;
    });
    const results = await Promise.allSettled([12, 13, 14].map(add));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
