// The entitlement rule's only door: what a unit of work is covered by or bills, and why.
export { afterHoursMinutes, businessMinutes, calendarOf } from './business-hours.js';
export { decideEntitlement, precedence } from './decide.js';
export {
  type EntitlementErrorCode,
  type EntitlementFieldError,
  EntitlementValidationError,
} from './errors.js';
export { amountFor } from './rates.js';
export * from './types.js';
export { parseInstant } from './validate.js';
