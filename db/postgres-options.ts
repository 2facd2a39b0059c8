import type { Options } from 'postgres';

/**
 * How this process talks to PostgreSQL when the database misbehaves (issue "When the database
 * goes away"). Every wait is bounded, so a request answers — 503 at worst — instead of hanging:
 *
 * - a connection attempt gives up after `DATABASE_CONNECT_TIMEOUT_S` (2 s);
 * - a connection that failed is tried again after at most half a second, not after postgres.js'
 *   default backoff (which grows to 20 s after a few failures: the process stayed unusable
 *   for 15 s after the database was back);
 * - every connection sets `statement_timeout`, `lock_timeout` and
 *   `idle_in_transaction_session_timeout`, so neither a slow query nor a stuck lock nor a
 *   transaction whose client vanished holds a request or a pool slot for ever;
 * - idle connections are closed after a minute, so one that died quietly is not kept.
 *
 * A connection that died is dropped by postgres.js itself: it is never handed out again.
 */
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

export function postgresTimeouts() {
  return {
    connectTimeoutSeconds: number('DATABASE_CONNECT_TIMEOUT_S', 2),
    statementTimeoutMs: number('DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
    lockTimeoutMs: number('DATABASE_LOCK_TIMEOUT_MS', 10_000),
    idleInTransactionTimeoutMs: number('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000),
  };
}

/** Seconds before trying a failed connection again: 0.1, 0.2, 0.4, then 0.5 at most. */
export const reconnectBackoffSeconds = (retries: number) => Math.min(0.05 * 2 ** retries, 0.5);

export function postgresOptions(): Options<Record<string, never>> {
  const t = postgresTimeouts();
  return {
    max: number('DATABASE_POOL_SIZE', 10),
    connect_timeout: t.connectTimeoutSeconds,
    idle_timeout: 60,
    backoff: reconnectBackoffSeconds,
    onnotice: () => {},
    connection: {
      application_name: 'reservations',
      statement_timeout: t.statementTimeoutMs,
      lock_timeout: t.lockTimeoutMs,
      idle_in_transaction_session_timeout: t.idleInTransactionTimeoutMs,
    },
  };
}
