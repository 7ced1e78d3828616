import { describe, expect, it } from 'vitest';
import { billedAsDone } from './types.js';

describe('billed as done', () => {
  it.each([
    ['covered', false],
    ['internal', false],
    ['block', false],
    ['retainer', false],
    ['out_of_scope', true],
    ['time_materials', true],
  ] as const)('%s → %s', (kind, billed) => {
    expect(billedAsDone(kind)).toBe(billed);
  });
});
