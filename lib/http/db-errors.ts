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

/** Network-level failures reaching the database (postgres.js and Node socket codes). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const databaseUnavailable = () =>
  new AppError(
    'service_unavailable',
    503,
    'The database is unavailable; please retry shortly.',
    undefined,
    { 'Retry-After': '5' },
  );

/** A lock or a statement waited longer than its bound (db/postgres-options.ts). */
const databaseBusy = () =>
  new AppError(
    'service_unavailable',
    503,
    'The database is busy; nothing was changed. Please retry.',
    undefined,
    { 'Retry-After': '1' },
  );

export type ConstraintErrors = Record<string, () => AppError>;

/**
 * The booking rules the database enforces itself (migrations 0001 and 0007). The locking
 * discipline (lib/reservations/write-lock.ts) keeps them from firing; when one does, another
 * write got there first, and the caller is told so with §18 reasons like the engine's own.
 */
const slotTaken = (reason: 'resource_busy' | 'capacity_full', message: string) =>
  new AppError('slot_unavailable', 409, message, [{ reason, path: 'start_datetime', message }]);

function bookingRuleError(info: PgErrorInfo): AppError | null {
  if (info.code === '23P01') return slotTaken('resource_busy', 'That time is no longer available.');
  if (info.constraint === 'occurrences_seats_taken')
    return slotTaken('capacity_full', 'Not enough seats are left at that time.');
  if (info.constraint?.startsWith('reservation_integrity_'))
    return slotTaken('resource_busy', 'That time changed while this request was made; try again.');
  return null;
}

export function mapDatabaseError(
  error: unknown,
  constraintErrors: ConstraintErrors = {},
  operation: 'write' | 'delete' = 'write',
): AppError | null {
  if (isConnectionError(error)) return databaseUnavailable();
  const info = pgErrorInfo(error);
  if (!info) return null;
  const specific = info.constraint ? constraintErrors[info.constraint] : undefined;
  if (specific) return specific();
  const booking = bookingRuleError(info);
  if (booking) return booking;
  switch (info.code) {
    case '23505':
      return new AppError('conflict', 409, 'A record with these values already exists.');
    case '23503':
      return operation === 'delete'
        ? new AppError('in_use', 409, 'This record is still referenced by other records.')
        : validationError('A referenced record does not exist in your organization.');
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
  // lock_timeout, statement_timeout, idle_in_transaction_session_timeout.
  if (['55P03', '57014', '25P03'].includes(info.code)) return databaseBusy();
  // Connection exceptions, the server shutting down or starting up, and
  // 25006: a standby (read-only) answered — a failover is under way.
  if (info.code.startsWith('08') || ['57P01', '57P02', '57P03', '25006'].includes(info.code)) {
    return databaseUnavailable();
  }
  return null;
}
