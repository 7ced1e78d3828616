/**
 * The ticket status workflow. Statuses are configurable; each belongs to a phase, and the phase is
 * what the rest of Keel reads: SLA clocks pause in a `paused` phase, the resolution target is met on
 * entering `resolved` or `closed`, and the first response is met on leaving `new`.
 */
export const phases = ['new', 'open', 'paused', 'resolved', 'closed'] as const;
export type Phase = (typeof phases)[number];

export type Status = { code: string; label: string; phase: Phase };
export type Workflow = {
  statuses: readonly Status[];
  /** Allowed moves, from → to codes. */
  transitions: Readonly<Record<string, readonly string[]>>;
};

export const defaultWorkflow: Workflow = {
  statuses: [
    { code: 'new', label: 'New', phase: 'new' },
    { code: 'open', label: 'Open', phase: 'open' },
    { code: 'in_progress', label: 'In progress', phase: 'open' },
    { code: 'waiting_client', label: 'Waiting on client', phase: 'paused' },
    { code: 'waiting_vendor', label: 'Waiting on vendor', phase: 'paused' },
    { code: 'resolved', label: 'Resolved', phase: 'resolved' },
    { code: 'closed', label: 'Closed', phase: 'closed' },
  ],
  transitions: {
    new: ['open', 'in_progress', 'waiting_client', 'waiting_vendor', 'resolved', 'closed'],
    open: ['in_progress', 'waiting_client', 'waiting_vendor', 'resolved', 'closed'],
    in_progress: ['open', 'waiting_client', 'waiting_vendor', 'resolved', 'closed'],
    waiting_client: ['open', 'in_progress', 'waiting_vendor', 'resolved', 'closed'],
    waiting_vendor: ['open', 'in_progress', 'waiting_client', 'resolved', 'closed'],
    resolved: ['open', 'in_progress', 'closed'],
    closed: ['open'],
  },
};

export type TransitionProblem =
  | { code: 'UNKNOWN_STATUS'; status: string }
  | { code: 'TRANSITION_NOT_ALLOWED'; from: string; to: string; allowed: readonly string[] };

export function statusOf(workflow: Workflow, code: string): Status | undefined {
  return workflow.statuses.find((s) => s.code === code);
}

export function phaseOf(workflow: Workflow, code: string): Phase {
  const status = statusOf(workflow, code);
  if (!status) throw new Error(`unknown status ${code}`);
  return status.phase;
}

/** Why a move is refused, or null when it is allowed. Staying in the same status is no move. */
export function transitionProblem(workflow: Workflow, from: string, to: string): TransitionProblem | null {
  if (!statusOf(workflow, to)) return { code: 'UNKNOWN_STATUS', status: to };
  const allowed = workflow.transitions[from] ?? [];
  if (from === to || allowed.includes(to)) return null;
  return { code: 'TRANSITION_NOT_ALLOWED', from, to, allowed };
}

/** A workflow an administrator saved must still be one the clocks can read. */
export function workflowProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const s of workflow.statuses) {
    if (codes.has(s.code)) problems.push(`status ${s.code} appears twice`);
    codes.add(s.code);
  }
  for (const phase of ['new', 'open', 'resolved'] as const)
    if (!workflow.statuses.some((s) => s.phase === phase)) problems.push(`no status in the ${phase} phase`);
  if (workflow.statuses.filter((s) => s.phase === 'new').length > 1)
    problems.push('only one status can be in the new phase');
  for (const [from, targets] of Object.entries(workflow.transitions)) {
    if (!codes.has(from)) problems.push(`transition from unknown status ${from}`);
    for (const to of targets) if (!codes.has(to)) problems.push(`transition to unknown status ${to}`);
  }
  for (const s of workflow.statuses)
    if (s.phase !== 'closed' && !(workflow.transitions[s.code] ?? []).length)
      problems.push(`status ${s.code} leads nowhere`);
  return problems;
}

export const initialStatus = (workflow: Workflow) => workflow.statuses.find((s) => s.phase === 'new')!.code;
