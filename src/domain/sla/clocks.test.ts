import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessTime,
  type ClockInput,
  closedSpans,
  computeClocks,
  type Interval,
  nextDeadline,
} from './clocks.js';

const MIN = 60_000;
const t0 = Date.UTC(2026, 2, 2, 9, 0);
const at = (minutes: number) => t0 + minutes * MIN;

/** Around-the-clock time, so expected instants are plain sums: the calendar has its own tests. */
const always: BusinessTime = {
  minutesBetween(from, to, pauses) {
    let ms = to - from;
    for (const p of pauses) ms -= Math.max(0, Math.min(to, p.to) - Math.max(from, p.from));
    return ms / MIN;
  },
  due(start, minutes, pauses) {
    let due = start + minutes * MIN;
    for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
      if (p.to <= start) continue;
      if (p.from >= due) break;
      due += p.to - Math.max(p.from, start);
    }
    return due;
  },
};

const input = (o: Partial<ClockInput> = {}): ClockInput => ({
  start: t0,
  now: at(30),
  targets: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: null },
  warnPercent: 75,
  pauses: [],
  resolved: [],
  respondedAt: null,
  lastUpdateAt: null,
  ...o,
});
const clock = (i: ClockInput, kind: string) => computeClocks(always, i).find((c) => c.kind === kind)!;

