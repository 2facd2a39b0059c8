/** An answer of our /api that was not a 2xx (or no answer at all: status 0), as apiFetch throws it. */

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
    /** The answer's Retry-After, in whole seconds (429, 503), when it gave one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
