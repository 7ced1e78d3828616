import type { Clock, ClockKind, Ticket } from '../api/ticket-types';
import { BREACHING_SOON_MINUTES } from '../api/tickets';
import type { Tone } from '../ui/badge';

/**
 * Clocks as people read them: time left to a due instant on the wall clock ("32m left", "overdue
 * 1h 5m"), and what state each target is in. Due instants come from the server, which counts
 * business time; here only the distance from now to them is measured, so a countdown keeps moving
 * between fetches.
 */

const MINUTE = 60_000;

/** 45 → "45m", 65 → "1h 5m", 1500 → "1d 1h"; whole minutes, never negative. */
export function formatSpan(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) {
    const rest = m % 60;
    return rest ? `${Math.floor(m / 60)}h ${rest}m` : `${m / 60}h`;
  }
  const days = Math.floor(m / (24 * 60));
  const hours = Math.floor((m % (24 * 60)) / 60);
  return hours ? `${days}d ${hours}h` : `${days}d`;
}

/**
 * Business time in hours and minutes, never days: 1,440 business minutes are 24 business hours,
 * which on office hours is about three working days, not one.
 */
export function formatBusiness(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}m`;
  const rest = m % 60;
  return rest ? `${Math.floor(m / 60)}h ${rest}m` : `${m / 60}h`;
}

export type Countdown = { text: string; tone: Tone; overdue: boolean };

/** From now to a due instant: minutes left rounded up, minutes overdue rounded down. */
export function countdown(dueAt: string, now: number, warnAt?: string | null): Countdown {
  const due = Date.parse(dueAt);
  const left = due - now;
  if (left > 0) {
    const warn = warnAt ? now >= Date.parse(warnAt) : left <= BREACHING_SOON_MINUTES * MINUTE;
    return {
      text: `${formatSpan(Math.ceil(left / MINUTE))} left`,
      tone: warn ? 'warn' : 'neutral',
      overdue: false,
    };
  }
  const over = Math.floor(-left / MINUTE);
  return { text: over === 0 ? 'due now' : `overdue ${formatSpan(over)}`, tone: 'danger', overdue: true };
}

/**
 * When a queue row turns to "warning". Rows carry no clocks, only the nearest deadline and the next
 * notice instant (a warning or due instant of a running clock, stored with the clocks): a notice
 * before the deadline is a warning still to come; one at or past it means every warning before the
 * deadline has passed. Rows without a notice instant (paused clocks) fall back to the "Breaching
 * soon" window.
 */
export function queueWarnAt(t: Ticket): string | null {
  const { nextDeadlineAt: due, nextNoticeAt: notice } = t.sla;
  if (!due || !notice) return null;
  return Date.parse(notice) < Date.parse(due) ? notice : new Date(0).toISOString();
}

/** A queue row's nearest deadline, its tone following the ticket's own warning instants. */
export function queueCountdown(t: Ticket, now: number): Countdown {
  if (t.resolvedAt) return { text: t.closedAt ? 'closed' : 'resolved', tone: 'muted', overdue: false };
  if (t.sla.bestEffort) return { text: 'best effort', tone: 'muted', overdue: false };
  if (t.sla.nextDeadlineAt) {
    const c = countdown(t.sla.nextDeadlineAt, now, queueWarnAt(t));
    return t.sla.paused ? { ...c, text: `${c.text} · paused` } : c;
  }
  if (t.sla.paused) return { text: 'paused', tone: 'muted', overdue: false };
  return { text: 'no clock running', tone: 'muted', overdue: false };
}

export const clockLabels: Record<ClockKind, string> = {
  response: 'First response',
  resolution: 'Resolution',
  update: 'Next update',
};

export type ClockView = {
  /** Running, Warning, Overdue, Paused, Met, Met late. */
  state: string;
  tone: Tone;
  /** Time left, overdue, or what happened. */
  left: string;
};

/** One clock of a ticket as it stands at `now`. */
export function clockView(c: Clock, now: number): ClockView {
  if (c.metAt !== null) {
    if (c.state === 'breached') {
      const late = Math.floor((Date.parse(c.metAt) - Date.parse(c.dueAt)) / MINUTE);
      return { state: 'Met late', tone: 'danger', left: `${formatSpan(late)} after due` };
    }
    return { state: 'Met', tone: 'good', left: '—' };
  }
  if (c.state === 'paused')
    return {
      state: 'Paused',
      tone: 'muted',
      left: `${formatBusiness(c.remainingMinutes)} business time left`,
    };
  const cd = countdown(c.dueAt, now, c.warnAt);
  if (cd.overdue) return { state: 'Breached', tone: 'danger', left: cd.text };
  return { state: cd.tone === 'warn' ? 'Warning' : 'Running', tone: cd.tone, left: cd.text };
}

const instantFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant in the reader's own zone: "Tue 3 Mar, 09:30". */
export const formatInstant = (iso: string) => instantFormat.format(new Date(iso));
