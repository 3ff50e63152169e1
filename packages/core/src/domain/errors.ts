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
  | 'ApiTokenNotFound'
  /** A directory change request (editorial workflow) that does not exist. */
  | 'ChangeNotFound'
  | 'UserNotFound'
  | 'OrganisationNotFound'
  | 'BatchConflict'
  | 'BatchAlreadyUndone'
  | 'ImportInvalid'
  | 'ImportColumnMissing'
  | 'MappingInvalid'
  | 'UnsupportedFormat'
  | 'FileUnreadable'
  | 'ValidationFailed'
  | 'Conflict'
  /** No valid session or token, but the route needs one (or sign-in failed: never says why). */
  | 'AuthenticationRequired'
  /** Signed in, but the roles (or the token's scope) do not grant the route's permission. */
  | 'PermissionDenied'
  /** A state-changing request authenticated by the session cookie without its CSRF token. */
  | 'CsrfFailed'
  /** Too many failed sign-ins (for a login or from an address): try again later. */
  | 'TooManyAttempts';

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
