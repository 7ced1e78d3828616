/**
 * The columns of an asset import file. Headers are matched without regard to case, spaces, dashes
 * or underscores, and the names other tools export under are accepted too ("Serial No", "IP").
 * A column the file does not have leaves that field of an existing asset as it is.
 */

export const importColumns = [
  'client',
  'site',
  'type',
  'name',
  'hostname',
  'address',
  'os',
  'serialNumber',
  'manufacturer',
  'model',
  'purchaseDate',
  'warrantyEnd',
  'managed',
  'owner',
  'notes',
  'identities',
] as const;
export type ImportColumn = (typeof importColumns)[number];

const aliases: Record<string, ImportColumn> = {
  client: 'client',
  clientname: 'client',
  clientid: 'client',
  customer: 'client',
  company: 'client',
  site: 'site',
  sitename: 'site',
  location: 'site',
  type: 'type',
  assettype: 'type',
  kind: 'type',
  name: 'name',
  assetname: 'name',
  hostname: 'hostname',
  host: 'hostname',
  computername: 'hostname',
  address: 'address',
  ip: 'address',
  ipaddress: 'address',
  fqdn: 'address',
  ipfqdn: 'address',
  os: 'os',
  operatingsystem: 'os',
  serial: 'serialNumber',
  serialnumber: 'serialNumber',
  serialno: 'serialNumber',
  manufacturer: 'manufacturer',
  vendor: 'manufacturer',
  make: 'manufacturer',
  model: 'model',
  purchasedate: 'purchaseDate',
  purchased: 'purchaseDate',
  purchasedon: 'purchaseDate',
  warrantyend: 'warrantyEnd',
  warrantyenddate: 'warrantyEnd',
  warrantyexpires: 'warrantyEnd',
  warrantyexpiry: 'warrantyEnd',
  warranty: 'warrantyEnd',
  managed: 'managed',
  owner: 'owner',
  owneremail: 'owner',
  ownercontact: 'owner',
  notes: 'notes',
  note: 'notes',
  identities: 'identities',
  labels: 'identities',
  monitoringlabels: 'identities',
  monitoringidentities: 'identities',
};

const squash = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '');

export type HeaderMap = { columns: (ImportColumn | null)[]; errors: string[] };

/**
 * Which field each column holds, or what is wrong with the header: unknown columns (a typo would
 * silently drop data), a field given twice, or a required one missing. A blank header is a column
 * to ignore (the trailing comma some spreadsheets write).
 */
export function mapHeader(header: readonly string[]): HeaderMap {
  const errors: string[] = [];
  const seen = new Map<ImportColumn, string>();
  const columns = header.map((raw) => {
    if (raw.trim() === '') return null;
    const column = aliases[squash(raw)];
    if (!column) {
      errors.push(`unknown column "${raw.trim()}"`);
      return null;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) errors.push(`columns "${earlier}" and "${raw.trim()}" both hold ${column}`);
    else seen.set(column, raw.trim());
    return column;
  });
  if (!seen.has('client')) errors.push('a "client" column (name or id) is required');
  if (!seen.has('type')) errors.push('a "type" column is required');
  if (!seen.has('name') && !seen.has('hostname')) errors.push('a "name" or "hostname" column is required');
  return { columns, errors };
}

/**
 * The delimiter of a file from its header line: spreadsheets in many locales save "CSV" with `;`,
 * and some tools export tabs. The most frequent of the three outside quotes wins; `,` on a tie.
 */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
