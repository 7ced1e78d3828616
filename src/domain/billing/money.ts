/**
 * Money arithmetic of billing, in integer minor units. One rounding rule everywhere: a quotient is
 * computed exactly (BigInt once it leaves the safe integers) and rounded once, half away from zero,
 * to the minor unit — 0.5 cent → 1 cent, −0.5 cent → −1 cent — so a credit mirrors its charge to the
 * cent. Where parts must add up to a whole exactly (a price over sub-periods, a discount or tax over
 * lines) `allocate` shares it by largest remainder instead of rounding each part on its own.
 */
import { minorUnits } from './checks.js';
import { invalid } from './errors.js';

const big = (n: number | bigint) => (typeof n === 'bigint' ? n : BigInt(n));

/** n / d rounded half away from zero, for an integer n of any sign and an integer d > 0. */
export function divideRounded(n: number | bigint, d: number | bigint): number {
  if (typeof n === 'number' && typeof d === 'number' && Number.isSafeInteger(2 * Math.abs(n) + d)) {
    const a = Math.abs(n);
    const r = a % d;
    const q = (a - r) / d + (2 * r >= d ? 1 : 0);
    return n < 0 ? -q : q;
  }
  const bn = big(n);
  const bd = big(d);
  const a = bn < 0n ? -bn : bn;
  const q = (2n * a + bd) / (2n * bd);
  return Number(bn < 0n ? -q : q);
}

/** `amount` × days / ofDays, rounded half away from zero: the part of a period's price for some of its days. */
export function prorate(amount: number, days: number, ofDays: number): number {
  minorUnits(amount, 'amount', true);
  if (!Number.isSafeInteger(ofDays) || ofDays <= 0 || !Number.isSafeInteger(days) || days < 0) {
    throw invalid('days', 'INVALID_DATE', `expected 0 ≤ days ≤ days in the period, got ${days} of ${ofDays}`);
  }
  return divideRounded(big(amount) * big(days), ofDays);
}

/** `amount` × basisPoints / 10,000 (10,000 bp = 100 %), rounded half away from zero. */
export function percentOf(amount: number, basisPoints: number): number {
  return divideRounded(big(amount) * big(basisPoints), 10_000);
}

function floorDiv(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

/**
 * Shares `total` in proportion to integer `weights` (of any sign, with a non-zero sum) so the parts
 * add up to `total` exactly: each part is its exact share rounded down, and the units left over go
 * one each to the parts with the largest remainders, the earlier part first on a tie. All-zero
 * weights may only share a total of 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  minorUnits(total, 'total', true);
  for (const [i, w] of weights.entries()) {
    if (!Number.isSafeInteger(w))
      throw invalid(`weights[${i}]`, 'INVALID_WEIGHTS', `expected a whole weight, got ${w}`);
  }
  let sum = 0n;
  for (const w of weights) sum += BigInt(w);
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw invalid('weights', 'INVALID_WEIGHTS', 'weights that sum to zero cannot share a non-zero amount');
  }
  const sign = sum < 0n ? -1n : 1n;
  const denominator = sum * sign;
  const parts = weights.map((w, index) => {
    const [q, r] = floorDiv(BigInt(total) * BigInt(w) * sign, denominator);
    return { index, q, r };
  });
  let left = BigInt(total) - parts.reduce((s, p) => s + p.q, 0n);
  const order = [...parts].sort((a, b) => (a.r === b.r ? a.index - b.index : a.r > b.r ? -1 : 1));
  for (const p of order) {
    if (left <= 0n) break;
    p.q += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.q));
}
