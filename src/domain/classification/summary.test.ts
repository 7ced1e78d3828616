import { describe, expect, it } from 'vitest';
import type { Check } from './checks.js';
import type { Classification } from './classify.js';
import { criterionCodes } from './facts.js';
import { formatMinor } from './money.js';
import { failsOneCriterion, summarize } from './summary.js';

const checks = (failing: number): Check[] =>
  criterionCodes.map((code, i) =>
    i < failing
      ? { code, passed: false, message: 'x', fix: 'y' }
      : { code, passed: true, message: 'x', fix: null },
  );
const result = (kind: Classification['kind'], mrr: number, failing = 0) => ({
  kind,
  mrr,
  checks: checks(failing),
});

describe('summarize', () => {
  it('counts clients and adds MRR per kind, every kind present', () => {
    const s = summarize([
      result('contract', 300_000),
      result('contract', 250_000),
      result('single_service', 145_000, 1),
      result('single_service', 80_000, 2),
      result('hybrid', 120_000, 1),
      result('break_fix', 0, 8),
    ]);
    expect(s.total).toEqual({ count: 6, mrr: 895_000 });
    expect(s.byKind).toEqual({
      contract: { count: 2, mrr: 550_000, failingOne: 0 },
      single_service: { count: 2, mrr: 225_000, failingOne: 1 },
      subscription: { count: 0, mrr: 0, failingOne: 0 },
      reseller: { count: 0, mrr: 0, failingOne: 0 },
      hybrid: { count: 1, mrr: 120_000, failingOne: 1 },
      break_fix: { count: 1, mrr: 0, failingOne: 0 },
      prospect: { count: 0, mrr: 0, failingOne: 0 },
    });
  });

  it('summarizes nothing as zeros', () => {
    const s = summarize([]);
    expect(s.total).toEqual({ count: 0, mrr: 0 });
    expect(Object.values(s.byKind).every((k) => k.count === 0 && k.mrr === 0)).toBe(true);
  });

  it.each([
    [0, false],
    [1, true],
    [2, false],
  ])('with %i failing criteria, fails one: %s', (failing, one) => {
    expect(failsOneCriterion(result('single_service', 0, failing))).toBe(one);
  });
});

describe('formatMinor', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [145_000, '1,450.00'],
    [200_000, '2,000.00'],
    [123_456_789, '1,234,567.89'],
    [-55_000, '-550.00'],
  ])('%i → %s', (minor, text) => {
    expect(formatMinor(minor)).toBe(text);
  });
});
