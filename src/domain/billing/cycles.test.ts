import { describe, expect, it } from 'vitest';
import { cycleOf, cyclesOverlapping, dueCycle } from './cycles.js';

describe('billing cycles lie on the calendar', () => {
  it.each([
    ['monthly', '2026-03-17', '2026-03-01', '2026-03-31'],
    ['quarterly', '2026-02-17', '2026-01-01', '2026-03-31'],
    ['quarterly', '2026-11-30', '2026-10-01', '2026-12-31'],
    ['annual', '2026-07-04', '2026-01-01', '2026-12-31'],
  ] as const)('%s: %s lies in %s – %s', (cycle, date, from, to) => {
    expect(cycleOf(cycle, date)).toEqual({ from, to });
  });

  it.each([
    // in advance: the cycle that begins in the month
    ['monthly', 'advance', '2026-03', { from: '2026-03-01', to: '2026-03-31' }],
    ['quarterly', 'advance', '2026-04', { from: '2026-04-01', to: '2026-06-30' }],
    ['quarterly', 'advance', '2026-05', null],
    ['annual', 'advance', '2026-01', { from: '2026-01-01', to: '2026-12-31' }],
    // in arrears: the cycle that ends in the month
    ['monthly', 'arrears', '2026-03', { from: '2026-03-01', to: '2026-03-31' }],
    ['quarterly', 'arrears', '2026-06', { from: '2026-04-01', to: '2026-06-30' }],
    ['quarterly', 'arrears', '2026-04', null],
  ] as const)('%s %s: the run for %s bills %j', (cycle, timing, period, expected) => {
    expect(dueCycle({ cycle, timing }, period)).toEqual(expected);
  });

  it('lists the cycles overlapping a span', () => {
    expect(cyclesOverlapping('quarterly', '2026-02-10', '2026-07-01').map((c) => c.from)).toEqual([
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
    ]);
  });
});
