import type { Agreement } from '../agreements/types.js';

/**
 * What each block and retainer holds at the start of a period, before any work is drawn: the whole
 * block in minutes, the whole retainer in minor units. Time entries subtract what was used.
 */
export function openingBalances(agreements: readonly Agreement[]) {
  const blockBalances: Record<string, number> = {};
  const retainerBalances: Record<string, number> = {};
  for (const a of agreements) {
    if (a.blockHours) blockBalances[a.id] = Math.round(a.blockHours.hoursPerPeriod * 60);
    if (a.retainerAmount !== null) retainerBalances[a.id] = a.retainerAmount;
  }
  return { blockBalances, retainerBalances };
}
