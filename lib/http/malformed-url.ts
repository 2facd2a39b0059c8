/**
 * Requests whose path cannot be decoded: a malformed `%` escape (`/api/reservations/%ZZ`), an
 * escape that decodes to invalid UTF-8 (`%E0%A4%A`, `%FF`), a control character (raw or
 * escaped: `%0A` in a path would end up in headers and logs). Next answers these with a
 * plain-text 500 before any of our code runs, so our server (scripts/serve.ts) refuses them
 * first: a 400 with the §0 envelope under /api, a short plain-text 400 page elsewhere.
 */
export function isMalformedPath(rawTarget: string): boolean {
  const path = rawTarget.split(/[?#]/, 1)[0] ?? '';
  // Raw control characters or bytes Node kept as latin-1 (non-ASCII must be escaped).
  if (/[\u0000-\u001f\u007f-\uffff]/.test(path)) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return /[\u0000-\u001f\u007f]/.test(decoded);
}

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The answer to a request whose path is malformed, or null when the path is fine. */
export function malformedRequestAnswer(rawTarget: string): PlainAnswer | null {
  if (!isMalformedPath(rawTarget)) return null;
  const message = 'The request path is malformed (a bad % escape or a control character).';
  if (/^\/api(\/|$)/.test(rawTarget)) {
    return {
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({ error: { code: 'validation_error', message } }),
    };
  }
  return {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    body: `400 Bad Request\n\n${message}\n`,
  };
}
