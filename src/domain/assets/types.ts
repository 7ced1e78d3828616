/**
 * What an asset is, as the MSP records it: the kinds of device or service it looks after, and the
 * monitoring identities that name an asset in the tools that watch it.
 */
export const assetTypes = [
  'workstation',
  'server',
  'laptop',
  'network_device',
  'printer',
  'mobile',
  'cloud_service',
  'other',
] as const;
export type AssetType = (typeof assetTypes)[number];

/**
 * Keys monitoring tools name things by (Prometheus `instance` and `job`, a Zabbix `host`, an Uptime
 * Kuma `monitor`, an Alertmanager `fingerprint` …). Any other label key is allowed as well.
 */
export const commonIdentityKeys = ['instance', 'host', 'monitor', 'service', 'job', 'fingerprint'] as const;

/** One monitoring identity of an asset: while the asset is live, no other asset holds the same pair. */
export type IdentityLabel = { key: string; value: string };

/** What an alert says about the thing it is about; every part optional. */
export type IdentityQuery = {
  instance?: string | null;
  host?: string | null;
  monitor?: string | null;
  service?: string | null;
  labels?: Readonly<Record<string, string>> | null;
};
