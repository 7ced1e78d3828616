/**
 * Invalid input to the entitlement rule. Carries the same shape as the platform's field errors so
 * the API maps it to 400 problem+json (code VALIDATION_FAILED) without this pure module importing it.
 */
export type EntitlementFieldError = { field: string; message: string; code: EntitlementErrorCode };

export type EntitlementErrorCode =
  | 'INVALID_INSTANT'
  | 'END_NOT_AFTER_START'
  | 'DURATION_TOO_LONG'
  | 'UNKNOWN_WORK_TYPE'
  | 'INVALID_CLIENT'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_BUSINESS_HOURS'
  | 'INVALID_HOLIDAY'
  | 'INVALID_RATE'
  | 'INVALID_MULTIPLIER'
  | 'INVALID_BALANCE';

export class EntitlementValidationError extends Error {
  readonly code = 'VALIDATION_FAILED' as const;
  readonly fields: EntitlementFieldError[];

  constructor(fields: EntitlementFieldError[]) {
    super(`Invalid entitlement input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
    this.name = 'EntitlementValidationError';
    this.fields = fields;
  }
}

export const invalid = (field: string, code: EntitlementErrorCode, message: string) =>
  new EntitlementValidationError([{ field, code, message }]);
