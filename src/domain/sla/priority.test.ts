import { describe, expect, it } from 'vitest';
import {
  defaultPriorityMatrix,
  levels,
  matrixInversions,
  type PriorityMatrix,
  priorityOf,
} from './priority.js';

describe('priority matrix', () => {
  it.each([
    ['high', 'high', 'P1'],
    ['high', 'medium', 'P2'],
    ['medium', 'high', 'P2'],
    ['high', 'low', 'P3'],
    ['medium', 'medium', 'P3'],
    ['low', 'high', 'P3'],
    ['medium', 'low', 'P4'],
    ['low', 'medium', 'P4'],
    ['low', 'low', 'P4'],
  ] as const)('impact %s × urgency %s → %s', (impact, urgency, expected) => {
    expect(priorityOf(defaultPriorityMatrix, impact, urgency)).toBe(expected);
  });

  it('the default matrix never ranks less impact or urgency above more', () => {
    expect(matrixInversions(defaultPriorityMatrix)).toEqual([]);
  });

  it('names each inversion in a custom matrix', () => {
    const matrix = structuredClone(defaultPriorityMatrix) as PriorityMatrix;
    matrix.high.low = 'P1';
    expect(matrixInversions(matrix)).toEqual(['high impact: low urgency ranks above medium urgency']);
  });

  it('covers every impact and urgency', () => {
    for (const i of levels) for (const u of levels) expect(defaultPriorityMatrix[i][u]).toMatch(/^P[1-4]$/);
  });
});
