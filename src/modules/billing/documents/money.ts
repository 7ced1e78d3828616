/**
 * Minor units to decimals and to display text. Every conversion is done on the integer's digits,
 * never by dividing a float, so 2^53 − 1 cents still come out to the cent; Intl formats the exact
 * decimal string (Intl.NumberFormat takes numeric strings without going through a double).
 */

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
const digitsByCurrency = new Map<string, number>();

/** Whether `code` is an ISO 4217 currency Intl knows ('EUR', 'JPY'). */
export function isCurrency(code: string): boolean {
  return knownCurrencies.has(code);
}

/** The currency's minor-unit digits as Intl (CLDR) states them: USD 2, JPY 0, BHD 3. */
export function currencyDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  if (!isCurrency(currency)) throw new RangeError(`not an ISO 4217 currency: ${currency}`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits as number;
  digitsByCurrency.set(currency, digits);
  return digits;
}

/**
 * An integer scaled down by 10^scale, as an exact decimal string: (123456, 2) → '1234.56',
 * (-5, 2) → '-0.05', (7, 0) → '7'. The scale's digits are always written.
 */
export function toDecimalString(units: number, scale: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not a safe integer: ${units}`);
  if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`not a scale: ${scale}`);
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units));
  if (scale === 0) return sign + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** Minor units as the decimal an accounting import reads: (123456, 'EUR') → '1234.56'. */
export function minorToDecimal(minor: number, currency: string): string {
  return toDecimalString(minor, currencyDigits(currency));
}

/** Basis points as a percentage: 2000 → '20.00', 725 → '7.25'. */
export function basisPointsToPercent(bp: number): string {
  return toDecimalString(bp, 2);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units as a person reads them, in the currency and locale: (123456, 'EUR', 'en-US') → '€1,234.56'. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(minorToDecimal(minor, currency) as Intl.StringNumericLiteral);
}

/** A rate in basis points as a person reads it: (2000, 'en-US') → '20%', (725, 'de-DE') → '7,25 %'. */
export function formatRate(bp: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return format.format(toDecimalString(bp, 4) as Intl.StringNumericLiteral);
}

/**
 * amount × bp / 10 000 in whole minor units, rounded half away from zero (a refund of −0.5 cent
 * tax rounds like a charge of 0.5 cent, only the other way). BigInt keeps the product exact.
 */
export function applyRate(amount: number, bp: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(bp)) {
    throw new RangeError(`not safe integers: ${amount}, ${bp}`);
  }
  const product = BigInt(amount) * BigInt(bp);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude + 5_000n) / 10_000n;
  return Number(negative ? -rounded : rounded);
}
