import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file with a header row, quoted by csv-stringify wherever a field holds a comma, a quote
 * or a line break, with CRLF line ends (RFC 4180, which both QuickBooks and Xero read).
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows] as string[][], { record_delimiter: 'windows' });
}
