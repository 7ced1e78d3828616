/**
 * The approval workflow of a time entry: draft → submitted → approved, or → rejected, from where it
 * can be edited and submitted again. Nothing is invoiced before it is approved, and an approved or
 * invoiced entry is locked: it can no longer be edited, deleted, submitted, approved or rejected.
 * Any edit of a submitted or rejected entry returns it to draft, so what an approver approves is
 * what they saw in the queue.
 */
export const timeEntryStatuses = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type TimeEntryStatus = (typeof timeEntryStatuses)[number];

export const reviewActions = ['submit', 'approve', 'reject'] as const;
export type ReviewAction = (typeof reviewActions)[number];

const allowedFrom: Record<ReviewAction, readonly TimeEntryStatus[]> = {
  submit: ['draft', 'rejected'],
  approve: ['submitted'],
  reject: ['submitted'],
};

const reached: Record<ReviewAction, TimeEntryStatus> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
};

export type Lock = 'approved' | 'invoiced';

/** Why an entry can no longer change, or null while it can. An invoice outranks an approval. */
export function lockOf(entry: { status: TimeEntryStatus; invoiceId: string | null }): Lock | null {
  if (entry.invoiceId !== null) return 'invoiced';
  return entry.status === 'approved' ? 'approved' : null;
}

export type ReviewProblem =
  | { code: 'LOCKED'; lock: Lock }
  | { code: 'ALREADY'; status: TimeEntryStatus }
  | { code: 'NOT_ALLOWED'; from: TimeEntryStatus; allowed: readonly TimeEntryStatus[] };

export type ReviewResult = { ok: true; status: TimeEntryStatus } | { ok: false; problem: ReviewProblem };

/**
 * The status an action moves an entry to, or why it cannot. Repeating an action that already took
 * effect (approving an approved entry, submitting a submitted one) is refused as ALREADY, never
 * silently accepted: a second approval is a mistake someone should hear about.
 */
export function review(
  entry: { status: TimeEntryStatus; invoiceId: string | null },
  action: ReviewAction,
): ReviewResult {
  const lock = lockOf(entry);
  if (lock && !(action === 'approve' && lock === 'approved'))
    return { ok: false, problem: { code: 'LOCKED', lock } };
  if (entry.status === reached[action])
    return { ok: false, problem: { code: 'ALREADY', status: entry.status } };
  const allowed = allowedFrom[action];
  if (!allowed.includes(entry.status))
    return { ok: false, problem: { code: 'NOT_ALLOWED', from: entry.status, allowed } };
  return { ok: true, status: reached[action] };
}

/** The status an entry takes when its content is edited: a submitted or rejected one goes back to draft. */
export function statusAfterEdit(status: TimeEntryStatus): TimeEntryStatus {
  return status === 'approved' ? status : 'draft';
}

/** A sentence for an API answer. */
export function describeProblem(problem: ReviewProblem, action: ReviewAction): string {
  switch (problem.code) {
    case 'LOCKED':
      return problem.lock === 'invoiced'
        ? 'The entry is on an invoice and can no longer change.'
        : 'The entry is approved and can no longer change.';
    case 'ALREADY':
      return `The entry is already ${problem.status}.`;
    case 'NOT_ALLOWED':
      return `A ${problem.from} entry cannot be ${pastTense[action]}; only ${problem.allowed.join(' or ')} entries can.`;
  }
}

const pastTense: Record<ReviewAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
};
