import type { Discount, DiscountInput } from '../api/billing-types';
import { formatTaxRate } from '../clients/format';
import { formatMoney, parseMoney, toDecimal } from '../money/money';

export type DiscountChoice = 'none' | 'percent' | 'fixed';

/** A discount as read: "10 %" or "€50.00". */
export const discountText = (d: Discount, currency: string | null): string =>
  !d ? '' : d.kind === 'percent' ? formatTaxRate(d.value) : formatMoney(d.value, currency);

/** What a form shows for a stored discount: its kind, and its value as typed. */
export function discountDraft(
  d: Discount,
  currency: string | null,
): { choice: DiscountChoice; text: string } {
  if (!d) return { choice: 'none', text: '' };
  if (d.kind === 'percent') return { choice: 'percent', text: String(d.value / 100) };
  return { choice: 'fixed', text: toDecimal(d.value, currency) };
}

/**
 * A typed discount as the API takes it: a percentage to two decimals (12.5 → 1250 basis points, at
 * most 100) or an amount in the currency. Null for none; a message when it is not one.
 */
export function parseDiscount(
  choice: DiscountChoice,
  text: string,
  currency: string | null,
): DiscountInput | null | string {
  if (choice === 'none') return null;
  if (choice === 'fixed') {
    const amount = parseMoney(text, currency);
    if (amount === null || Number.isNaN(amount)) return 'give an amount, e.g. 50.00';
    return { kind: 'fixed', amount };
  }
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return 'give a percentage, e.g. 10 or 12.5';
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (basisPoints > 10_000) return 'at most 100 %';
  return { kind: 'percent', basisPoints };
}
