import { describe, expect, it } from 'vitest';
import { type CsvDateFormat, formatCsvDate, formatDisplayDate, formatDisplaySpan } from './dates.js';

describe('dates', () => {
  it.each<[string, CsvDateFormat, string]>([
    ['2026-03-09', 'MM/dd/yyyy', '03/09/2026'],
    ['2026-03-09', 'dd/MM/yyyy', '09/03/2026'],
    ['2026-03-09', 'yyyy-MM-dd', '2026-03-09'],
    ['2024-02-29', 'dd/MM/yyyy', '29/02/2024'],
    ['2026-12-31', 'MM/dd/yyyy', '12/31/2026'],
  ])('%s as %s is %s', (date, format, expected) => {
    expect(formatCsvDate(date, format)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-3-9', '09/03/2026', ''])('refuses %j', (date) => {
    expect(() => formatCsvDate(date, 'yyyy-MM-dd')).toThrow(RangeError);
    expect(() => formatDisplayDate(date, 'en-US')).toThrow(RangeError);
  });

  it.each([
    ['2026-03-09', 'en-US', 'Mar 9, 2026'],
    ['2026-03-09', 'en-GB', '9 Mar 2026'],
    ['2026-03-09', 'de-DE', '09.03.2026'],
  ])('%s reads %j in %s whatever the machine zone', (date, locale, expected) => {
    expect(formatDisplayDate(date, locale)).toBe(expected);
  });

  it('writes a span once where its ends share month and year', () => {
    expect(formatDisplaySpan('2026-03-10', '2026-03-31', 'en-US')).toBe('Mar 10\u2009–\u200931, 2026');
    expect(formatDisplaySpan('2026-03-10', '2026-03-10', 'en-US')).toBe('Mar 10, 2026');
  });
});
