import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isForeignKeyViolation, isUniqueViolation, sqlState } from '../db/errors.js';
import { AppError, type ErrorCode, errorStatus, type FieldError } from '../errors.js';

const titles: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemType = (code: ErrorCode) =>
  `https://keel.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string, fields?: FieldError[]) {
  const status = errorStatus[code];
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: problemType(code),
      title: titles[status] ?? 'Error',
      status,
      detail,
      code,
      instance: reply.request.url,
      requestId: reply.request.id,
      ...(fields?.length ? { errors: fields } : {}),
    });
}

/** Maps every error to problem+json in one place. Unknown errors are logged and answered as a bare 500. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(reply, err.code, err.message, err.fields);

  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const fields = err.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
      code: v.keyword,
    }));
    return sendProblem(reply, 'VALIDATION_FAILED', `The request ${where} is invalid.`, fields);
  }
  if (isUniqueViolation(err))
    return sendProblem(reply, 'CONFLICT', 'A record with these values already exists.');
  if (isForeignKeyViolation(err))
    return sendProblem(reply, 'UNPROCESSABLE', 'A referenced record does not exist.');
  // SQLSTATE class 22 (data exception): a value the database could not take, i.e. bad input that slipped past validation.
  if (sqlState(err)?.startsWith('22')) {
    request.log.warn({ err }, 'data exception from the database');
    return sendProblem(reply, 'MALFORMED_REQUEST', 'A value in the request is malformed or out of range.');
  }

  const status = err.statusCode ?? 500;
  if (status === 413)
    return sendProblem(reply, 'PAYLOAD_TOO_LARGE', 'The request body is larger than allowed.');
  if (status === 415) return sendProblem(reply, 'UNSUPPORTED_MEDIA_TYPE', err.message);
  if (status === 429) return sendProblem(reply, 'RATE_LIMITED', err.message);
  if (status >= 400 && status < 500 && !isResponseSerializationError(err as never)) {
    // Fastify's own client errors: malformed JSON, empty JSON body, bad content length …
    return sendProblem(reply, 'MALFORMED_REQUEST', err.message);
  }
  request.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 'INTERNAL', 'Something went wrong on our side. The request id helps us find it.');
}
