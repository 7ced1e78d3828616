/**
 * The billing rules throw their own errors (src/domain/billing/errors.ts) so they stay free of the
 * platform; here they become AppErrors with the same codes, for the HTTP layer and the CLI alike.
 */
import { BillingRuleError, BillingValidationError } from '../../domain/billing/index.js';
import { AppError } from '../../platform/errors.js';

/** The AppError a billing rule's error stands for; anything else is returned as it is. */
export function fromBillingError(err: unknown, fieldPrefix = 'body'): unknown {
  if (err instanceof BillingRuleError) return new AppError(err.code, err.message);
  if (err instanceof BillingValidationError) {
    return new AppError(
      'VALIDATION_FAILED',
      err.message,
      err.fields.map((f) => ({ field: `${fieldPrefix}.${f.field}`, message: f.message, code: f.code })),
    );
  }
  return err;
}

/** Runs `work`, turning the billing rules' errors into AppErrors. */
export async function billingRules<T>(work: () => Promise<T> | T, fieldPrefix?: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw fromBillingError(err, fieldPrefix);
  }
}
