import { describe, expect, it } from 'vitest';
import {
  defaultWorkflow,
  initialStatus,
  phaseOf,
  transitionProblem,
  type Workflow,
  workflowProblems,
} from './workflow.js';

describe('ticket workflow', () => {
  it('the default workflow is sound and starts at new', () => {
    expect(workflowProblems(defaultWorkflow)).toEqual([]);
    expect(initialStatus(defaultWorkflow)).toBe('new');
  });

  it.each([
    ['new', 'in_progress', null],
    ['in_progress', 'waiting_client', null],
    ['resolved', 'open', null],
    ['closed', 'open', null],
    ['open', 'open', null],
    ['closed', 'resolved', 'TRANSITION_NOT_ALLOWED'],
    ['resolved', 'waiting_vendor', 'TRANSITION_NOT_ALLOWED'],
    ['open', 'new', 'TRANSITION_NOT_ALLOWED'],
    ['open', 'done', 'UNKNOWN_STATUS'],
  ])('%s → %s: %s', (from, to, problem) => {
    expect(transitionProblem(defaultWorkflow, from, to)?.code ?? null).toBe(problem);
  });

  it('says which moves are allowed when one is refused', () => {
    expect(transitionProblem(defaultWorkflow, 'closed', 'resolved')).toEqual({
      code: 'TRANSITION_NOT_ALLOWED',
      from: 'closed',
      to: 'resolved',
      allowed: ['open'],
    });
  });

  it('phases drive the clocks', () => {
    expect(phaseOf(defaultWorkflow, 'waiting_vendor')).toBe('paused');
    expect(phaseOf(defaultWorkflow, 'closed')).toBe('closed');
  });

  it('finds what makes a saved workflow unreadable', () => {
    const broken: Workflow = {
      statuses: [
        { code: 'new', label: 'New', phase: 'new' },
        { code: 'triage', label: 'Triage', phase: 'new' },
        { code: 'new', label: 'Again', phase: 'open' },
      ],
      transitions: { new: ['done'], ghost: ['new'] },
    };
    expect(workflowProblems(broken)).toEqual([
      'status new appears twice',
      'no status in the resolved phase',
      'only one status can be in the new phase',
      'transition to unknown status done',
      'transition from unknown status ghost',
      'status triage leads nowhere',
    ]);
  });
});
