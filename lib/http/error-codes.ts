/**
 * Every error code the API can answer, with its status: one closed list (issue 17). `AppError`
 * takes only these, so a code invented anywhere else fails the typecheck, and the API reference
 * lists, for each operation and status, the codes that operation can give.
 */
export const ERROR_CODES = {
  validation_error: { status: 400, about: 'bad JSON, wrong types, unknown fields, broken rules' },
  content_type_mismatch: { status: 400, about: 'an upload’s Content-Type is not the signed one' },
  content_length_mismatch: { status: 400, about: 'an upload’s length is not the signed one' },
  content_mismatch: { status: 400, about: 'an upload’s bytes are not the declared image type' },
  unauthenticated: { status: 401, about: 'no valid API key or session' },
  forbidden: { status: 403, about: 'the role may not do this, or a foreign organization/origin' },
  tool_not_enabled: { status: 403, about: 'the assistant may not use this tool' },
  invalid_signature: { status: 403, about: 'an upload URL that was not signed here' },
  upload_expired: { status: 403, about: 'an upload URL past its time' },
  not_found: { status: 404, about: 'no such record in the caller’s organization' },
  method_not_allowed: { status: 405, about: 'this method is not offered here' },
  conflict: { status: 409, about: 'a duplicate, or a write that raced another; retry' },
  in_use: { status: 409, about: 'other records still depend on this one' },
  slot_unavailable: { status: 409, about: 'the time cannot be booked; `details` give §18 reasons' },
  invalid_transition: { status: 409, about: 'the status cannot change that way' },
  hold_expired: { status: 409, about: 'the hold has expired or was used' },
  idempotency_conflict: { status: 409, about: 'the Idempotency-Key was used with another body' },
  slug_taken: { status: 409, about: 'another booking link has this slug' },
  already_uploaded: { status: 409, about: 'the upload URL was used already' },
  delivery_in_progress: { status: 409, about: 'the delivery is being sent right now' },
  payload_too_large: { status: 413, about: 'the body is over 1 MiB' },
  unsupported_media_type: { status: 415, about: 'the body must be application/json' },
  rate_limited: { status: 429, about: 'too many requests from this client; see Retry-After' },
  internal_error: { status: 500, about: 'an unexpected failure, logged with the request id' },
  service_unavailable: { status: 503, about: 'the database cannot be reached or is busy; retry' },
} as const satisfies Record<string, { status: number; about: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

export const statusOf = (code: ErrorCode): number => ERROR_CODES[code].status;
