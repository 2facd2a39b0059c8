/**
 * Where to go after signing in (`/sign-in?next=…`): only a path of this site. The value is
 * parsed as a URL against a placeholder origin and must stay on it, and forms browsers or
 * proxies read differently are refused outright: control characters (`/\t/evil.test` is
 * followed as `//evil.test`), backslashes (`/\evil`), and encoded slashes or backslashes in
 * the path (`/%2F/evil`, `/%5Cevil`). What comes back is the URL's own serialization
 * (non-ASCII percent-encoded), so it is always safe in a `Location` header.
 */
const PLACEHOLDER = 'http://next-path.invalid';

export function safeNextPath(next: string | string[] | undefined | null): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2048) return null;
  if (!next.startsWith('/') || next.startsWith('//')) return null;
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return null;
  const pathPart = next.split(/[?#]/, 1)[0]!;
  if (/%(2f|5c|[01][0-9a-f]|7f)/i.test(pathPart)) return null;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  if (/^\/(sign-in|sign-up|api)(\/|$|\?|#)/.test(path)) return null;
  return path;
}
