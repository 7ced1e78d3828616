/**
 * The values an asset field takes, read leniently from what people type (a form, a spreadsheet
 * export) and checked strictly: one place for the API schemas and the CSV import.
 */
import { z } from 'zod';
import { identityErrors, normalizeIdentity } from './identity.js';
import { type AssetType, assetTypes, type IdentityLabel } from './types.js';

/** NetBIOS names may hold `_` (PC_ACCT-01), so this is looser than a DNS name. */
const HOSTNAME = /^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,251}[A-Za-z0-9_.])?$/;
export const isHostname = (text: string): boolean => HOSTNAME.test(text);

const ipOrDomain = z.union([z.ipv4(), z.ipv6(), z.hostname()]);
/** An IP address (v4 or v6) or a domain name. */
export const isAddress = (text: string): boolean => ipOrDomain.safeParse(text).success;

const day = z.iso.date();
/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export const isDay = (text: string): boolean => day.safeParse(text).success;

/** Names people use for each type, beside the codes themselves. */
const typeAliases: Record<string, AssetType> = {
  desktop: 'workstation',
  pc: 'workstation',
  computer: 'workstation',
  notebook: 'laptop',
  vm: 'server',
  virtual_machine: 'server',
  network: 'network_device',
  switch: 'network_device',
  router: 'network_device',
  firewall: 'network_device',
  access_point: 'network_device',
  phone: 'mobile',
  smartphone: 'mobile',
  tablet: 'mobile',
  cloud: 'cloud_service',
  saas: 'cloud_service',
};

/** "Network device", "network-device" and "NETWORK_DEVICE" are one type; null when none fits. */
export function parseAssetType(text: string): AssetType | null {
  const code = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((assetTypes as readonly string[]).includes(code)) return code as AssetType;
  return typeAliases[code] ?? null;
}

const yes = new Set(['yes', 'y', 'true', '1', 'managed', 'x']);
const no = new Set(['no', 'n', 'false', '0', 'unmanaged', '']);

/** A spreadsheet's yes/no; null when it is neither. A blank cell is no. */
export function parseYesNo(text: string): boolean | null {
  const v = text.trim().toLowerCase();
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  return null;
}

export type ParsedIdentities = { labels: IdentityLabel[]; errors: string[] };

/**
 * Identities written in one cell: `key=value` pairs separated by `;` or new lines
 * (`instance=web01:9100; monitor=Acme site`). A value may hold `=`; it may not hold `;`.
 */
export function parseIdentityList(text: string): ParsedIdentities {
  const labels: IdentityLabel[] = [];
  const errors: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    if (at < 0) {
      errors.push(`"${part.trim()}" is not key=value`);
      continue;
    }
    labels.push(normalizeIdentity({ key: part.slice(0, at), value: part.slice(at + 1) }));
  }
  for (const e of identityErrors(labels)) {
    const label = labels[e.index];
    errors.push(label ? `${label.key}=${label.value}: ${e.field ?? 'identity'} ${e.message}` : e.message);
  }
  return { labels, errors };
}
