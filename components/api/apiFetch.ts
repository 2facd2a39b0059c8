/** Same-origin JSON calls to our /api routes, turning the §0 error envelope into an ApiError. */

import { ApiError, type ApiErrorDetail } from './ApiError';
import { isOutageError, OUTAGE_WRITE_MESSAGE } from './outage';

export { ApiError, type ApiErrorDetail };

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: ApiErrorDetail[] };
  // Better Auth answers with its own shape: { code, message }.
  code?: string;
  message?: string;
}

/** Retry-After in seconds (the delta form; the HTTP-date form is not sent by our server). */
function retryAfterOf(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after') ?? undefined);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

export interface ApiFetchInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** 'omit' for the public booking API, which needs no session. */
  credentials?: RequestCredentials;
}

export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: init.credentials ?? 'same-origin',
    });
  } catch {
    // fetch rejects (a TypeError) when no answer came at all: offline, or the app unreachable.
    throw new ApiError(0, 'network_error', 'Could not reach the server.');
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const envelope = (payload ?? {}) as ErrorEnvelope;
    const code = envelope.error?.code ?? envelope.code ?? `http_${response.status}`;
    const message =
      envelope.error?.message ?? envelope.message ?? `The server answered ${response.status}.`;
    throw new ApiError(
      response.status,
      code,
      message,
      envelope.error?.details ?? [],
      retryAfterOf(response),
    );
  }
  return payload as T;
}

/** A §0 list response. */
export interface ListResponse<T> {
  total: number;
  limit: number;
  skip: number;
  data: T[];
}

/** A human sentence for an error thrown by apiFetch (or anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (isOutageError(error)) return OUTAGE_WRITE_MESSAGE;
    if (error.status === 401) return 'Your session has ended. Sign in again.';
    if (error.status === 403) return error.message || 'You are not allowed to do this.';
    if (error.status >= 500) return 'Something went wrong on our side. Try again in a moment.';
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
