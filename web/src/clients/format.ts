import type { Address, ClientStatus, Criticality } from '../api/types';

export const statusLabels: Record<ClientStatus, string> = {
  active: 'Active',
  onboarding: 'Onboarding',
  inactive: 'Inactive',
};

export const statusTone = (status: ClientStatus) =>
  status === 'active' ? 'good' : status === 'onboarding' ? 'warn' : 'muted';

export const criticalityLabels: Record<Criticality, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** Address parts on separate lines; empty when nothing is known. */
export function addressLines(a: Address): string[] {
  const cityLine = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.region, a.country].filter((l): l is string => Boolean(l));
}

export const formatAddress = (a: Address) => addressLines(a).join(', ');

/** Basis points as a percentage: 2000 → "20 %", 1950 → "19.5 %". */
export const formatTaxRate = (bp: number) =>
  `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
