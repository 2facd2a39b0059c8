import { ApiError, apiFetch } from '@/components/api/apiFetch';
import { isOutageError } from '@/components/api/outage';

/** How long a month of slots is reused before it is fetched again. */
export const SLOTS_STALE_MS = 60_000;

/**
 * Calls to the public booking API (§11): apiFetch without the session cookie, optionally with
 * an Idempotency-Key. Errors are ApiErrors, Retry-After included (429, 503).
 */
export function publicFetch<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  return apiFetch<T>(`/api/public${path}`, {
    method: init.method,
    body: init.body,
    headers: init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : undefined,
    credentials: 'omit',
  });
}

/** A sentence for the visitor; the rate limit and server trouble get friendly words. */
export function publicErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (isOutageError(error))
    return 'We can’t reach the server right now. Please try again in a moment.';
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait
      ? `Too many attempts. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`
      : 'Too many attempts. Please wait a minute and try again.';
  }
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return error.message;
}

/** A fresh key per submit attempt (crypto.randomUUID needs a secure context; not always there). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
