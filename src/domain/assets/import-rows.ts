/**
 * One row of an asset import: read (every cell checked, every problem reported, not just the
 * first), then resolved against the MSP's live clients, sites and contacts. Row numbers are the
 * file's record numbers with the header as row 1, as a spreadsheet shows them.
 */
import { isAddress, isDay, isHostname, parseAssetType, parseIdentityList, parseYesNo } from './fields.js';
import type { ImportColumn } from './import-columns.js';
import type { AssetType, IdentityLabel } from './types.js';

export type RowError = { row: number; field: string | null; message: string };

/** The asset fields a file can set; a field is present only when the file has its column. */
export type AssetValues = {
  type: AssetType;
  name: string;
  hostname: string | null;
  address: string | null;
  os: string | null;
  serialNumber: string | null;
  manufacturer: string | null;
  model: string | null;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  managed: boolean;
  notes: string;
  identities: IdentityLabel[];
};

export type ParsedRow = {
  row: number;
  /** Client, site and owner as the file names them (an id, a name, an email). */
  clientRef: string;
  /** undefined: no such column; null: the cell is blank. */
  siteRef: string | null | undefined;
  ownerRef: string | null | undefined;
  values: Partial<AssetValues>;
};

const limits: Partial<Record<ImportColumn, number>> = {
  name: 200,
  hostname: 253,
  address: 253,
  os: 200,
  serialNumber: 100,
  manufacturer: 200,
  model: 200,
  notes: 20_000,
  site: 200,
  owner: 254,
  client: 200,
};

type Parsed = { ok: true; row: ParsedRow } | { ok: false; errors: RowError[] };

/** Reads one record; `columns` is the header's map (mapHeader), null for an ignored column. */
export function parseRow(
  cells: readonly string[],
  columns: readonly (ImportColumn | null)[],
  row: number,
): Parsed {
  const errors: RowError[] = [];
  const fail = (field: string | null, message: string) => errors.push({ row, field, message });
  const cell = new Map<ImportColumn, string>();
  if (cells.length !== columns.length)
    fail(null, `has ${cells.length} cells where the header has ${columns.length} columns`);
  columns.forEach((column, i) => {
    if (column) cell.set(column, (cells[i] ?? '').trim());
  });
  for (const [column, value] of cell) {
    const max = limits[column];
    if (max !== undefined && value.length > max) fail(column, `is longer than ${max} characters`);
  }
  const text = (column: ImportColumn) => {
    const v = cell.get(column);
    return v === undefined ? undefined : v === '' ? null : v;
  };
  const values: Partial<AssetValues> = {};

  const clientRef = text('client');
  if (!clientRef) fail('client', 'is required: a client name or id');

  const typeText = text('type');
  const type = typeText ? parseAssetType(typeText) : null;
  if (!typeText) fail('type', 'is required');
  else if (!type) fail('type', `"${typeText}" is not an asset type`);
  else values.type = type;

  const hostname = text('hostname');
  if (hostname !== undefined) {
    if (hostname !== null && !isHostname(hostname))
      fail('hostname', 'must be a host name: letters, digits, - _ and .');
    values.hostname = hostname;
  }
  const name = text('name');
  if (name) values.name = name;
  else if (!hostname) fail('name', 'is required (or a hostname to name it by)');

  const address = text('address');
  if (address !== undefined) {
    if (address !== null && !isAddress(address)) fail('address', 'must be an IP address or a domain name');
    values.address = address;
  }
  for (const column of ['os', 'serialNumber', 'manufacturer', 'model'] as const) {
    const v = text(column);
    if (v !== undefined) values[column] = v;
  }
  for (const column of ['purchaseDate', 'warrantyEnd'] as const) {
    const v = text(column);
    if (v === undefined) continue;
    if (v !== null && !isDay(v)) fail(column, `"${v}" is not a date written YYYY-MM-DD`);
    values[column] = v;
  }
  if (values.purchaseDate && values.warrantyEnd && values.warrantyEnd < values.purchaseDate)
    fail('warrantyEnd', 'is before the purchase date');

  const managed = cell.get('managed');
  if (managed !== undefined) {
    const v = parseYesNo(managed);
    if (v === null) fail('managed', `"${managed}" is neither yes nor no`);
    else values.managed = v;
  }
  const notes = cell.get('notes');
  if (notes !== undefined) values.notes = notes;
  const identities = cell.get('identities');
  if (identities !== undefined) {
    const parsed = parseIdentityList(identities);
    for (const message of parsed.errors) fail('identities', message);
    values.identities = parsed.labels;
  }

  if (errors.length > 0 || !clientRef) return { ok: false, errors };
  return {
    ok: true,
    row: { row, clientRef, siteRef: text('site'), ownerRef: text('owner'), values },
  };
}

export type Directory = {
  clients: readonly { id: string; name: string }[];
  /** Live sites and contacts of the clients the file names. */
  sitesOf(clientId: string): readonly { id: string; name: string }[];
  contactsOf(clientId: string): readonly { id: string; name: string; email: string | null }[];
};

export type ResolvedRow = {
  row: number;
  clientId: string;
  /** undefined: leave as it is; null: none. */
  siteId: string | null | undefined;
  ownerContactId: string | null | undefined;
  values: Partial<AssetValues>;
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The one item an id, or else a name (any case), names; "ambiguous" when a name fits several. */
function pick<T extends { id: string }>(
  items: readonly T[],
  ref: string,
  names: (item: T) => (string | null)[],
) {
  const byId = items.find((i) => i.id === ref.trim().toLowerCase());
  if (byId) return byId;
  const byName = items.filter((i) => names(i).some((n) => n !== null && same(n, ref)));
  return byName.length === 1 ? byName[0]! : byName.length > 1 ? ('ambiguous' as const) : null;
}

/** The live client a file names by id or by name (any case), or null. */
export function pickClient(clients: Directory['clients'], ref: string): { id: string; name: string } | null {
  const found = pick(clients, ref, (c) => [c.name]);
  return found === 'ambiguous' ? null : found;
}

/** Client by id or name, site by id or name, owner by id, email or name: among live ones only. */
export function resolveRow(
  parsed: ParsedRow,
  directory: Directory,
): { ok: true; row: ResolvedRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row: parsed.row, field, message });
  const client = pickClient(directory.clients, parsed.clientRef);
  if (client === null) {
    fail('client', `no live client is named or has the id "${parsed.clientRef}"`);
    return { ok: false, errors };
  }
  let siteId: string | null | undefined = parsed.siteRef === undefined ? undefined : null;
  if (parsed.siteRef) {
    const site = pick(directory.sitesOf(client.id), parsed.siteRef, (s) => [s.name]);
    if (site === null || site === 'ambiguous')
      fail('site', `${client.name} has no live site "${parsed.siteRef}"`);
    else siteId = site.id;
  }
  let ownerContactId: string | null | undefined = parsed.ownerRef === undefined ? undefined : null;
  if (parsed.ownerRef) {
    const owner = pick(directory.contactsOf(client.id), parsed.ownerRef, (c) => [c.email, c.name]);
    if (owner === 'ambiguous')
      fail('owner', `several contacts of ${client.name} are named "${parsed.ownerRef}": give the email`);
    else if (owner === null) fail('owner', `${client.name} has no live contact "${parsed.ownerRef}"`);
    else ownerContactId = owner.id;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: { row: parsed.row, clientId: client.id, siteId, ownerContactId, values: parsed.values },
  };
}
