/**
 * Domain errors carry a stable code and no transport knowledge; the server maps codes to HTTP status
 * in one place (apps/server/src/errors.ts) and the CLI prints them as text.
 */
export type DomainErrorCode =
  | 'LevelNotFound'
  | 'AreaNotFound'
  | 'IndicatorNotFound'
  | 'BatchNotFound'
  | 'ServiceNotFound'
  | 'BatchConflict'
  | 'BatchAlreadyUndone'
  | 'ImportInvalid'
  | 'ImportColumnMissing'
  | 'MappingInvalid'
  | 'UnsupportedFormat'
  | 'FileUnreadable'
  | 'ValidationFailed'
  | 'Conflict';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: unknown;

  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
