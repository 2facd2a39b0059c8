import type { QueryClient, QueryState } from '@tanstack/react-query';
import { ApiError } from './ApiError';

/**
 * When the server cannot be reached (issue 16, "when the database goes away"): which failures
 * are an outage, how long to wait between tries, and what a page shows meanwhile. Shared by the
 * staff pages (React Query's defaults in Providers) and the public booking pages.
 *
 * Reads are retried for as long as the outage lasts (while something on screen wants them);
 * writes are not, unless they carry an Idempotency-Key (docs/decisions.md, "When the database
 * goes away").
 */

/**
 * The server could not be reached, or answered that it cannot serve right now: no answer at
 * all (a network error), 503 (our API while its database is away: `service_unavailable` with
 * Retry-After), or a proxy's 502/504 (the app process itself unreachable behind one). Such a
 * failure says nothing about the request itself; anything else (a 4xx, a 500) is an answer.
 */
export function isOutageError(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'network_error' ||
      error.status === 502 ||
      error.status === 503 ||
      error.status === 504)
  );
}

/** Said when a write failed that way: it did not happen, and the form keeps what was typed. */
export const OUTAGE_WRITE_MESSAGE =
  'Can’t reach the server right now; nothing was saved. Try again in a moment.';

/** How a failed action is shown: an outage calmly (it is nobody's mistake), the rest as errors. */
export function failureTone(error: unknown): 'info' | 'error' {
  return isOutageError(error) ? 'info' : 'error';
}

/** Bounds of the pause between two tries. */
export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/**
 * The pause after failure number `failureIndex + 1` (React Query counts from 0): the server's
 * Retry-After when it gave one, else 1 s, 2 s, 4 s… — either way between 1 and 30 s, so a
 * page is back within half a minute of the server, and a wrong header cannot stall it.
 */
export function retryWaitMs(failureIndex: number, error: unknown): number {
  const hinted = error instanceof ApiError ? error.retryAfterSeconds : null;
  const wait = hinted !== null ? hinted * 1000 : RETRY_MIN_MS * 2 ** Math.max(0, failureIndex);
  return Math.min(Math.max(wait, RETRY_MIN_MS), RETRY_MAX_MS);
}

/**
 * React Query's `retryDelay`: the wait above plus up to 10 % of it (at most 1 s) at random, so
 * pages that failed together at the start of an outage do not all come back in one instant.
 * The countdown shows the whole seconds of the wait; the jitter is the "Retrying…" moment.
 */
export function retryDelay(failureIndex: number, error: unknown, random = Math.random): number {
  const wait = retryWaitMs(failureIndex, error);
  return wait + Math.floor(random() * Math.min(wait / 10, 1000));
}

/**
 * React Query's `retry` for reads: an outage is waited out however long it lasts (retries stop
 * when nothing on screen uses the query any more); a 4xx will not change on retry; anything
 * else gets two more tries.
 */
export function shouldRetryRead(failureIndex: number, error: unknown): boolean {
  if (isOutageError(error)) return true;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureIndex < 2;
}

/** What a page says while a read waits for the server. */
export interface Outage {
  /** The last failure (an ApiError); null when the browser is offline and nothing was tried yet. */
  error: unknown;
  /** An automatic try is coming (now, or once the browser is online and the tab visible). */
  retrying: boolean;
  /** Whole seconds until it, when it is on a timer. */
  retryInSeconds: number | null;
}

/** The fields of a query's progress this reads: a UseQueryResult has them under these names. */
export interface QueryProgress {
  fetchStatus: 'fetching' | 'paused' | 'idle';
  failureCount: number;
  failureReason: unknown;
  error: unknown;
}

/** The same fields, from a query's state in the cache. */
export function progressOf(state: QueryState<unknown, unknown>): QueryProgress {
  return {
    fetchStatus: state.fetchStatus,
    failureCount: state.fetchFailureCount,
    failureReason: state.fetchFailureReason,
    error: state.error,
  };
}

/** The outage a query is waiting out, or null when it is not. */
export function outageOf(query: QueryProgress): Outage | null {
  const { fetchStatus, failureCount, failureReason, error } = query;
  if (fetchStatus === 'fetching' && isOutageError(failureReason)) {
    const seconds = Math.ceil(retryWaitMs(failureCount - 1, failureReason) / 1000);
    return { error: failureReason, retrying: true, retryInSeconds: seconds };
  }
  if (fetchStatus === 'paused') {
    // Offline (or a retry held back while the tab is hidden): it goes on by itself.
    return {
      error: isOutageError(failureReason) ? failureReason : null,
      retrying: true,
      retryInSeconds: null,
    };
  }
  if (fetchStatus === 'idle' && isOutageError(error)) {
    return { error, retrying: false, retryInSeconds: null };
  }
  return null;
}

/** The first outage among some queries (one notice says it for all of them). */
export function firstOutage(queries: readonly QueryProgress[]): Outage | null {
  for (const query of queries) {
    const outage = outageOf(query);
    if (outage) return outage;
  }
  return null;
}

/**
 * "Try again now": every read waiting out an outage tries at once, not only the one whose
 * notice was pressed, since they all wait for the same server. A retry pause cannot be cut
 * short, so the fetch is cancelled (its state reverted) and started again.
 */
export function retryOutagesNow(client: QueryClient): void {
  const waiting = client.getQueryCache().findAll({
    predicate: (query) =>
      outageOf(progressOf(query.state)) !== null &&
      // Given up and shown by nobody: leave it until something shows it again.
      (query.state.fetchStatus !== 'idle' || query.getObserversCount() > 0),
  });
  for (const query of waiting) {
    void query
      .cancel({ revert: true })
      .then(() => query.fetch())
      .catch(() => {
        // A failure lands in the query's state, where the page reads it.
      });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a write that carries an Idempotency-Key, and sends it again (same key, same body) while
 * the server cannot be reached, at most `retries` more times: the API answers a repeat with the
 * first result, so trying again can never do it twice. Writes without a key must not come
 * here: a network error leaves unknown whether they happened. `onWait` is told before each
 * pause (for a "trying again in 5 s" line); `stopped` ends the tries early (the form went away).
 */
export async function sendIdempotentWrite<T>(
  send: () => Promise<T>,
  options: {
    retries: number;
    onWait?: (outage: Outage) => void;
    stopped?: () => boolean;
    wait?: (ms: number) => Promise<void>;
  },
): Promise<T> {
  const { retries, onWait, stopped, wait = sleep } = options;
  for (let failures = 0; ; failures++) {
    try {
      return await send();
    } catch (error) {
      if (!isOutageError(error) || failures >= retries || stopped?.()) throw error;
      onWait?.({
        error,
        retrying: true,
        retryInSeconds: Math.ceil(retryWaitMs(failures, error) / 1000),
      });
      await wait(retryDelay(failures, error));
      if (stopped?.()) throw error;
    }
  }
}
