import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  calendar,
  chooseView,
  eventOf,
  expect,
  findSlot,
  gotoWeekOf,
  localDate,
  type Named,
  signIn,
  test,
  unique,
} from './support';

/**
 * Every page, at desktop and phone sizes: a full-page screenshot in e2e/screenshots/ (for a
 * look by a person) and, on the phone, no horizontal scrolling of the page itself.
 */
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 740 },
] as const;

async function settle(page: Page, ready: Locator) {
  await expect(ready).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Skeletons and spinners gone (they carry aria-busy or a "Loading …" status label).
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
}

/** Elements sticking out past the right edge, for a useful failure message. */
function overflowReport(page: Page, width: number) {
  return page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.right > limit + 0.5 && rect.width > 0) {
        const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
        out.push(
          `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} right=${Math.round(rect.right)}`,
        );
      }
      if (out.length >= 8) break;
    }
    return out.join(', ');
  }, width);
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    async function capture(page: Page, name: string, ready: Locator) {
      await settle(page, ready);
      const dir = path.join(test.info().project.testDir, 'screenshots');
      await page.screenshot({
        path: path.join(dir, `page-${viewport.name}-${name}.png`),
        fullPage: true,
      });
      if (viewport.name !== 'mobile') return;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const report = width > viewport.width ? await overflowReport(page, viewport.width) : '';
      expect
        .soft(width, `${name}: the page scrolls sideways at ${viewport.width}px (${report})`)
        .toBeLessThanOrEqual(viewport.width);
    }

    test('signed-out pages', async ({ page }) => {
      await page.goto('/sign-in');
      await capture(page, 'sign-in', page.getByRole('heading', { level: 1, name: 'Sign in' }));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await capture(
        page,
        'sign-in-error',
        page.getByRole('alert').filter({ hasText: 'Enter your email and password.' }),
      );
      await page.goto('/sign-up');
      await capture(
        page,
        'sign-up',
        page.getByRole('heading', { level: 1, name: 'Create your organization' }),
      );
      await page.getByRole('button', { name: 'Create organization' }).click();
      await capture(page, 'sign-up-errors', page.locator('[aria-invalid="true"]').first());
    });

    test('signed-in pages', async ({ page, api }) => {
      test.setTimeout(120_000);
      const services = await api.get<{ data: Named[] }>('/reservation-services?$limit=50');
      const resources = await api.get<{ data: Named[] }>('/reservation-resources?$limit=50');
      const haircut = services.data.find((s) => s.name === 'Haircut & style')!;
      const beard = services.data.find((s) => s.name === 'Beard trim')!;
      const alice = resources.data.find((r) => r.name === 'Alice Martin')!;
      const slot = await findSlot(api, beard.id, { minDays: 1 });
      const contact = unique('Shot Sasha');
      await api.book(beard.id, slot.start_datetime, contact);

      await signIn(page);
      const board = calendar(page);
      await capture(page, 'reservations', board);
      const views =
        viewport.name === 'mobile'
          ? (['Day', 'Resources', 'List'] as const)
          : (['Day', 'Month', 'List', 'Resources', 'Week'] as const);
      for (const view of views) {
        await chooseView(page, view);
        await capture(page, `reservations-${view.toLowerCase()}`, board);
      }

      // The booking's week in the list (phones) or week grid, then its drawer.
      if (viewport.name === 'mobile') await chooseView(page, 'List');
      await gotoWeekOf(page, localDate(slot.start_datetime));
      await eventOf(page, contact).click();
      const drawer = page.getByRole('dialog', { name: contact });
      await capture(page, 'reservation-drawer', drawer);
      await drawer.getByRole('button', { name: 'Close' }).click();
      await expect(drawer).toBeHidden();

      await page.getByRole('button', { name: 'New reservation' }).click();
      const dialog = page.getByRole('dialog', { name: 'New reservation' });
      await dialog.getByLabel('Service').selectOption({ label: 'Beard trim · 20 min' });
      await dialog.getByLabel('Date').fill(localDate(slot.start_datetime));
      await capture(page, 'reservation-dialog', dialog.getByRole('radio').first());
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();

      const pages: [string, string, Locator][] = [
        ['/catalog/services', 'catalog-services', page.getByRole('list', { name: 'Services' })],
        [
          `/catalog/services/${haircut.id}`,
          'catalog-service-editor',
          page.getByRole('heading', { level: 2, name: 'Haircut & style' }),
        ],
        [
          '/catalog/services/new',
          'catalog-service-new',
          page.getByRole('button', { name: 'Create service' }),
        ],
        ['/catalog/resources', 'catalog-resources', page.getByRole('list', { name: 'Resources' })],
        [
          `/catalog/resources/${alice.id}`,
          'catalog-resource-editor',
          page.getByRole('group', { name: /^Tuesday: 09:00–13:00/ }),
        ],
        [
          '/catalog/resources/new',
          'catalog-resource-new',
          page.getByRole('heading', { level: 1, name: 'Catalog' }),
        ],
        [
          '/catalog/custom-fields',
          'catalog-custom-fields',
          page.getByRole('heading', { name: 'Reservation fields' }),
        ],
        ['/settings', 'settings', page.getByRole('heading', { level: 1, name: 'Settings' })],
        [
          '/settings/webhooks',
          'settings-webhooks',
          page.getByRole('heading', { level: 1, name: 'Webhooks' }),
        ],
        [
          '/settings/notifications',
          'settings-notifications',
          page.getByRole('heading', { level: 1, name: 'Email notifications' }),
        ],
        [
          '/settings/outbox',
          'settings-outbox',
          page.getByRole('heading', { level: 1, name: 'Outbox' }),
        ],
      ];
      for (const [url, name, ready] of pages) {
        await page.goto(url);
        await capture(page, name, ready);
      }
    });
  });
}
