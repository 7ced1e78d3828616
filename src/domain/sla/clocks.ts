/**
 * A ticket's SLA clocks, computed from its history (DESIGN.md, business rule 4). Instants are epoch
 * milliseconds. The rule never stores state: given when the ticket started, when it was paused,
 * answered, updated and resolved, and the targets of its current priority, it says where every
 * clock stands at `now`. So a priority change recomputes from the original start, and a restart
 * loses nothing.
 *
 * Conventions (peers disagree, so they are stated):
 * - a pause status stops every clock still running; time in it never counts;
 * - first response is met by the first public reply or status change out of "new" by staff;
 * - a target met exactly at its due instant is met, not breached;
 * - a breach is recorded at the due instant, even when it is noticed later;
 * - a resolved ticket that is reopened resumes its resolution clock; the time it spent resolved
 *   does not count;
 * - the update clock restarts at every public staff reply and stops when the ticket is resolved.
 */

export type Interval = { from: number; to: number };
/** An interval still open at `now` has `to: null`. */
export type OpenInterval = { from: number; to: number | null };

/** The business-time arithmetic of one calendar (see src/domain/calendar). */
export type BusinessTime = {
  /** The instant at which `minutes` business minutes have passed since `start`, skipping pauses. */
  due(start: number, minutes: number, pauses: readonly Interval[]): number;
  /** Business minutes between two instants, less pauses. */
  minutesBetween(from: number, to: number, pauses: readonly Interval[]): number;
};

export type Targets = {
  responseMinutes: number;
  resolutionMinutes: number;
  updateMinutes: number | null;
};

export type ClockInput = {
  start: number;
  now: number;
  targets: Targets;
  /** Share of a target after which the clock warns, 0 < warnPercent ≤ 100. */
  warnPercent: number;
  /** Spans in a pause status (waiting on client, on vendor …). */
  pauses: readonly OpenInterval[];
  /** Spans in a resolved or closed status; only the last may be open. */
  resolved: readonly OpenInterval[];
  respondedAt: number | null;
  /** The latest public reply by staff, if any. */
  lastUpdateAt: number | null;
};

export const clockKinds = ['response', 'resolution', 'update'] as const;
export type ClockKind = (typeof clockKinds)[number];
export type ClockState = 'running' | 'paused' | 'met' | 'breached';

export type Clock = {
  kind: ClockKind;
  state: ClockState;
  /** The target in business minutes. */
  minutes: number;
  /** When the target runs out; while paused, when it would if resumed now. */
  dueAt: number;
  warnAt: number;
  /** When the target was met (late or not), else null. */
  metAt: number | null;
  /** The due instant once passed without the target met, else null. */
  breachedAt: number | null;
  /** Business minutes counted so far (to the met instant once met). */
  elapsedMinutes: number;
  /** Business minutes left; negative once breached and still running. */
  remainingMinutes: number;
};

/** Closes open spans at `now`, drops empty ones, sorts and merges overlaps. */
export function closedSpans(spans: readonly OpenInterval[], now: number): Interval[] {
  const closed = spans
    .map((s) => ({ from: s.from, to: Math.min(s.to ?? now, now) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const s of closed) {
    const last = merged.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

const isOpenAt = (spans: readonly OpenInterval[], now: number) =>
  spans.some((s) => s.from <= now && (s.to === null || s.to > now));

function clockFor(
  time: BusinessTime,
  kind: ClockKind,
  from: number,
  minutes: number,
  input: { now: number; warnPercent: number; metAt: number | null; paused: boolean; pauses: Interval[] },
): Clock {
  const { now, metAt, pauses } = input;
  const dueAt = time.due(from, minutes, pauses);
  const warnAt = time.due(from, Math.ceil((minutes * input.warnPercent) / 100), pauses);
  const until = metAt ?? now;
  const elapsedMinutes = until > from ? time.minutesBetween(from, until, pauses) : 0;
  const late = metAt !== null ? metAt > dueAt : now > dueAt;
  let state: ClockState;
  if (late) state = 'breached';
  else if (metAt !== null) state = 'met';
  else state = input.paused ? 'paused' : 'running';
  return {
    kind,
    state,
    minutes,
    dueAt,
    warnAt,
    metAt,
    breachedAt: late ? dueAt : null,
    elapsedMinutes,
    remainingMinutes: minutes - elapsedMinutes,
  };
}

export function computeClocks(time: BusinessTime, input: ClockInput): Clock[] {
  const { start, now, targets } = input;
  const paused = isOpenAt(input.pauses, now);
  const resolvedNow = input.resolved.some((s) => s.to === null && s.from <= now);
  // While paused the clocks stand still: due instants are those if the ticket resumed now.
  const pauses = closedSpans(input.pauses, now);
  const base = { now, warnPercent: input.warnPercent, paused };

  const respondedAt = input.respondedAt !== null && input.respondedAt <= now ? input.respondedAt : null;
  const clocks = [
    clockFor(time, 'response', start, targets.responseMinutes, { ...base, metAt: respondedAt, pauses }),
  ];

  const lastResolved = input.resolved.at(-1);
  const resolvedAt = resolvedNow && lastResolved ? lastResolved.from : null;
  const earlierResolutions = input.resolved.filter((s) => s.to !== null);
  clocks.push(
    clockFor(time, 'resolution', start, targets.resolutionMinutes, {
      ...base,
      metAt: resolvedAt,
      pauses: closedSpans([...input.pauses, ...earlierResolutions], now),
    }),
  );

  if (targets.updateMinutes !== null && !resolvedNow) {
    const from = Math.max(start, input.lastUpdateAt ?? start);
    clocks.push(clockFor(time, 'update', from, targets.updateMinutes, { ...base, metAt: null, pauses }));
  }
  return clocks;
}

/** The earliest instant at which any still-running clock warns or breaches: what the queue sorts by. */
export function nextDeadline(clocks: readonly Clock[]): number | null {
  const open = clocks.filter((c) => c.state === 'running' || (c.state === 'breached' && c.metAt === null));
  return open.length === 0 ? null : Math.min(...open.map((c) => c.dueAt));
}
