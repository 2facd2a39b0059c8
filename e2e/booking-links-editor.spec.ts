import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Named, signIn, slug, test, unique } from './support';

/**
 * Catalog › Booking links: create a link through the editor while its preview follows the
 * form, meet a taken slug on the slug field, save, edit, and find it in the list with its
 * address. Screenshots of the list and the editor at 1440 px and 375 px go to
 * e2e/screenshots/ for a look by a person.
 */

interface BookingLink {
  id: string;
  slug: string;
  name: string;
  service_ids: string[];
  is_active: boolean;
  page_config: {
    title: string | null;
    primary_color: string | null;
    cover_url: string | null;
    custom_field_keys: string[];
    require_phone: boolean;
  };
}

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
  // From the top: a full-page shot keeps sticky parts (top bar, preview) where the scroll left them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(SCREENSHOTS, `booking-links-${name}.png`),
    fullPage: true,
  });
}

/** No sideways scrolling of the page itself (the phone check of pages.spec.ts). */
async function expectNoOverflow(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `the page scrolls sideways at ${width}px`).toBeLessThanOrEqual(width);
}

/** A PNG drawn in the page (a gradient with a label), for the upload control. */
async function drawPng(page: Page, width: number, height: number, text: string) {
  const base64 = await page.evaluate(
    ([w, h, label]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      const gradient = ctx.createLinearGradient(0, 0, w, h);
      gradient.addColorStop(0, '#0e9f6e');
      gradient.addColorStop(1, '#f5d08a');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#ffffff';
      ctx.font = `bold ${Math.round(h / 4)}px sans-serif`;
      ctx.fillText(label, w / 12, h / 1.6);
      return canvas.toDataURL('image/png').split(',')[1]!;
    },
    [width, height, text] as const,
  );
  return Buffer.from(base64, 'base64');
}

test.use({ viewport: { width: 1440, height: 900 } });

