/**
 * How an alert finds its asset. Identity labels are exact pairs an MSP writes on an asset
 * (`instance=web01:9100`, `monitor=Acme website`); values compare without regard to case. When no
 * label matches, the host names an alert carries are compared with assets' hostnames and addresses.
 */
import { hostOf } from '../monitoring/identity.js';
import type { IdentityLabel, IdentityQuery } from './types.js';

export const MAX_IDENTITIES = 50;
export const MAX_IDENTITY_VALUE = 500;
/** Prometheus label names, lower case; dots and dashes too (Zabbix tags, Kubernetes-style keys). */
const KEY = /^[a-z_][a-z0-9_.-]{0,62}$/;

/** Key lower case and trimmed, value trimmed: how a label is stored and compared. */
export const normalizeIdentity = (label: IdentityLabel): IdentityLabel => ({
  key: label.key.trim().toLowerCase(),
  value: label.value.trim(),
});

/** The comparison key of a pair: one identity whatever the case of its value. */
export const identityKey = (label: IdentityLabel): string =>
  `${label.key.trim().toLowerCase()}\u0000${label.value.trim().toLowerCase()}`;

export type IdentityError = { index: number; field: 'key' | 'value' | null; message: string };

/** What is wrong with an asset's list of identity labels (after normalizeIdentity), if anything. */
export function identityErrors(labels: readonly IdentityLabel[]): IdentityError[] {
  const errors: IdentityError[] = [];
  if (labels.length > MAX_IDENTITIES)
    errors.push({ index: MAX_IDENTITIES, field: null, message: `at most ${MAX_IDENTITIES} identities` });
  const seen = new Map<string, number>();
  labels.forEach((label, index) => {
    if (!KEY.test(label.key))
      errors.push({
        index,
        field: 'key',
        message: 'must start with a letter or _ and hold only a-z, 0-9, _ . - (64 at most)',
      });
    if (label.value === '') errors.push({ index, field: 'value', message: 'must not be blank' });
    else if (label.value.length > MAX_IDENTITY_VALUE)
      errors.push({ index, field: 'value', message: `must be at most ${MAX_IDENTITY_VALUE} characters` });
    const key = identityKey(label);
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ index, field: 'value', message: `repeats identity ${first + 1} (${label.key})` });
    else seen.set(key, index);
  });
  return errors;
}

/**
 * How strongly a key names one thing, most specific first: a tool's own fingerprint, then the
 * scrape target, host, monitor and service; any other label after those, and `job` (a whole class
 * of targets) last.
 */
const keyRank = (key: string): number => {
  const fixed = ['fingerprint', 'instance', 'host', 'monitor', 'service'].indexOf(key);
  if (fixed >= 0) return fixed;
  return key === 'job' ? 7 : 6;
};

/** The pairs to look up for an alert, in the order that decides between them; no pair twice. */
export function lookupPairs(query: IdentityQuery): IdentityLabel[] {
  const raw: IdentityLabel[] = [];
  for (const key of ['instance', 'host', 'monitor', 'service'] as const) {
    const value = query[key];
    if (typeof value === 'string') raw.push({ key, value });
  }
  for (const [key, value] of Object.entries(query.labels ?? {}))
    if (typeof value === 'string') raw.push({ key, value });
  const seen = new Set<string>();
  const pairs: IdentityLabel[] = [];
  for (const label of raw.map(normalizeIdentity)) {
    if (label.key === '' || label.value === '' || label.value.length > MAX_IDENTITY_VALUE) continue;
    const key = identityKey(label);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(label);
  }
  // Stable: within one rank, the query's own order (named keys before labels) stands.
  return pairs
    .map((pair, i) => ({ pair, i }))
    .sort((a, b) => keyRank(a.pair.key) - keyRank(b.pair.key) || a.i - b.i)
    .map((x) => x.pair);
}

/** The asset of the best-ranked pair that some live asset holds, or null. */
export function pickIdentityMatch(
  pairs: readonly IdentityLabel[],
  holders: readonly (IdentityLabel & { assetId: string })[],
): string | null {
  const byPair = new Map(holders.map((h) => [identityKey(h), h.assetId]));
  for (const pair of pairs) {
    const assetId = byPair.get(identityKey(pair));
    if (assetId !== undefined) return assetId;
  }
  return null;
}

const bare = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** Host names and addresses an alert names, lower case without port or trailing dot. */
export function hostCandidates(query: IdentityQuery): string[] {
  const labels = query.labels ?? {};
  const out = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const host = hostOf(value);
    if (host) out.add(bare(host));
  };
  add(query.host);
  add(query.instance);
  for (const key of ['host', 'hostname', 'nodename', 'instance']) add(labels[key]);
  // A host name with a space (a Zabbix technical name such as "Zabbix server") is kept as written.
  if (typeof query.host === 'string' && query.host.trim() !== '' && !hostOf(query.host))
    out.add(bare(query.host.trim()));
  return [...out];
}

export type HostHolder = { id: string; hostname: string | null; address: string | null };

/**
 * The one asset whose hostname, else whose address, equals a candidate. Several assets share a name
 * (every client has a "dc01"): then no answer, and the alert goes to triage rather than to a guess.
 */
export function pickHostMatch(candidates: readonly string[], assets: readonly HostHolder[]): string | null {
  const wanted = new Set(candidates.map(bare));
  const matching = (field: 'hostname' | 'address') => [
    ...new Set(assets.filter((a) => a[field] !== null && wanted.has(bare(a[field]!))).map((a) => a.id)),
  ];
  const byName = matching('hostname');
  if (byName.length > 0) return byName.length === 1 ? byName[0]! : null;
  const byAddress = matching('address');
  return byAddress.length === 1 ? byAddress[0]! : null;
}
