/** What every payload parser takes besides the body. */
import { z } from 'zod';
import { fieldErrorsOf, invalid, throwIfAny } from './errors.js';
import { defaultSeverityMapping, type SeverityMapping } from './severity.js';

export type ParseOptions = {
  /** When the receiver took the payload (epoch ms): the time of an event whose tool gives none. */
  receivedAt: number;
  /** Default: defaultSeverityMapping; build one with severityMapping(overrides). */
  severity?: SeverityMapping;
};

export type ResolvedParseOptions = { receivedAt: number; severity: SeverityMapping };

export function resolveParseOptions(options: ParseOptions): ResolvedParseOptions {
  if (!Number.isInteger(options?.receivedAt)) {
    throw invalid('receivedAt', 'INVALID_TIMESTAMP', 'expected integer epoch milliseconds');
  }
  return { receivedAt: options.receivedAt, severity: options.severity ?? defaultSeverityMapping };
}

/** Parses `body` with `schema`, throwing MonitoringValidationError with every field path at fault. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, base = ''): z.output<S> {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throwIfAny(fieldErrorsOf(parsed.error, base));
  return parsed.data as z.output<S>;
}

/** Label maps: text values only, as every tool here sends them. */
export const labelMap = z.record(z.string(), z.string());
