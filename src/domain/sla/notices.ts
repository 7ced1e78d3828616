/**
 * Which SLA policy a client's tickets run on, which notices its clocks call for, and how a breach
 * raises priority: the rules the helpdesk applies, kept apart from where it stores them.
 */
import type { Agreement } from '../agreements/types.js';
import type { Clock } from './clocks.js';
import { type Priority, priorities } from './priority.js';

/**
 * The policy an active agreement names, a managed agreement first; null when none names one (the
 * client's kind then decides).
 */
export function namedSlaPolicy(
  agreements: readonly Pick<Agreement, 'status' | 'kind' | 'slaPolicyId'>[],
): string | null {
  const active = agreements.filter((a) => a.status === 'active' && a.slaPolicyId);
  return (active.find((a) => a.kind === 'managed') ?? active[0])?.slaPolicyId ?? null;
}

/** The notices a ticket's clocks call for at `now`: a breach replaces a warning not yet sent. */
export function noticesDue(clocks: readonly Clock[], now: number) {
  const due: { clock: Clock; notice: 'warning' | 'breach' }[] = [];
  for (const c of clocks) {
    if (c.metAt !== null) continue;
    if (c.state === 'breached') due.push({ clock: c, notice: 'breach' });
    else if (c.state === 'running' && now >= c.warnAt) due.push({ clock: c, notice: 'warning' });
  }
  return due;
}

/** One step more urgent; P1 stays P1. */
export const raisedPriority = (p: Priority): Priority => priorities[Math.max(0, priorities.indexOf(p) - 1)]!;
