import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  lockOf,
  type ReviewAction,
  review,
  reviewActions,
  statusAfterEdit,
  type TimeEntryStatus,
  timeEntryStatuses,
} from './workflow.js';

const entry = (status: TimeEntryStatus, invoiceId: string | null = null) => ({ status, invoiceId });

describe('time entry review', () => {
  it.each([
    // status, action, outcome (a status, or the problem code)
    ['draft', 'submit', 'submitted'],
    ['rejected', 'submit', 'submitted'],
    ['submitted', 'submit', 'ALREADY'],
    ['approved', 'submit', 'LOCKED'],
    ['submitted', 'approve', 'approved'],
    ['approved', 'approve', 'ALREADY'],
    ['draft', 'approve', 'NOT_ALLOWED'],
    ['rejected', 'approve', 'NOT_ALLOWED'],
    ['submitted', 'reject', 'rejected'],
    ['rejected', 'reject', 'ALREADY'],
    ['draft', 'reject', 'NOT_ALLOWED'],
    ['approved', 'reject', 'LOCKED'],
  ] as const)('%s, %s → %s', (status, action, outcome) => {
    const result = review(entry(status), action);
    if (result.ok) expect(result.status).toBe(outcome);
    else expect(result.problem.code).toBe(outcome);
  });

  it.each(reviewActions)('an invoiced entry refuses %s', (action) => {
    const result = review(entry('approved', 'inv-1'), action);
    expect(result).toEqual({ ok: false, problem: { code: 'LOCKED', lock: 'invoiced' } });
  });

  it.each([
    ['draft', null, null],
    ['submitted', null, null],
    ['rejected', null, null],
    ['approved', null, 'approved'],
    ['approved', 'inv-1', 'invoiced'],
  ] as const)('lock of a %s entry on invoice %s is %s', (status, invoiceId, lock) => {
    expect(lockOf(entry(status, invoiceId))).toBe(lock);
  });

  it.each([
    ['draft', 'draft'],
    ['submitted', 'draft'],
    ['rejected', 'draft'],
    ['approved', 'approved'],
  ] as const)('an edit of a %s entry leaves it %s', (status, after) => {
    expect(statusAfterEdit(status)).toBe(after);
  });

  it.each([
    [{ code: 'LOCKED', lock: 'invoiced' }, 'approve', 'on an invoice'],
    [{ code: 'LOCKED', lock: 'approved' }, 'reject', 'is approved'],
    [{ code: 'ALREADY', status: 'approved' }, 'approve', 'already approved'],
    [
      { code: 'NOT_ALLOWED', from: 'draft', allowed: ['submitted'] },
      'approve',
      'draft entry cannot be approved',
    ],
  ] as const)('explains %o', (problem, action, words) => {
    expect(describeProblem(problem, action as ReviewAction)).toContain(words);
  });

  it('never reaches approved except from submitted, and nothing leaves a lock (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...timeEntryStatuses),
        fc.option(fc.constant('inv-1'), { nil: null }),
        fc.array(fc.constantFrom(...reviewActions), { maxLength: 12 }),
        (start, invoiceId, actions) => {
          // An invoice only ever holds approved entries.
          let current = entry(invoiceId ? 'approved' : start, invoiceId);
          for (const action of actions) {
            const before = current;
            const result = review(current, action);
            if (!result.ok) continue;
            expect(lockOf(before)).toBeNull();
            if (result.status === 'approved') expect(before.status).toBe('submitted');
            current = { ...current, status: result.status };
          }
        },
      ),
    );
  });
});
