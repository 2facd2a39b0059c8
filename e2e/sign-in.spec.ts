import { ADMIN, expect, signIn, test } from './support';

test('a signed-out visit goes to sign-in and comes back after it', async ({ page }) => {
  await page.goto('/reservations');
  await page.waitForURL(/\/sign-in\?next=%2Freservations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a wrong password shows an error; the right one lands on Reservations', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(
    page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/reservations');
  await expect(page.getByRole('heading', { level: 1, name: 'Reservations' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Reservations' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(nav.getByRole('link', { name: 'Catalog' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
});

test('signing out returns to sign-in', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
  await page.goto('/reservations');
  await page.waitForURL(/\/sign-in/);
});

/** `next` forms that browsers follow off-site (`/\t/evil.test` → `//evil.test`). */
const OFF_SITE_NEXT = [
  '//evil.test',
  '/\\evil.test',
  '/%2F/evil.test',
  '/%5Cevil.test',
  '/\t/evil.test',
  '/\n/evil.test',
  'https:evil.test',
  'javascript:alert(1)',
];

test('a signed-in visitor is never redirected off-site by next=, nor given a 500', async ({
  page,
}) => {
  await signIn(page);
  for (const next of [...OFF_SITE_NEXT, '/reservations\n', '/caf\u00e9']) {
    const res = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, {
      maxRedirects: 0,
    });
    expect(res.status(), JSON.stringify(next)).toBeLessThan(400);
    const location = res.headers()['location'] ?? '';
    expect(new URL(location, 'http://app.test').origin, JSON.stringify(next)).toBe(
      'http://app.test',
    );
    expect(location, JSON.stringify(next)).not.toMatch(/evil|[\t\n\\]/);
  }
  // The raw (unencoded) tab form of the issue.
  const raw = await page.request.get('/sign-in?next=/%09/evil.test', { maxRedirects: 0 });
  expect(raw.headers()['location']).toMatch(/^\/reservations$/);
});

test('after the form, next= off-site lands on Reservations', async ({ page }) => {
  for (const next of ['//evil.test', '/%09/evil.test', '/%5Cevil.test']) {
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/reservations');
    expect(new URL(page.url()).host).not.toContain('evil');
    await page.context().clearCookies();
  }
});

test('the sign-up form still works (same-origin JSON); a registered email is not revealed', async ({
  page,
}) => {
  const email = `owner-${Date.now().toString(36)}@example.test`;
  const fill = async (address: string) => {
    await page.goto('/sign-up');
    await page.getByLabel('Organization name').fill(`E2E Salon ${Date.now().toString(36)}`);
    await page.getByLabel('Your name').fill('Owner');
    await page.getByLabel('Email').fill(address);
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Create organization' }).click();
  };
  await fill(email);
  await page.waitForURL('**/reservations');
  await expect(page.getByRole('heading', { level: 1, name: 'Reservations' })).toBeVisible();
  await page.context().clearCookies();
  // The demo admin's email: no error naming it, no session; the visitor is sent to sign in.
  await fill(ADMIN.email);
  await page.waitForURL(/\/sign-in/);
  await expect(page.getByText(/already/i)).toHaveCount(0);
});
