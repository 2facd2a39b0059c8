import { ZodError } from 'zod';
import { mapDatabaseError } from './db-errors';
import { AppError } from './errors';
import { logError } from './log';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Turns a zod failure into the §0 `validation_error` with `{path, message}` details. */
export function zodToAppError(error: ZodError, message = 'The request is invalid.'): AppError {
  const details = error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown field is reported at its own path, one detail per field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key].join('.'),
        message: `Unknown field ${key}.`,
      }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
  return new AppError('validation_error', 400, message, details);
}

/** The one place an error becomes a response. Unexpected ones are logged, never described. */
export function toErrorResponse(error: unknown, requestId: string): Response {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof ZodError
        ? zodToAppError(error)
        : mapDatabaseError(error);
  if (appError) {
    return json(
      {
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.details ? { details: appError.details } : {}),
        },
      },
      appError.status,
      { ...appError.headers, 'x-request-id': requestId },
    );
  }
  logError('unhandled error', error, requestId);
  return json(
    { error: { code: 'internal_error', message: `Something went wrong (request ${requestId}).` } },
    500,
    { 'x-request-id': requestId },
  );
}
