import { expect, signIn, test, unique, slug } from './support';

test('a staff user works with reservations but cannot reach the admin editors', async ({
  page,
  api,
}) => {
  const name = unique('Sam Staff');
  const email = `${slug(name)}@demo.test`;
  const password = 'staff-password-1';
  // API keys act as admin, so the demo key may add a user.
  await api.post('/users', { name, email, password, role: 'staff' });

  await signIn(page, email, password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Reservations' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'New reservation' })).toBeVisible();

  for (const path of ['/catalog', '/catalog/services', '/catalog/resources']) {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { level: 1, name: 'The catalog is for admins' }),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Catalog sections' })).toHaveCount(0);
    await expect(nav.getByRole('link')).toHaveCount(1);
  }

  await page.goto('/settings');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Settings are for admins' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /API key/i })).toHaveCount(0);
  await expect(nav.getByRole('link')).toHaveCount(1);
  for (const [path, heading] of [
    ['/settings/webhooks', 'Webhooks are for admins'],
    ['/settings/notifications', 'Email settings are for admins'],
    ['/settings/outbox', 'The Outbox is for admins'],
    ['/assistants', 'Assistants are for admins'],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(0);
  }
  await page.getByRole('link', { name: 'Back to reservations' }).click();
  await page.waitForURL('**/reservations');

  // The account menu says which role this is.
  await page.getByRole('button', { name: /Account menu/ }).click();
  await expect(page.getByText('staff', { exact: true })).toBeVisible();
});
