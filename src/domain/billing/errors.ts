/**
 * Errors of the billing rules, in two kinds a route tells apart without this pure module importing
 * the platform:
 *  - BillingValidationError: the input itself is wrong (a period not 'YYYY-MM', a negative amount).
 *    Same shape as the platform's field errors, so the API answers 400 VALIDATION_FAILED with one
 *    stable code per field.
 *  - BillingRuleError: the input is well formed but the invoice's state forbids the action (issuing
 *    twice, editing an issued invoice, crediting more than is left). Its code is stable; the comment
 *    of each code says the HTTP status it is meant for.
 */
export type BillingFieldCode =
  /** Not 'YYYY-MM' with a month 01–12, e.g. '2026-3' or '2026-13'. */
  | 'INVALID_PERIOD'
  /** Not a 'YYYY-MM-DD' calendar date, or a range that ends before it starts. */
  | 'INVALID_DATE'
  /** Not a whole number of minor units (or negative where only ≥ 0 makes sense). */
  | 'INVALID_AMOUNT'
  /** A quantity that is negative, not finite, or finer than thousandths. */
  | 'INVALID_QUANTITY'
  /** A rate that is not a whole, non-negative number of minor units per hour. */
  | 'INVALID_RATE'
  /** Basis points outside 0–10,000 (0–100 %), or not whole. */
  | 'INVALID_BASIS_POINTS'
  /** Minutes that are not whole and ≥ 0 (worked, increment, minimum, allowance). */
  | 'INVALID_MINUTES'
  /** Weights for an allocation that are not whole, or that sum to zero. */
  | 'INVALID_WEIGHTS'
  /** A line's quantity comes from a count (active contacts, managed assets, sites) that was not given. */
  | 'MISSING_COUNT'
  /** A time entry drawing from a block or retainer whose ledger was not given. */
  | 'MISSING_LEDGER'
  /** A work type with no billing rule. */
  | 'UNKNOWN_WORK_TYPE'
  /** A discount that is negative, fixed on a credit line, or larger than what it discounts. */
  | 'INVALID_DISCOUNT'
  /** An invoice line, invoice or entry named twice where each may appear once. */
  | 'DUPLICATE'
  /** An invoice line or invoice that is not there. */
  | 'UNKNOWN_REFERENCE'
  /** Text that is not an invoice number 'YYYY-NNNNNN' (with its prefix, if any). */
  | 'INVALID_NUMBER'
  /** A sequence or year out of range (sequence 1–999,999; year 1000–9999). */
  | 'INVALID_SEQUENCE'
  /** A payment method that is not one of paymentMethods. */
  | 'INVALID_METHOD'
  /** A reminder or rollover policy with negative or fractional days / periods. */
  | 'INVALID_POLICY';

export type BillingFieldError = { field: string; message: string; code: BillingFieldCode };

export class BillingValidationError extends Error {
  readonly code = 'VALIDATION_FAILED' as const;
  readonly fields: BillingFieldError[];

  constructor(fields: BillingFieldError[]) {
    super(`Invalid billing input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
    this.name = 'BillingValidationError';
    this.fields = fields;
  }
}

export const invalid = (field: string, code: BillingFieldCode, message: string) =>
  new BillingValidationError([{ field, code, message }]);

export type BillingRuleCode =
  /** → 409: an invoice can be edited (or discarded) only while it is a draft. */
  | 'INVOICE_NOT_DRAFT'
  /** → 409: issuing an invoice that already has a number. */
  | 'INVOICE_ALREADY_ISSUED'
  /** → 409: paying, crediting or voiding a draft (a draft is edited or discarded instead). */
  | 'INVOICE_NOT_ISSUED'
  /** → 409: any action on a void invoice. */
  | 'INVOICE_VOID'
  /** → 409: paying an invoice with nothing left to pay (the money is client credit instead). */
  | 'INVOICE_PAID'
  /** → 409: voiding an invoice that has payments or credit notes (refund and credit instead). */
  | 'INVOICE_HAS_SETTLEMENTS'
  /** → 422: issuing an invoice with no lines. */
  | 'INVOICE_EMPTY'
  /** → 422: issuing an invoice whose total is below zero (that is a credit note). */
  | 'INVOICE_NEGATIVE_TOTAL'
  /** → 422: a credit note for more than the invoice (or its line) still has to credit. */
  | 'CREDIT_EXCEEDS_REMAINING'
  /** → 422: a payment above the limit (see payments.ts). */
  | 'PAYMENT_EXCEEDS_LIMIT';

export class BillingRuleError extends Error {
  readonly code: BillingRuleCode;

  constructor(code: BillingRuleCode, detail: string) {
    super(detail);
    this.name = 'BillingRuleError';
    this.code = code;
  }
}
