/**
 * Money crosses the API as integer minor units (cents); people read and type decimal amounts. How
 * many decimals a currency has comes from ISO 4217 through Intl (2 for EUR, 0 for JPY).
 */

const digitsCache = new Map<string, number>();

/** Decimals of the currency's minor unit; 2 when the currency is unknown. */
export function minorDigits(currency: string | null): number {
  if (!currency) return 2;
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** An amount for reading: "€2,475.00" with a currency, "2,475.00" without one. */
export function formatMoney(minor: number, currency: string | null): string {
  const digits = minorDigits(currency);
  const value = minor / 10 ** digits;
  return new Intl.NumberFormat(undefined, {
    ...(currency ? { style: 'currency', currency } : {}),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** An amount as an input's value: "2475.00"; empty for none. */
export function toDecimal(minor: number | null | undefined, currency: string | null): string {
  if (minor === null || minor === undefined) return '';
  return (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));
}

/**
 * What a person typed, in minor units: "1234.5", "1 234,50" and "1,234.50" all work (the last of
 * "." and "," is the decimal separator when both appear). Null when left empty, NaN when it is not
 * an amount (negative, letters, too many decimals).
 */
export function parseMoney(text: string, currency: string | null): number | null {
  let s = text.trim().replace(/[\s'\u00a0\u202f]/g, '');
  if (s === '') return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const thousands = comma > dot ? '.' : ',';
    s = s.split(thousands).join('').replace(',', '.');
  } else if (comma >= 0) {
    // A single comma with three digits after it is a thousands separator ("1,234"); else decimals.
    const after = s.length - comma - 1;
    s = s.split(',').length === 2 && after !== 3 ? s.replace(',', '.') : s.split(',').join('');
  }
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match || (match[2] ?? '').length > digits) return Number.NaN;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(match[1]) * 10 ** digits + (fraction === '' ? 0 : Number(fraction));
}