test('an admin creates a booking link with a live preview, meets a taken slug, and finds it in the list', async ({
  page,
  api,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const haircut = await api.serviceByName('Haircut & style');
  const beard = await api.serviceByName('Beard trim');
  // A link that already holds a slug, so the editor has to meet 409 slug_taken.
  const taken = await api.post<BookingLink>('/reservation-booking-links', {
    name: unique('E2E Taken'),
    slug: slug(unique('e2e-taken')),
    service_ids: [beard.id],
  });

  const name = unique('E2E Walk-in Wednesday');
  const expectedSlug = slug(name);
  const title = 'Book your cut at Maple';

  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Catalog' })
    .click();
  await page
    .getByRole('navigation', { name: 'Catalog sections' })
    .getByRole('link', { name: 'Booking links' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Booking links' })).toBeVisible();
  await page.getByRole('link', { name: 'New booking link' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New booking link' })).toBeVisible();

  const previewCard = page.getByRole('complementary', { name: 'Preview' });
  const preview = previewCard.getByRole('region', { name: 'Booking page preview' });
  const sampleButton = preview.getByText('Book', { exact: true }).first();

  // The slug follows the name until it is edited by hand.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await expect(page.getByLabel('Slug')).toHaveValue(expectedSlug);
  await expect(preview).toContainText(name);
  await expect(previewCard).toContainText(`/book/${expectedSlug}`);

  await page.getByRole('checkbox', { name: /Haircut & style/ }).check();
  await page.getByRole('checkbox', { name: /Beard trim/ }).check();
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(preview).toContainText('Beard trim');
  await expect(preview).toContainText('20 min');

  // Title and colour show in the preview before anything is saved.
  await page.getByLabel('Title', { exact: true }).fill(title);
  await expect(preview).toContainText(title);
  await expect(sampleButton).toHaveCSS('background-color', 'rgb(54, 86, 214)');
  await page.getByLabel('Colour (hex)').fill('#0E9F6E');
  await expect(sampleButton).toHaveCSS('background-color', 'rgb(14, 159, 110)');
  await page.getByLabel('Description').fill('Walk-ins welcome on Wednesdays.\nFree coffee.');
  await expect(preview).toContainText('Walk-ins welcome on Wednesdays.');

  // A cover image, uploaded through §12, shows at the top of the preview.
  const cover = page.getByRole('group', { name: 'Cover image' });
  await cover.locator('input[type="file"]').setInputFiles({
    name: 'cover.png',
    mimeType: 'image/png',
    buffer: await drawPng(page, 1200, 400, 'Maple'),
  });
  await expect(cover.getByRole('button', { name: 'Remove' })).toBeVisible();
  await expect
    .poll(() =>
      preview
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(1200);

  await page.getByLabel('Require a phone number').check();
  await page.getByRole('checkbox', { name: 'First visit?' }).check();
  await expect(preview).toContainText('Asks for: Name, Email, Phone, First visit?');

  // A slug another link holds: 409 slug_taken, shown on the slug field.
  const slugField = page.getByLabel('Slug');
  await slugField.fill(taken.slug);
  await page.getByRole('button', { name: 'Create booking link' }).click();
  await expect(slugField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Already taken; choose another.')).toBeVisible();
  await expect(slugField).toBeFocused();
  await shot(page, 'desktop-slug-taken');

  // The name no longer drives the slug once it was typed by hand.
  await slugField.fill(expectedSlug);
  await page.getByLabel('Name', { exact: true }).fill(`${name} `);
  await expect(slugField).toHaveValue(expectedSlug);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create booking link' }).click();

  await page.waitForURL(/\/catalog\/booking-links\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `${name} was created.` })).toBeVisible();
  const id = /booking-links\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const saved = await api.get<BookingLink>(`/reservation-booking-links/${id}`);
  expect(saved.slug).toBe(expectedSlug);
  expect(saved.is_active).toBe(true);
  expect([...saved.service_ids].sort()).toEqual([haircut.id, beard.id].sort());
  expect(saved.page_config.title).toBe(title);
  expect(saved.page_config.primary_color).toBe('#0E9F6E');
  expect(saved.page_config.require_phone).toBe(true);
  expect(saved.page_config.custom_field_keys).toEqual(['first_visit']);
  expect(saved.page_config.cover_url).toMatch(/\S/);

  // The editor shows the saved values in its preview; an edit saves with a message.
  await expect(preview).toContainText(title);
  await expect(sampleButton).toHaveCSS('background-color', 'rgb(14, 159, 110)');
  await page.getByLabel('Title', { exact: true }).fill('Walk-in Wednesday');
  await expect(preview).toContainText('Walk-in Wednesday');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save booking link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${name}.` })).toBeVisible();
  await expect
    .poll(
      async () =>
        (await api.get<BookingLink>(`/reservation-booking-links/${id}`)).page_config.title,
    )
    .toBe('Walk-in Wednesday');
  await shot(page, 'desktop-editor');

  // The list: name, address with Open and Copy link, active badge, number of services.
  await page.getByRole('link', { name: '← All booking links' }).click();
  const list = page.getByRole('list', { name: 'Booking links' });
  const row = list.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText(`/book/${expectedSlug}`);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('2 services');
  const open = row.getByRole('link', { name: `Open the booking page of ${name} in a new tab` });
  await expect(open).toHaveAttribute('href', `/book/${expectedSlug}`);
  await expect(open).toHaveAttribute('target', '_blank');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await row.getByRole('button', { name: `Copy link to the booking page of ${name}` }).click();
  await expect(row.getByRole('button', { name: /Copy link to/ })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${baseURL}/book/${expectedSlug}`,
  );
  await shot(page, 'desktop-list');

  // Deleting asks first, then the link leaves the list.
  await list.getByRole('link', { name: `Edit ${taken.name}` }).click();
  await page.getByRole('button', { name: 'Delete booking link' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${taken.name}”?` });
  await expect(confirm).toContainText(`/book/${taken.slug}`);
  await confirm.getByRole('button', { name: 'Delete booking link' }).click();
  await page.waitForURL('**/catalog/booking-links');
  await expect(list.getByRole('listitem').filter({ hasText: taken.name })).toHaveCount(0);
  await expect(row).toBeVisible();

  // Phones: the same pages at 375 px, without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 740 });
  await shot(page, 'mobile-list');
  await expectNoOverflow(page, 375);
  await row.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(preview).toContainText('Walk-in Wednesday');
  await shot(page, 'mobile-editor');
  await expectNoOverflow(page, 375);
  await page.goto('/catalog/booking-links/new');
  await expect(page.getByRole('checkbox', { name: /Beard trim/ })).toBeVisible();
  await shot(page, 'mobile-new');
  await expectNoOverflow(page, 375);
});

test('the list says what to do when there is no link yet, and shows its shape while loading', async ({
  page,
}) => {
  // The suite's database may hold other specs' links: this answer stands in for an empty
  // organization, a little late so the skeleton shows first.
  await page.route(/\/api\/reservation-booking-links\?/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ json: { total: 0, limit: 50, skip: 0, data: [] } });
  });
  await signIn(page);
  await page.goto('/catalog/booking-links');
  await expect(page.getByRole('status', { name: 'Loading booking links' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'booking-links-desktop-loading.png') });
  await expect(page.getByText('No booking links yet — create your first one')).toBeVisible();
  await page.getByRole('link', { name: 'New booking link' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New booking link' })).toBeVisible();
  await page.goBack();
  await page.setViewportSize({ width: 375, height: 740 });
  await shot(page, 'mobile-empty');
});

test('a link naming a service deactivated since can still be edited', async ({ page, api }) => {
  const beard = await api.serviceByName('Beard trim');
  const retired = await api.post<Named>('/reservation-services', {
    name: unique('E2E Retired treatment'),
    duration_minutes: 30,
  });
  const link = await api.post<BookingLink>('/reservation-booking-links', {
    name: unique('E2E Old offers'),
    slug: slug(unique('e2e-old-offers')),
    service_ids: [beard.id, retired.id],
  });
  await api.patch(`/reservation-services/${retired.id}`, { is_active: false });

  await signIn(page);
  await page.goto(`/catalog/booking-links/${link.id}`);
  const kept = page.getByRole('checkbox', { name: new RegExp(retired.name) });
  await expect(kept).toBeChecked();
  await expect(page.getByText('Inactive: not offered until active again')).toBeVisible();
  // The public page leaves inactive services out, and so does the preview.
  const preview = page.getByRole('region', { name: 'Booking page preview' });
  await expect(preview.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Title', { exact: true }).fill('Still open');
  await page.getByRole('button', { name: 'Save booking link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${link.name}.` })).toBeVisible();
  const saved = await api.get<BookingLink>(`/reservation-booking-links/${link.id}`);
  expect(saved.page_config.title).toBe('Still open');
  expect(saved.service_ids).toContain(retired.id);

  // Adding a service keeps the inactive one that was already there (the API refuses only
  // inactive services added anew).
  await page.getByRole('checkbox', { name: /Haircut & style/ }).check();
  await page.getByRole('button', { name: 'Save booking link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${link.name}.` })).toBeVisible();
  const widened = await api.get<BookingLink>(`/reservation-booking-links/${link.id}`);
  expect(widened.service_ids).toHaveLength(3);
  expect(widened.service_ids).toContain(retired.id);
  await kept.uncheck();
  await page.getByRole('button', { name: 'Save booking link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${link.name}.` })).toBeVisible();
  await expect(kept).toHaveCount(0);
});

test('a staff user cannot reach the booking-link editor', async ({ page, api }) => {
  const name = unique('Sid Staff');
  const email = `${slug(name)}@demo.test`;
  await api.post<Named>('/users', { name, email, password: 'staff-password-1', role: 'staff' });
  await signIn(page, email, 'staff-password-1');
  for (const url of ['/catalog/booking-links', '/catalog/booking-links/new']) {
    await page.goto(url);
    await expect(
      page.getByRole('heading', { level: 1, name: 'The catalog is for admins' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /booking link/i })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'New booking link' })).toHaveCount(0);
  }
});
