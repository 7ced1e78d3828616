import { type AssetType, assetTypes } from '../api/assets';

export const typeLabels: Record<AssetType, string> = {
  workstation: 'Workstation',
  server: 'Server',
  laptop: 'Laptop',
  network_device: 'Network device',
  printer: 'Printer',
  mobile: 'Mobile',
  cloud_service: 'Cloud service',
  other: 'Other',
};

export const isAssetType = (s: string | null): s is AssetType =>
  s !== null && (assetTypes as readonly string[]).includes(s);

/** A warranty end as a short date; "expired" once it is past. */
export function warrantyText(end: string | null, today = new Date().toISOString().slice(0, 10)): string {
  if (!end) return '—';
  return end < today ? `${end} (expired)` : end;
}
