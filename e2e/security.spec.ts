import { ADMIN, expect, signIn, test } from './support';

/** The production server's security headers, and pages that still work under its CSP. */

/** The `script-src` directive of a policy. */
const scriptSrc = (csp: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src')) ?? '';

test('pages and the API carry the security headers; the CSP has no unsafe-eval', async ({
  request,
}) => {
  for (const path of ['/sign-in', '/api/health']) {
    const res = await request.get(path);
    const headers = res.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(scriptSrc(csp), path).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
});

test('staff and public pages, /docs included, get a per-request nonce CSP with strict-dynamic', async ({
  request,
}) => {
  for (const path of ['/sign-in', '/sign-up', '/docs', '/book/maple-hair', '/book/manage/x', '/']) {
    const first = await request.get(path, { maxRedirects: 0 });
    const second = await request.get(path, { maxRedirects: 0 });
    const [a, b] = [first, second].map((r) =>
      scriptSrc(r.headers()['content-security-policy'] ?? ''),
    );
    expect(a, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(a, path).toContain("'strict-dynamic'");
    expect(a, path).not.toContain('unsafe-inline');
    expect(a, path).not.toBe(b);
    if (first.status() === 200) {
      // Every script of the page carries the policy's nonce.
      const nonce = /'nonce-([^']+)'/.exec(a)![1]!;
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
});

test('every page still works under the nonce CSP: no violation in the console', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`));
  for (const path of ['/sign-up', '/book/maple-hair', '/docs']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // The booking page's client code ran: services are listed.
  await page.goto('/book/maple-hair');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // /docs rendered Scalar's reference (client-side) from /api/openapi.json.
  await page.goto('/docs');
  await expect(page.getByRole('heading', { name: 'Reservations API' })).toBeVisible({
    timeout: 20_000,
  });
  await signIn(page, ADMIN.email, ADMIN.password);
  for (const path of ['/reservations', '/catalog', '/assistants', '/settings']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
  }
  // Client navigation still works (scripts loaded by Next's bootstrap, via strict-dynamic).
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reservations' })
    .click();
  await page.waitForURL('**/reservations');
  expect(violations).toEqual([]);
});

test('an uploaded file is served with its own sandbox policy, not the app CSP', async ({
  api,
  request,
}) => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const signed = await api.post<{
    signed_url: string;
    public_url: string;
    headers: Record<string, string>;
  }>('/s3-url-signing', {
    type: 'reservation-service-image',
    content_type: 'image/png',
    content_length: png.length,
    file_name: 'x.png',
  });
  const put = await request.fetch(signed.signed_url, {
    method: 'PUT',
    headers: signed.headers,
    data: png,
  });
  expect(put.status(), await put.text()).toBe(200);
  const got = await request.get(signed.public_url);
  expect(got.status()).toBe(200);
  expect(got.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  expect(got.headers()['x-content-type-options']).toBe('nosniff');
  // HTML declared as a PNG is refused.
  const html = Buffer.from('<html><script>alert(1)</script></html>');
  const bad = await api.post<{ signed_url: string; headers: Record<string, string> }>(
    '/s3-url-signing',
    {
      type: 'reservation-service-image',
      content_type: 'image/png',
      content_length: html.length,
      file_name: 'x.png',
    },
  );
  const refused = await request.fetch(bad.signed_url, {
    method: 'PUT',
    headers: bad.headers,
    data: html,
  });
  expect(refused.status()).toBe(400);
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
