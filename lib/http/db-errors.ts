import { AppError, validationError } from './errors';

/**
 * Maps a database error to the envelope. The database is the last line of several rules
 * (tenancy foreign keys, uniques, checks, the allocation exclusion constraint): when it
 * refuses a write the caller gets the 4xx the rule stands for, never a 500.
 */
export interface PgErrorInfo {
  code: string;
  constraint?: string;
  detail?: string;
}

export function pgErrorInfo(error: unknown): PgErrorInfo | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const candidate = e as {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
      detail?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return {
        code: candidate.code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        detail: typeof candidate.detail === 'string' ? candidate.detail : undefined,
      };
    }
    e = candidate.cause;
  }
  return null;
}

export type ConstraintErrors = Record<string, () => AppError>;

export function mapDatabaseError(
  error: unknown,
  constraintErrors: ConstraintErrors = {},
  operation: 'write' | 'delete' = 'write',
): AppError | null {
  const info = pgErrorInfo(error);
  if (!info) return null;
  const specific = info.constraint ? constraintErrors[info.constraint] : undefined;
  if (specific) return specific();
  switch (info.code) {
    case '23505':
      return new AppError('conflict', 409, 'A record with these values already exists.');
    case '23503':
      return operation === 'delete'
        ? new AppError('in_use', 409, 'This record is still referenced by other records.')
        : validationError('A referenced record does not exist in your organization.');
    case '23P01':
      return new AppError('slot_unavailable', 409, 'That time is no longer available.');
    case '23514':
    case '23502':
      return validationError('The values break a rule of this record.');
    case '40001':
    case '40P01':
      return new AppError(
        'conflict',
        409,
        'The request conflicted with another one; please retry.',
      );
  }
  if (info.code.startsWith('22')) return validationError('A value is out of range or malformed.');
  if (info.code.startsWith('08') || info.code === '57P01' || info.code === '57P03') {
    return new AppError(
      'service_unavailable',
      503,
      'The database is unavailable; please retry shortly.',
      undefined,
      {
        'Retry-After': '5',
      },
    );
  }
  return null;
}