describe('SLA clocks', () => {
  type Case = {
    name: string;
    input: Partial<ClockInput>;
    kind: 'response' | 'resolution' | 'update';
    state: string;
    due: number;
    met?: number | null;
    breached?: number | null;
    elapsed: number;
  };
  const cases: Case[] = [
    { name: 'running response', input: {}, kind: 'response', state: 'running', due: 60, elapsed: 30 },
    {
      name: 'met by a reply before due',
      input: { respondedAt: at(20), now: at(90) },
      kind: 'response',
      state: 'met',
      due: 60,
      met: 20,
      elapsed: 20,
    },
    {
      name: 'met exactly at the due instant is met',
      input: { respondedAt: at(60), now: at(90) },
      kind: 'response',
      state: 'met',
      due: 60,
      met: 60,
      elapsed: 60,
    },
    {
      name: 'answered late: breached at the due instant, met when answered',
      input: { respondedAt: at(75), now: at(90) },
      kind: 'response',
      state: 'breached',
      due: 60,
      met: 75,
      breached: 60,
      elapsed: 75,
    },
    {
      name: 'unanswered past due',
      input: { now: at(61) },
      kind: 'response',
      state: 'breached',
      due: 60,
      breached: 60,
      elapsed: 61,
    },
    {
      name: 'a closed pause moves the due instant',
      input: { pauses: [{ from: at(10), to: at(40) }], now: at(50) },
      kind: 'response',
      state: 'running',
      due: 90,
      elapsed: 20,
    },
    {
      name: 'an open pause stops the clock: due is as if resumed now',
      input: { pauses: [{ from: at(10), to: null }], now: at(100) },
      kind: 'response',
      state: 'paused',
      due: 150,
      elapsed: 10,
    },
    {
      name: 'a pause stops the resolution clock too',
      input: { pauses: [{ from: at(100), to: at(160) }], now: at(200), respondedAt: at(5) },
      kind: 'resolution',
      state: 'running',
      due: 540,
      elapsed: 140,
    },
    {
      name: 'resolved in time',
      input: { resolved: [{ from: at(300), to: null }], now: at(600), respondedAt: at(5) },
      kind: 'resolution',
      state: 'met',
      due: 480,
      met: 300,
      elapsed: 300,
    },
    {
      name: 'reopened: time spent resolved does not count',
      input: {
        resolved: [
          { from: at(300), to: at(400) },
          { from: at(500), to: null },
        ],
        now: at(700),
        respondedAt: at(5),
      },
      kind: 'resolution',
      state: 'met',
      due: 580,
      met: 500,
      elapsed: 400,
    },
    {
      name: 'reopened and still open',
      input: { resolved: [{ from: at(300), to: at(400) }], now: at(450), respondedAt: at(5) },
      kind: 'resolution',
      state: 'running',
      due: 580,
      elapsed: 350,
    },
    {
      name: 'update clock restarts at the last public reply',
      input: {
        targets: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: 120 },
        respondedAt: at(10),
        lastUpdateAt: at(100),
        now: at(150),
      },
      kind: 'update',
      state: 'running',
      due: 220,
      elapsed: 50,
    },
    {
      name: 'update overdue',
      input: {
        targets: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: 120 },
        respondedAt: at(10),
        lastUpdateAt: at(10),
        now: at(200),
      },
      kind: 'update',
      state: 'breached',
      due: 130,
      breached: 130,
      elapsed: 190,
    },
  ];

  it.each(cases)('$name', (c) => {
    const got = clock(input(c.input), c.kind);
    expect(got.state).toBe(c.state);
    expect(got.dueAt).toBe(at(c.due));
    expect(got.metAt).toBe(c.met === undefined || c.met === null ? null : at(c.met));
    expect(got.breachedAt).toBe(c.breached === undefined || c.breached === null ? null : at(c.breached));
    expect(got.elapsedMinutes).toBe(c.elapsed);
  });

  it('warns at the warning share of the target', () => {
    expect(clock(input(), 'response').warnAt).toBe(at(45));
    expect(clock(input({ warnPercent: 100 }), 'resolution').warnAt).toBe(at(480));
  });

  it('a priority change recomputes from the original start', () => {
    const p3 = clock(input({ now: at(50) }), 'response');
    const p1 = clock(
      input({ now: at(50), targets: { responseMinutes: 15, resolutionMinutes: 240, updateMinutes: null } }),
      'response',
    );
    expect(p3.state).toBe('running');
    expect(p1.dueAt).toBe(at(15));
    expect(p1.state).toBe('breached');
  });

  it('drops the update clock once resolved', () => {
    const clocks = computeClocks(
      always,
      input({
        targets: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: 60 },
        resolved: [{ from: at(20), to: null }],
        respondedAt: at(20),
      }),
    );
    expect(clocks.map((c) => c.kind)).toEqual(['response', 'resolution']);
  });

  it('the next deadline is the earliest running target', () => {
    expect(nextDeadline(computeClocks(always, input()))).toBe(at(60));
    const answered = computeClocks(always, input({ respondedAt: at(10) }));
    expect(nextDeadline(answered)).toBe(at(480));
    const done = computeClocks(
      always,
      input({ respondedAt: at(10), resolved: [{ from: at(20), to: null }] }),
    );
    expect(nextDeadline(done)).toBeNull();
  });

  it('merges overlapping spans and closes open ones at now', () => {
    expect(
      closedSpans(
        [
          { from: at(50), to: null },
          { from: at(0), to: at(20) },
          { from: at(10), to: at(30) },
          { from: at(40), to: at(40) },
        ],
        at(60),
      ),
    ).toEqual([
      { from: at(0), to: at(30) },
      { from: at(50), to: at(60) },
    ]);
  });

  const spans = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 300 })).map(([f, len]) => ({
      from: at(f),
      to: at(f + len),
    })),
    { maxLength: 6 },
  );

  it('pauses never make a target due earlier, and elapsed + remaining is the target', () => {
    fc.assert(
      fc.property(
        spans,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 1000 }),
        (pauses, now, minutes) => {
          const i = input({
            now: at(now),
            targets: { responseMinutes: minutes, resolutionMinutes: minutes, updateMinutes: null },
          });
          const plain = clock(i, 'response');
          const paused = clock({ ...i, pauses: pauses as Interval[] }, 'response');
          expect(paused.dueAt).toBeGreaterThanOrEqual(plain.dueAt);
          expect(paused.elapsedMinutes + paused.remainingMinutes).toBe(minutes);
          expect(paused.elapsedMinutes).toBeLessThanOrEqual(plain.elapsedMinutes);
        },
      ),
    );
  });

  it('a clock is breached exactly when its due instant has passed unmet', () => {
    fc.assert(
      fc.property(
        spans,
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.integer({ min: 0, max: 3000 })),
        (pauses, now, replied) => {
          const c = clock(
            input({ now: at(now), pauses, respondedAt: replied === null ? null : at(replied) }),
            'response',
          );
          const metAt = replied !== null && at(replied) <= at(now) ? at(replied) : null;
          expect(c.state === 'breached').toBe((metAt ?? at(now)) > c.dueAt);
          if (c.state === 'breached') expect(c.breachedAt).toBe(c.dueAt);
        },
      ),
    );
  });
});
