/**
 * Invalid input to the monitoring rules: a payload a receiver cannot read, or a rule, window or
 * target that cannot be applied. Carries the platform's field-error shape so the API answers 400
 * problem+json (code VALIDATION_FAILED) without this pure module importing it; every field error has
 * the path of the offending field (`alerts[0].labels`) and its own stable code.
 */
import type { z } from 'zod';

export type MonitoringErrorCode =
  /** A field the format requires is absent. */
  | 'REQUIRED'
  /** A field of the wrong JSON type (a number where text is expected …). */
  | 'INVALID_TYPE'
  /** A value outside what the field allows (an unknown status, an empty id …). */
  | 'INVALID_VALUE'
  /** A time that is not one the format allows (RFC 3339, epoch seconds, 'YYYY-MM-DD HH:mm:ss.SSS'). */
  | 'INVALID_TIMESTAMP'
  /** A payload version this receiver does not read (Alertmanager's `version` other than "4"). */
  | 'UNSUPPORTED_VERSION'
  /** A matcher that names no field Keel knows, or whose regular expression does not compile. */
  | 'INVALID_MATCHER'
  /** A mapping or alert rule that cannot be applied (no matcher, duplicate id …). */
  | 'INVALID_RULE'
  /** A maintenance window that cannot be applied (ends before it starts, no day …). */
  | 'INVALID_WINDOW'
  | 'INVALID_TIME_ZONE'
  /** Lifecycle settings out of range (a negative reopen window, a flap threshold below 1 …). */
  | 'INVALID_POLICY'
  /** An availability target that is not a percentage from 0 to 100 with at most 3 decimals. */
  | 'INVALID_TARGET'
  /** A range or month list that cannot be measured (end before start, not 'YYYY-MM' …). */
  | 'INVALID_RANGE';

export type MonitoringFieldError = { field: string; message: string; code: MonitoringErrorCode };

export class MonitoringValidationError extends Error {
  readonly code = 'VALIDATION_FAILED' as const;
  readonly fields: MonitoringFieldError[];

  constructor(fields: MonitoringFieldError[]) {
    super(`Invalid monitoring input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
    this.name = 'MonitoringValidationError';
    this.fields = fields;
  }
}

export const invalid = (field: string, code: MonitoringErrorCode, message: string) =>
  new MonitoringValidationError([{ field, code, message }]);

/** Throws when `errors` holds anything. */
export function throwIfAny(errors: readonly MonitoringFieldError[]): void {
  if (errors.length) throw new MonitoringValidationError([...errors]);
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as the API reports it: `alerts[0].labels["app.kubernetes.io/name"]`. */
export function fieldPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && identifier.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(body)' : out;
}

/** Custom issues raised inside schemas carry their code in `params.code`. */
export const issueCode = (code: MonitoringErrorCode) => ({ params: { code } });

/** Zod's issues as field errors; run schemas with `reportInput: true` so absence can be told apart. */
export function fieldErrorsOf(error: z.ZodError, base = ''): MonitoringFieldError[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path, base);
    const custom =
      issue.code === 'custom' ? (issue.params?.code as MonitoringErrorCode | undefined) : undefined;
    if (custom) return { field, code: custom, message: issue.message };
    if (issue.input === undefined && issue.code === 'invalid_type') {
      return { field, code: 'REQUIRED', message: `required: expected ${issue.expected}` };
    }
    if (issue.input === undefined && issue.code === 'invalid_value') {
      const expected = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      return { field, code: 'REQUIRED', message: `required: expected ${expected}` };
    }
    if (issue.input === undefined && issue.code === 'invalid_union') {
      return { field, code: 'REQUIRED', message: 'required' };
    }
    if (issue.code === 'invalid_type') return { field, code: 'INVALID_TYPE', message: issue.message };
    return { field, code: 'INVALID_VALUE', message: issue.message };
  });
}
