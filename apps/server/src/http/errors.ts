import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainErrorCode } from '@lagebild/core';
import { ZodError } from 'zod';
import { setSecurityHeaders } from './security-headers.ts';

/** The one error shape of the API: `{ code, message, details }`. */
export interface ApiError {
  code: string;
  message: string;
  details: unknown;
}

const STATUS: Record<DomainErrorCode, number> = {
  LevelNotFound: 404,
  AreaNotFound: 404,
  IndicatorNotFound: 404,
  BatchNotFound: 404,
  ServiceNotFound: 404,
  ApiTokenNotFound: 404,
  ChangeNotFound: 404,
  UserNotFound: 404,
  OrganisationNotFound: 404,
  BatchConflict: 409,
  BatchAlreadyUndone: 409,
  Conflict: 409,
  ImportInvalid: 422,
  ImportColumnMissing: 422,
  MappingInvalid: 422,
  ValidationFailed: 400,
  UnsupportedFormat: 415,
  FileUnreadable: 422,
  AuthenticationRequired: 401,
  PermissionDenied: 403,
  CsrfFailed: 403,
  TooManyAttempts: 429,
};

export function toApiError(error: unknown): { status: number; body: ApiError } {
  if (isDomainError(error)) {
    return {
      status: STATUS[error.code],
      body: { code: error.code, message: error.message, details: error.details ?? null },
    };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const message = details.map((d) => `${d.path || 'request'}: ${d.message}`).join('; ');
    return { status: 400, body: { code: 'ValidationFailed', message, details } };
  }
  const fastifyError = error as FastifyError;
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: { code: fastifyError.code ?? 'BadRequest', message: fastifyError.message, details: null },
    };
  }
  return {
    status: 500,
    body: { code: 'InternalError', message: 'An unexpected error occurred.', details: null },
  };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toApiError(error);
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  void reply.status(status).send(body);
}

/**
 * Errors Fastify raises before a route is found (a path parameter over the router's length limit, a
 * malformed URL), in the one error shape instead of Fastify's own.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // These answers skip the onSend hooks: the security headers are set here.
  setSecurityHeaders(reply);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send({
      code: 'ParameterTooLong',
      message: 'A path parameter is too long (at most 100 characters).',
      details: null,
    } satisfies ApiError);
    return;
  }
  errorHandler(error, request, reply);
}
