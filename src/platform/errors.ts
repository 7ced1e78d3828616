/**
 * One error type for the whole server. Services throw AppError with a stable code; the HTTP layer
 * maps codes to statuses and writes RFC 9457 problem+json. Services never know about HTTP.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  CLIENT_NOT_FOUND: 404,
  CONTACT_NOT_FOUND: 404,
  SITE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  AGREEMENT_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  PROBLEM_NOT_FOUND: 404,
  SLA_POLICY_NOT_FOUND: 404,
  SLA_CALENDAR_NOT_FOUND: 404,
  INVOICE_NOT_FOUND: 404,
  INVOICE_LINE_NOT_FOUND: 404,
  BILLING_RUN_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  EMAIL_TAKEN: 409,
  CLIENT_ARCHIVED: 409,
  AGREEMENT_CLOSED: 409,
  AGREEMENT_NOT_DRAFT: 409,
  AGREEMENT_TRANSITION: 409,
  AGREEMENT_NOT_SIGNED: 409,
  TICKET_TRANSITION: 409,
  // Billing (src/domain/billing/errors.ts): what an invoice's state forbids.
  INVOICE_NOT_DRAFT: 409,
  INVOICE_ALREADY_ISSUED: 409,
  INVOICE_NOT_ISSUED: 409,
  INVOICE_VOID: 409,
  INVOICE_PAID: 409,
  INVOICE_HAS_SETTLEMENTS: 409,
  INVOICE_LINE_NOT_REMOVABLE: 409,
  SELLER_NOT_SET: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  INVOICE_EMPTY: 422,
  INVOICE_NEGATIVE_TOTAL: 422,
  CREDIT_EXCEEDS_REMAINING: 422,
  PAYMENT_EXCEEDS_LIMIT: 422,
  RATE_LIMITED: 429,
  STORE_LOCKED: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldError = { field: string; message: string; code?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, detail: string, fields?: FieldError[]) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (code: ErrorCode, what: string, id: string) =>
  new AppError(code, `${what} ${id} does not exist or is not visible to you.`);

/** The answer of a lookup, or null when it says "not found" (404); any other failure still throws. */
export const orNull = <T>(work: Promise<T>): Promise<T | null> =>
  work.catch((err) => {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  });
