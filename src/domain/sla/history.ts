/**
 * From a ticket's history to what its clocks read. The history is what the helpdesk records anyway
 * (status moves and replies, with who and when), so the clocks can always be rebuilt from it.
 */
import type { Phase } from '../tickets/workflow.js';
import type { ClockInput, OpenInterval } from './clocks.js';

export type HistoryEntry =
  | { at: number; kind: 'status'; phase: Phase; byStaff: boolean }
  | { at: number; kind: 'reply'; public: boolean; byStaff: boolean };

export type ClockHistory = Pick<ClockInput, 'pauses' | 'resolved' | 'respondedAt' | 'lastUpdateAt'>;

/** Entries must be in time order; the ticket starts in the `new` phase. */
export function clockHistory(entries: readonly HistoryEntry[]): ClockHistory {
  const pauses: OpenInterval[] = [];
  const resolved: OpenInterval[] = [];
  let respondedAt: number | null = null;
  let lastUpdateAt: number | null = null;
  let phase: Phase = 'new';
  const close = (spans: OpenInterval[], at: number) => {
    const last = spans.at(-1);
    if (last && last.to === null) last.to = at;
  };
  for (const e of entries) {
    if (e.kind === 'reply') {
      if (!e.public || !e.byStaff) continue;
      respondedAt ??= e.at;
      lastUpdateAt = e.at;
      continue;
    }
    if (e.phase === phase) continue;
    if (phase === 'new' && e.byStaff) respondedAt ??= e.at;
    if (phase === 'paused') close(pauses, e.at);
    const wasDone = phase === 'resolved' || phase === 'closed';
    const isDone = e.phase === 'resolved' || e.phase === 'closed';
    if (wasDone && !isDone) close(resolved, e.at);
    if (e.phase === 'paused') pauses.push({ from: e.at, to: null });
    if (isDone && !wasDone) resolved.push({ from: e.at, to: null });
    phase = e.phase;
  }
  return { pauses, resolved, respondedAt, lastUpdateAt };
}
