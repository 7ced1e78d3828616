/**
 * Fingerprints derived from labels when a tool sends none of its own. The algorithm is Prometheus's
 * (`LabelSet.Fingerprint` in prometheus/common/model): 64-bit FNV-1a over the label names in
 * byte order, each name and value followed by the 0xff separator byte, written as 16 hex digits. So
 * an alert from an old Alertmanager that sends no `fingerprint` gets exactly the key a newer one
 * would have sent, and the same alert is never counted as two after an upgrade.
 */
import type { AlertSource, Labels } from './types.js';

const offset64 = 0xcbf29ce484222325n;
const prime64 = 0x100000001b3n;
const mask64 = 0xffffffffffffffffn;
const separator = 0xff;
const utf8 = new TextEncoder();

function addBytes(hash: bigint, bytes: Uint8Array): bigint {
  let h = hash;
  for (const b of bytes) h = ((h ^ BigInt(b)) * prime64) & mask64;
  return h;
}

const addByte = (hash: bigint, b: number) => ((hash ^ BigInt(b)) * prime64) & mask64;

/** Byte-wise order of UTF-8 strings, as Go's sort of label names (not JS's UTF-16 order). */
function compareUtf8(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The 64-bit FNV-1a fingerprint of a label set, as an unsigned integer. */
export function labelSetHash(labels: Labels): bigint {
  let h = offset64;
  for (const name of Object.keys(labels).sort(compareUtf8)) {
    h = addByte(addBytes(h, utf8.encode(name)), separator);
    h = addByte(addBytes(h, utf8.encode(labels[name]!)), separator);
  }
  return h;
}

/** A label set's fingerprint as Alertmanager writes it: 16 lower-case hex digits. */
export function labelSetFingerprint(labels: Labels): string {
  return labelSetHash(labels).toString(16).padStart(16, '0');
}

/** The namespaced key every normalized event carries: `<source>:<key>`. */
export const sourceFingerprint = (source: AlertSource, key: string): string => `${source}:${key}`;
