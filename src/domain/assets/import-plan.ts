/**
 * What an import does with each valid row: create an asset or update the one it describes, so the
 * same file imported twice creates nothing the second time. A row describes an existing live asset
 * of its client with
 *   1. the same serial number (any case); else, for a row with a serial, an asset with the row's
 *      hostname and no serial yet (it is getting one);
 *   2. for a row without a serial: the same hostname;
 *   3. for a row with neither: the same name, on an asset with neither.
 * Several assets fitting step 2 or 3 is ambiguous: the row is refused rather than guessed.
 */
import { identityKey } from './identity.js';
import type { ResolvedRow, RowError } from './import-rows.js';
import type { IdentityLabel } from './types.js';

export type ExistingAsset = {
  id: string;
  clientId: string;
  name: string;
  serialNumber: string | null;
  hostname: string | null;
};

export type Match =
  | { kind: 'create' }
  | { kind: 'update'; assetId: string }
  | { kind: 'ambiguous'; message: string };

const same = (a: string | null | undefined, b: string | null | undefined) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

type Matchable = Pick<ResolvedRow, 'clientId' | 'values'>;

export function matchExisting(row: Matchable, existing: readonly ExistingAsset[]): Match {
  const mine = existing.filter((a) => a.clientId === row.clientId);
  const { serialNumber: serial, hostname, name } = row.values;
  const one = (found: ExistingAsset[], what: string): Match => {
    if (found.length === 1) return { kind: 'update', assetId: found[0]!.id };
    if (found.length > 1)
      return {
        kind: 'ambiguous',
        message: `${found.length} live assets of this client have ${what}: add a serial number`,
      };
    return { kind: 'create' };
  };
  if (serial) {
    const bySerial = mine.find((a) => same(a.serialNumber, serial));
    if (bySerial) return { kind: 'update', assetId: bySerial.id };
    if (!hostname) return { kind: 'create' };
    return one(
      mine.filter((a) => a.serialNumber === null && same(a.hostname, hostname)),
      `the hostname ${hostname}`,
    );
  }
  if (hostname)
    return one(
      mine.filter((a) => same(a.hostname, hostname)),
      `the hostname ${hostname}`,
    );
  if (name)
    return one(
      mine.filter((a) => a.serialNumber === null && a.hostname === null && same(a.name, name)),
      `the name ${name}`,
    );
  return { kind: 'create' };
}

/** The key a row claims within one file: two rows with one key describe one asset. */
function rowKey(row: Matchable): string | null {
  const { serialNumber: serial, hostname, name } = row.values;
  const lower = (v: string) => v.trim().toLowerCase();
  if (serial) return `${row.clientId}|serial|${lower(serial)}`;
  if (hostname) return `${row.clientId}|host|${lower(hostname)}`;
  if (name) return `${row.clientId}|name|${lower(name)}`;
  return null;
}

export type PlannedRow = ResolvedRow & { action: 'create' | 'update'; assetId: string | null };

/**
 * Every row's action, or its errors: a row that repeats an earlier row's asset, or whose monitoring
 * identity another live asset (or an earlier row) already holds, is refused. `holders` are the live
 * identities among those the file names.
 */
export function planImport(
  rows: readonly ResolvedRow[],
  existing: readonly ExistingAsset[],
  holders: readonly (IdentityLabel & { assetId: string })[],
): { planned: PlannedRow[]; errors: RowError[] } {
  const planned: PlannedRow[] = [];
  const errors: RowError[] = [];
  const claimed = new Map<string, number>();
  const identityClaims = new Map<string, number>();
  const holderOf = new Map(holders.map((h) => [identityKey(h), h.assetId]));

  for (const row of rows) {
    const fail = (field: string | null, message: string) => errors.push({ row: row.row, field, message });
    const match = matchExisting(row, existing);
    if (match.kind === 'ambiguous') {
      fail('hostname', match.message);
      continue;
    }
    const assetId = match.kind === 'update' ? match.assetId : null;
    const keys = [rowKey(row), assetId ? `asset|${assetId}` : null].filter((k): k is string => k !== null);
    const earlier = keys.map((k) => claimed.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      fail(null, `describes the same asset as row ${earlier}`);
      continue;
    }
    const clashes = (row.values.identities ?? []).flatMap((label) => {
      const key = identityKey(label);
      const holder = holderOf.get(key);
      if (holder !== undefined && holder !== assetId)
        return [`${label.key}=${label.value} already maps to another live asset`];
      const byRow = identityClaims.get(key);
      return byRow !== undefined ? [`${label.key}=${label.value} is also on row ${byRow}`] : [];
    });
    if (clashes.length > 0) {
      for (const message of clashes) fail('identities', message);
      continue;
    }
    for (const k of keys) claimed.set(k, row.row);
    for (const label of row.values.identities ?? []) identityClaims.set(identityKey(label), row.row);
    planned.push({ ...row, action: match.kind, assetId });
  }
  return { planned, errors };
}
