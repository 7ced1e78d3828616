/**
 * Invoice numbers: the year of issue and a sequence per year with no gaps, six digits —
 * '2026-000123'. The number is given at issue (a draft has none) from the year of its issue date;
 * the billing module draws the sequence inside the issuing transaction so it stays gap-free. Credit
 * notes have a series of their own, told apart by a prefix ('CN-2026-000007').
 */
import { calendarDate } from './checks.js';
import { invalid } from './errors.js';

export const maxSequence = 999_999;
export const creditNotePrefix = 'CN-';

export type InvoiceNumber = { year: number; sequence: number };

function checkYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw invalid(field, 'INVALID_SEQUENCE', `expected a four-digit year, got ${year}`);
  }
  return year;
}

function checkSequence(sequence: number, field: string): number {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > maxSequence) {
    throw invalid(field, 'INVALID_SEQUENCE', `expected a sequence from 1 to ${maxSequence}, got ${sequence}`);
  }
  return sequence;
}

export function formatInvoiceNumber(year: number, sequence: number, prefix = ''): string {
  checkYear(year, 'year');
  checkSequence(sequence, 'sequence');
  return `${prefix}${year}-${String(sequence).padStart(6, '0')}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The year and sequence of a number written by formatInvoiceNumber with the same prefix. */
export function parseInvoiceNumber(text: string, prefix = ''): InvoiceNumber {
  const m = new RegExp(`^${escapeRegExp(prefix)}(\\d{4})-(\\d{6})$`).exec(
    typeof text === 'string' ? text : '',
  );
  if (!m || Number(m[2]) === 0 || Number(m[1]) < 1000) {
    throw invalid(
      'number',
      'INVALID_NUMBER',
      `expected an invoice number '${prefix}YYYY-NNNNNN', e.g. '${prefix}2026-000123'; got ${JSON.stringify(text)}`,
    );
  }
  return { year: Number(m[1]), sequence: Number(m[2]) };
}

/** The number an invoice issued on `issuedOn` takes, after the year's last issued sequence (null: none yet). */
export function nextInvoiceNumber(issuedOn: string, lastSequence: number | null, prefix = ''): string {
  const year = Number(calendarDate(issuedOn, 'issuedOn').slice(0, 4));
  const next = lastSequence === null ? 1 : checkSequence(lastSequence, 'lastSequence') + 1;
  if (next > maxSequence) throw invalid('sequence', 'INVALID_SEQUENCE', `the ${year} sequence is used up`);
  return formatInvoiceNumber(year, next, prefix);
}

/** Sequences missing from a year's issued numbers, from 1 to the highest (an audit of gap-freeness). */
export function missingNumbers(numbers: readonly string[], year: number, prefix = ''): number[] {
  checkYear(year, 'year');
  const used = new Set<number>();
  for (const n of numbers) {
    const parsed = parseInvoiceNumber(n, prefix);
    if (parsed.year === year) used.add(parsed.sequence);
  }
  let highest = 0;
  for (const s of used) if (s > highest) highest = s;
  const missing: number[] = [];
  for (let s = 1; s <= highest; s++) if (!used.has(s)) missing.push(s);
  return missing;
}
