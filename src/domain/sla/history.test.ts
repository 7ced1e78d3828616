import { describe, expect, it } from 'vitest';
import type { Phase } from '../tickets/workflow.js';
import { clockHistory, type HistoryEntry } from './history.js';

const status = (at: number, phase: Phase, byStaff = true): HistoryEntry => ({
  at,
  kind: 'status',
  phase,
  byStaff,
});
const reply = (at: number, isPublic = true, byStaff = true): HistoryEntry => ({
  at,
  kind: 'reply',
  public: isPublic,
  byStaff,
});

describe('clock history', () => {
  it('a new ticket has nothing yet', () => {
    expect(clockHistory([])).toEqual({ pauses: [], resolved: [], respondedAt: null, lastUpdateAt: null });
  });

  it('the first public staff reply is the response and the latest is the update', () => {
    const h = clockHistory([reply(5, false), reply(7, true, false), reply(10), reply(30)]);
    expect(h.respondedAt).toBe(10);
    expect(h.lastUpdateAt).toBe(30);
  });

  it('staff moving the ticket out of new responds; the client doing it does not', () => {
    expect(clockHistory([status(4, 'open')]).respondedAt).toBe(4);
    expect(clockHistory([status(4, 'open', false)]).respondedAt).toBeNull();
  });

  it('pause spans follow the paused phase, across moves between pause statuses', () => {
    const h = clockHistory([
      status(1, 'open'),
      status(10, 'paused'),
      status(15, 'paused'),
      status(20, 'open'),
      status(30, 'paused'),
    ]);
    expect(h.pauses).toEqual([
      { from: 10, to: 20 },
      { from: 30, to: null },
    ]);
  });

  it('resolved and closed are one span; reopening closes it', () => {
    const h = clockHistory([
      status(1, 'open'),
      status(10, 'resolved'),
      status(12, 'closed'),
      status(20, 'open'),
      status(30, 'resolved'),
    ]);
    expect(h.resolved).toEqual([
      { from: 10, to: 20 },
      { from: 30, to: null },
    ]);
  });

  it('resolving straight from a pause ends the pause', () => {
    const h = clockHistory([status(10, 'paused'), status(20, 'resolved')]);
    expect(h.pauses).toEqual([{ from: 10, to: 20 }]);
    expect(h.resolved).toEqual([{ from: 20, to: null }]);
    expect(h.respondedAt).toBe(10);
  });
});
