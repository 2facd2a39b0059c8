import type { ErrorCode } from './error-codes';

/** The one error type domain code throws; `toErrorResponse` turns it into the §0 envelope. */
export interface ErrorDetail {
  path?: string;
  message: string;
  [extra: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (message: string, details?: ErrorDetail[]) =>
  new AppError('validation_error', 400, message, details);

/** A single bad field, reported the way zod issues are. */
export const fieldError = (path: string, message: string) =>
  validationError(message, [{ path, message }]);

export const unauthenticated = (
  message = 'Authentication required: send a Bearer API key or sign in.',
) => new AppError('unauthenticated', 401, message);

export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('forbidden', 403, message);

export const notFound = (what = 'Record') => new AppError('not_found', 404, `${what} not found.`);

export const conflict = (code: ErrorCode, message: string, details?: ErrorDetail[]) =>
  new AppError(code, 409, message, details);
