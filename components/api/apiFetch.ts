/** Same-origin JSON calls to our /api routes, turning the §0 error envelope into an ApiError. */

export interface ApiErrorDetail {
  path?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: ApiErrorDetail[] };
  // Better Auth answers with its own shape: { code, message }.
  code?: string;
  message?: string;
}

export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the server. Check your connection and try again.',
    );
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
    throw new ApiError(response.status, code, message, envelope.error?.details ?? []);
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
    if (error.status === 401) return 'Your session has ended. Sign in again.';
    if (error.status === 403) return error.message || 'You are not allowed to do this.';
    if (error.status >= 500) return 'Something went wrong on our side. Try again in a moment.';
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
