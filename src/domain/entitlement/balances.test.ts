import { describe, expect, it } from 'vitest';
import { buildAgreement } from '../agreements/fixtures.js';
import { openingBalances } from './balances.js';

describe('opening balances', () => {
  it('gives a block its whole allowance in minutes and a retainer its whole amount', () => {
    const block = buildAgreement({
      id: 'b',
      kind: 'block_hours',
      blockHours: { hoursPerPeriod: 7.5, rollover: false, overageRate: 9000 },
    });
    const retainer = buildAgreement({ id: 'r', kind: 'retainer', retainerAmount: 500_000 });
    const managed = buildAgreement({ id: 'm' });
    expect(openingBalances([block, retainer, managed])).toEqual({
      blockBalances: { b: 450 },
      retainerBalances: { r: 500_000 },
    });
  });
});
