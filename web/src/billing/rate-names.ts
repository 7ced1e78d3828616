import type { FieldError } from '../api/http';
import { parseDiscount } from './discount';

/**
 * An accounting package's name for each tax rate, as a form edits it: one row per rate, the rate
 * typed as a percentage. The API keys the map by basis points ({"2000": "20% (VAT on Income)"}).
 */
export type RateNameRow = { key: number; rate: string; name: string };

let nextKey = 1;
export const newRateRow = (rate = '', name = ''): RateNameRow => ({ key: nextKey++, rate, name });

export const rateRowsOf = (names: Record<string, string>): RateNameRow[] =>
  Object.entries(names)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([bp, name]) => newRateRow(String(Number(bp) / 100), name));

/** Where a row's own error is kept before the server has seen it: `<field>[<row index>]`. */
export const rowErrorKey = (field: string, index: number) => `${field}[${index}]`;

/**
 * The map the API takes, or what is wrong with the rows. Blank rows are dropped; a rate is a
 * percentage to two decimals (20, 8.25); each rate once.
 */
export function rateNamesOf(
  field: string,
  rows: RateNameRow[],
): { names: Record<string, string> } | { errors: FieldError[] } {
  const names: Record<string, string> = {};
  const errors: FieldError[] = [];
  rows.forEach((row, i) => {
    const rate = row.rate.trim();
    const name = row.name.trim();
    if (!rate && !name) return;
    const parsed = parseDiscount('percent', rate, null);
    if (typeof parsed === 'string' || parsed === null || parsed.kind !== 'percent') {
      errors.push({
        field: rowErrorKey(field, i),
        message: typeof parsed === 'string' ? parsed : 'give a rate',
      });
      return;
    }
    const bp = String(parsed.basisPoints);
    if (!name) errors.push({ field: rowErrorKey(field, i), message: 'give the name the package uses' });
    else if (bp in names) errors.push({ field: rowErrorKey(field, i), message: 'this rate is named twice' });
    else names[bp] = name;
  });
  return errors.length > 0 ? { errors } : { names };
}
