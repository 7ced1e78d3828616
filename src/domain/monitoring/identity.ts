/**
 * Identity keys (instance, host, monitor, service) read from what tools send. Hosts are written
 * lower case without brackets or port (international names in their ASCII form), so `WEB01:9100`,
 * `http://web01/` and `web01` name one host.
 */
import type { Identity, IdentityKey } from './types.js';

/**
 * The host of a Prometheus `instance` ('10.0.0.5:9100', '[2001:db8::1]:9100', 'web01') or of a URL
 * ('https://www.acme.example/health'); undefined when it holds none.
 */
export function hostOf(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let host: string;
  try {
    host = new URL(text.includes('://') ? text : `http://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === '' ? undefined : host;
}

/** An identity without the keys whose value is missing or blank. */
export function identityOf(keys: Partial<Record<IdentityKey, string | null | undefined>>): Identity {
  const out: Partial<Record<IdentityKey, string>> = {};
  for (const [key, value] of Object.entries(keys) as [IdentityKey, string | null | undefined][]) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** The first value that is a non-blank string. */
export const firstOf = (...values: (string | null | undefined)[]): string | undefined =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
