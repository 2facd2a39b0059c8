import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/auth/next-path';

/**
 * `next` after sign-in (app/sign-in: the redirect of a signed-in visitor and the form's
 * `router.replace` both use safeNextPath): only a path that stays on this origin.
 */
describe('safeNextPath', () => {
  it.each([
    '//evil.test',
    '///evil.test',
    '/\\evil.test',
    '/\\/evil.test',
    '\\\\evil.test',
    '/%2F/evil.test',
    '/%2f/evil.test',
    '/%5Cevil.test',
    '/%5cevil.test',
    '/\t/evil.test',
    '/\n/evil.test',
    '/\r\n/evil.test',
    '\t//evil.test',
    '/%09/evil.test',
    '/%0A/evil.test',
    '/\u0000/evil.test',
    'https:evil.test',
    'https://evil.test',
    'http:/evil.test',
    'javascript:alert(1)',
    '/javascript:alert(1)'.slice(1),
    'evil.test',
    '',
    '/sign-in',
    '/sign-up?x=1',
    '/api/health',
    '/reservations\n',
  ])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it('refuses arrays and missing values', () => {
    expect(safeNextPath(['/reservations', '//evil.test'])).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });

  it.each([
    ['/reservations', '/reservations'],
    ['/reservations?date=2026-12-04#top', '/reservations?date=2026-12-04#top'],
    ['/catalog/services/abc', '/catalog/services/abc'],
    ['/contacts?q=a%2Fb', '/contacts?q=a%2Fb'],
    ['/sign-inside', '/sign-inside'],
    // Non-ASCII is percent-encoded, so the Location header stays valid (was a 500).
    ['/contacts?q=café', '/contacts?q=caf%C3%A9'],
    ['/café', '/caf%C3%A9'],
  ])('keeps %j as %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('whatever it returns stays on the origin it is resolved against', () => {
    for (const next of ['/a/../../b', '/./x', '/%2e%2e/x', '/a?b=//evil.test']) {
      const out = safeNextPath(next);
      if (out) expect(new URL(out, 'https://app.example').origin).toBe('https://app.example');
    }
  });
});
