import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipIntervals,
  type Interval,
  normalizeIntervals,
  subtractIntervals,
  totalLength,
} from './intervals.js';

const i = (from: number, to: number): Interval => ({ from, to });

describe('interval sets', () => {
  // biome-ignore format: one case per line reads as a table
  const normalize: [Interval[], Interval[]][] = [
    [[], []],
    [[i(5, 5), i(7, 3)], []],
    [[i(5, 10), i(0, 3)], [i(0, 3), i(5, 10)]],
    [[i(0, 5), i(5, 10)], [i(0, 10)]],
    [[i(0, 10), i(2, 3)], [i(0, 10)]],
  ];
  it.each(normalize)('normalize %j', (input, expected) => {
    expect(normalizeIntervals(input)).toEqual(expected);
  });

  // biome-ignore format: one case per line reads as a table
  const subtract: [Interval[], Interval[], Interval[]][] = [
    [[i(0, 10)], [], [i(0, 10)]],
    [[i(0, 10)], [i(2, 4)], [i(0, 2), i(4, 10)]],
    [[i(0, 10)], [i(0, 10)], []],
    [[i(0, 10)], [i(-5, 3), i(8, 20)], [i(3, 8)]],
    [[i(0, 3), i(5, 9)], [i(2, 6)], [i(0, 2), i(6, 9)]],
    [[i(0, 3)], [i(3, 5)], [i(0, 3)]],
  ];
  it.each(subtract)('%j less %j', (a, b, expected) => {
    expect(subtractIntervals(a, b)).toEqual(expected);
  });

  it('clips and totals', () => {
    expect(clipIntervals([i(0, 5), i(8, 20)], 3, 10)).toEqual([i(3, 5), i(8, 10)]);
    expect(totalLength([i(3, 5), i(8, 10)])).toBe(4);
  });

  const set = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 })), { maxLength: 8 })
    .map((xs) => normalizeIntervals(xs.map(([from, len]) => i(from, from + len))));
  const inSet = (s: Interval[], x: number) => s.some((v) => v.from <= x && x < v.to);

  it('normalized sets are ascending, apart, and keep every point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: -5, max: 40 }))),
        (xs) => {
          const raw = xs.map(([from, len]) => i(from, from + len));
          const n = normalizeIntervals(raw);
          for (let k = 1; k < n.length; k++) expect(n[k]!.from).toBeGreaterThan(n[k - 1]!.to);
          expect(normalizeIntervals(n)).toEqual(n);
          for (let x = 0; x < 240; x++) expect(inSet(n, x)).toBe(raw.some((v) => v.from <= x && x < v.to));
        },
      ),
    );
  });

  it('a less b holds the points of a not in b, and is normalized', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const d = subtractIntervals(a, b);
        expect(normalizeIntervals(d)).toEqual(d);
        for (let x = 0; x < 240; x++) expect(inSet(d, x)).toBe(inSet(a, x) && !inSet(b, x));
        expect(totalLength(d) + totalLength(subtractIntervals(a, subtractIntervals(a, b)))).toBe(
          totalLength(a),
        );
      }),
    );
  });
});
