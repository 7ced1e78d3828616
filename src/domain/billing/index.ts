// The billing rules' only door: periods and cycles, proration, recurring and work lines, totals,
// credit notes, invoice states and numbers, payments and receivables. Pure: no clock, no I/O.
export {
  type AgingBucket,
  type AgingInvoice,
  type AgingTotals,
  aging,
  agingBucket,
  agingBuckets,
  daysPastDue,
} from './aging.js';
export {
  type BlockBalance,
  type BlockLot,
  blockAllowance,
  closeBlockCycle,
  drawFromLots,
  openBlockCycle,
  type RolloverPolicy,
  rolloverPolicyOf,
} from './block-ledger.js';
export { billCharges, type ChargeInput, type ChargeLine } from './charges.js';
export {
  type ClientAgreement,
  type ClientInvoiceInput,
  type ClientInvoicePlan,
  planClientInvoice,
  reviewFromOf,
} from './client-invoice.js';
export {
  type CreditableInvoice,
  type CreditedLine,
  type CreditNote,
  type CreditRequest,
  creditableRemaining,
  creditNote,
} from './credit-notes.js';
export {
  type BillingCycle,
  type BillingTerms,
  type CycleSpan,
  cycleEndingIn,
  cycleMonths,
  cycleOf,
  cycleStartingIn,
  cyclesOverlapping,
  dueCycle,
} from './cycles.js';
export {
  type BillingFieldCode,
  type BillingFieldError,
  type BillingRuleCode,
  BillingRuleError,
  BillingValidationError,
} from './errors.js';
export type { BillingLine, InvoiceLineBase } from './invoice-lines.js';
export {
  assertInvoiceAllows,
  assertIssuable,
  assertVoidable,
  type InvoiceAction,
  type InvoiceStatus,
  invoiceActions,
  invoiceStatuses,
  isIssued,
  settlementStatus,
} from './invoice-status.js';
export { type RoledLine, retainerLineId, roledLines } from './line-roles.js';
export { allocate, divideRounded, percentOf, prorate } from './money.js';
export {
  creditNotePrefix,
  formatInvoiceNumber,
  type InvoiceNumber,
  maxSequence,
  missingNumbers,
  nextInvoiceNumber,
  parseInvoiceNumber,
} from './numbering.js';
export { type PaymentBehaviour, type PaymentHistoryInvoice, paymentBehaviour } from './payment-behaviour.js';
export {
  type Allocation,
  allocateCredit,
  allocatePayment,
  type OpenInvoice,
  overpaymentMarginBasisPoints,
  type PaymentAllocation,
  type PaymentInput,
  type PaymentMethod,
  paymentLimit,
  paymentMethods,
} from './payments.js';
export {
  addPeriods,
  dateOfDay,
  dayNumber,
  daysBetween,
  daysInclusive,
  daysInPeriod,
  isPeriod,
  nextPeriod,
  type Period,
  parsePeriod,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
  previousPeriod,
} from './periods.js';
export { cycleCharge, type DateSpan, monthlyCharge, splitByDays } from './proration.js';
export {
  dueDate,
  type InvoiceBalance,
  type InvoiceMoney,
  invoiceBalance,
  type Settlement,
} from './receivables.js';
export { billRecurring } from './recurring.js';
export type * from './recurring-types.js';
export {
  defaultReminderPolicy,
  type ReminderCandidate,
  type ReminderDue,
  type ReminderPolicy,
  remindersDue,
} from './reminders.js';
export { openRetainerCycle, retainerTopUp } from './retainer-ledger.js';
export {
  type Discount,
  type InvoiceTotals,
  invoiceTotals,
  type LineTotals,
  type TotalsInput,
  type TotalsLine,
} from './totals.js';
export { billedAfterHours, billWork, roundedMinutes } from './work.js';
export { type DatedDraw, groupWorkLines, type WorkGroupLine, type WorkSubject } from './work-groups.js';
export { blockBalanceOn, type RecordedDraw, retainerBalanceOn } from './work-ledgers.js';
export type * from './work-types.js';
