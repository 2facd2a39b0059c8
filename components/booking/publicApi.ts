import { ApiError } from '@/components/api/apiFetch';

/**
 * Calls to the public booking API (§11). Like apiFetch, but it can send an Idempotency-Key
 * and it keeps a 429's Retry-After, so the page can say how long to wait.
 */
/** How long a month of slots is reused before it is fetched again. */
export const SLOTS_STALE_MS = 60_000;

export class PublicApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    details: ApiError['details'] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(status, code, message, details);
    this.name = 'PublicApiError';
  }
}

export async function publicFetch<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api/public${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
    });
  } catch {
    throw new PublicApiError(
      0,
      'network_error',
      'We could not reach the booking service. Check your connection and try again.',
    );
  }
  const text = await response.text();
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code?: string; message?: string; details?: [] } } | null)
    ?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new PublicApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? `The server answered ${response.status}.`,
    error?.details ?? [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null,
  );
}

/** A sentence for the visitor; the rate limit and server trouble get friendly words. */
export function publicErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 429) {
    const wait = error instanceof PublicApiError ? error.retryAfterSeconds : null;
    return wait
      ? `Too many attempts. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`
      : 'Too many attempts. Please wait a minute and try again.';
  }
  if (error.status === 0) return error.message;
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return error.message;
}

/** A fresh key per submit attempt (crypto.randomUUID needs a secure context; not always there). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
