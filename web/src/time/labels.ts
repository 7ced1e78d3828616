import type { TimeEntry, TimeEntryStatus } from '../api/time';
import type { Tone } from '../ui/badge';

export const statusLabels: Record<TimeEntryStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const statusTone: Record<TimeEntryStatus, Tone> = {
  draft: 'muted',
  submitted: 'warn',
  approved: 'good',
  rejected: 'danger',
};

/** What the work was on, in a few words. */
export function subjectOf(e: Pick<TimeEntry, 'ticketId' | 'projectRef' | 'activity'>): string {
  if (e.ticketId) return 'Ticket';
  if (e.projectRef) return `Project ${e.projectRef}`;
  return e.activity ?? '';
}

/** Minutes as people read a duration: 45 → "45m", 90 → "1h 30m", 600 → "10h". */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}m`;
  const rest = m % 60;
  return rest ? `${Math.floor(m / 60)}h ${rest}m` : `${m / 60}h`;
}

/** A running timer's elapsed time, to the second: "1:05:09". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** "09:30" in the browser's zone. */
export const formatClock = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
