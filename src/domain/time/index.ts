// Time entries' rules: when work happened, whether it bills, what a period's balances hold, and the approval workflow.
export { balancesAfter, type Cycle, type Drawn, drawPeriod } from './balances.js';
export { decidedBillable, type EntryBilling, entryBilling, pricedRate } from './billable.js';
export { ownWorkOutcome } from './own-work.js';
export {
  countedMinutes,
  maxEntryMinutes,
  overlaps,
  resolveSpan,
  type Span,
  type SpanInput,
  type SpanProblem,
} from './span.js';
export { workDateOf } from './work-date.js';
export {
  describeProblem,
  type Lock,
  lockOf,
  type ReviewAction,
  type ReviewProblem,
  type ReviewResult,
  review,
  reviewActions,
  statusAfterEdit,
  type TimeEntryStatus,
  timeEntryStatuses,
} from './workflow.js';
