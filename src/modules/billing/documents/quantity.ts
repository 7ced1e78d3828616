/**
 * Quantities on invoice lines: hours, users, devices, with at most two decimals (a quarter hour
 * is 0.25). They travel as canonical decimal strings so that neither the PDF nor an export ever
 * prints 0.30000000000000004.
 */

const quantityPattern = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Whether `value` is a quantity with at most two decimals. */
export function isQuantity(value: string | number): boolean {
  return canonical(value) !== null;
}

/**
 * The quantity as a canonical decimal string: 15 → '15', '1.50' → '1.5', '007' → '7',
 * '-0' → '0'. Throws RangeError for anything else (3 decimals, exponents, NaN).
 */
export function normalizeQuantity(value: string | number): string {
  const result = canonical(value);
  if (result === null) throw new RangeError(`not a quantity with at most two decimals: ${value}`);
  return result;
}

function canonical(value: string | number): string | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const match = quantityPattern.exec(String(value));
  if (!match) return null;
  const whole = match[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const zero = whole === '0' && fraction === '';
  const sign = match[1] && !zero ? '-' : '';
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** The quantity in hundredths, an exact integer: '1.5' → 150, 15 → 1500. */
export function quantityHundredths(value: string | number): number {
  const [whole, fraction = ''] = normalizeQuantity(value).split('.');
  const hundredths = Number(`${whole}${fraction.padEnd(2, '0')}`);
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`quantity too large: ${value}`);
  return hundredths;
}
