import type { Alert, AlertStatus, MonthAvailability, Severity } from '../api/alerts';
import type { Tone } from '../ui/badge';

export const severities: readonly Severity[] = ['critical', 'high', 'warning', 'info'];

export const severityLabels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  warning: 'Warning',
  info: 'Info',
};

export const severityTone: Record<Severity, Tone> = {
  critical: 'danger',
  high: 'danger',
  warning: 'warn',
  info: 'muted',
};

export const statusLabels: Record<AlertStatus, string> = {
  open: 'Open',
  silenced: 'Silenced',
  resolved: 'Resolved',
};

export const statusTone: Record<AlertStatus, Tone> = { open: 'warn', silenced: 'muted', resolved: 'good' };

export const ticketStateLabels: Record<Alert['ticketState'], string> = {
  none: 'No ticket',
  pending: 'Opening…',
  open: 'Open',
  review: 'Recovered — review',
  resolved: 'Resolved',
};

export const availabilityTone: Record<MonthAvailability['status'], Tone> = {
  met: 'good',
  breached: 'danger',
  pending: 'neutral',
  'no-target': 'muted',
};

export const availabilityLabels: Record<MonthAvailability['status'], string> = {
  met: 'Met',
  breached: 'Breached',
  pending: 'So far',
  'no-target': 'No target',
};

/** "web01:9100 is down", else the alert's fingerprint. */
export const alertTitle = (a: Pick<Alert, 'summary' | 'fingerprint'>) => a.summary ?? a.fingerprint;

/** Percent with up to 3 decimals, as the server rounds it (down). */
export const percent = (value: number | null) =>
  value === null ? '—' : `${value.toFixed(3).replace(/\.?0+$/, '')} %`;

export const minutes = (value: number) =>
  value >= 120 ? `${(value / 60).toFixed(1)} h` : `${Math.round(value * 10) / 10} min`;
