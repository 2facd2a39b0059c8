import { ADMIN, expect, signIn, test } from './support';

/** The production server's security headers, and pages that still work under its CSP. */

test('pages and the API carry the security headers; the CSP has no unsafe-eval', async ({
  page,
  request,
}) => {
  for (const path of ['/sign-in', '/api/health']) {
    const res = await request.get(path);
    const headers = res.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }

  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, ADMIN.email, ADMIN.password);
  expect(violations).toEqual([]);
});

test('the public booking page may be framed by other sites; the manage page and staff pages not', async ({
  request,
}) => {
  const booking = (await request.get('/book/any-link')).headers()['content-security-policy'] ?? '';
  expect(booking).toContain('frame-ancestors *');
  const manage = (await request.get('/book/manage/x')).headers();
  expect(manage['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(manage['x-frame-options']).toBe('DENY');
});

test('a path Next cannot decode is a 400 (the envelope under /api), never a 500', async ({
  request,
}) => {
  for (const path of ['/api/reservations/%ZZ', '/api/contacts/%E0%A4%A', '/api/%']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.code, path).toBe('validation_error');
  }
  for (const path of ['/reservations/%ZZ', '/book/%FF', '/book/manage/%0A']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
  }
});
