import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Named, signIn, test, unique } from './support';

/**
 * AI assistants (§13): an admin creates an assistant from the nav, ticks tools (one by
 * keyboard), runs get_reservation_services in the Try it panel and sees its JSON, then meets a
 * validation error. Screenshots of the list and the editor at 1440 px and 375 px go to
 * e2e/screenshots/ for a look by a person.
 */

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `assistants-${name}.png`), fullPage: true });
}

async function expectNoOverflow(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `the page scrolls sideways at ${width}px`).toBeLessThanOrEqual(width);
}

test('an admin creates an assistant and tries a tool', async ({ page, api }) => {
  const name = unique('Front desk');
  const services = await api.get<{ data: Named[] }>('/reservation-services?is_active=true');

  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Assistants' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI assistants' })).toBeVisible();
  await page.getByRole('link', { name: 'New assistant' }).first().click();

  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('textbox', { name: 'Instructions' }).fill('Offer at most three times.');
  await page.getByRole('checkbox', { name: 'get_reservation_services' }).check();
  // By keyboard: focus the checkbox and press Space.
  await page.getByRole('checkbox', { name: 'get_available_slots' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'get_available_slots' })).toBeChecked();
  await page.getByText('Input schema (JSON)').first().click();
  await expect(page.getByLabel('Input schema of find_reservations')).toContainText('"$limit"');
  await page.getByRole('button', { name: 'Create assistant' }).click();

  await page.waitForURL(/\/assistants\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByText(`${name} was created.`)).toBeVisible();

  const tryIt = page.locator('#try-it');
  await expect(tryIt.getByRole('combobox', { name: 'Tool' })).toHaveValue(
    'get_reservation_services',
  );
  await tryIt.getByRole('button', { name: 'Run get_reservation_services' }).click();
  const result = tryIt.getByLabel('Result (JSON)');
  await expect(result).toContainText('"total"');
  if (services.data[0]) await expect(result).toContainText(services.data[0].name);
  await shot(page, 'desktop-editor');

  // A refused call shows the endpoint's error envelope.
  await tryIt.getByRole('combobox', { name: 'Tool' }).selectOption('get_available_slots');
  await tryIt.getByLabel('Arguments (JSON)').fill('{"service_id": "nope"}');
  await tryIt.getByRole('button', { name: 'Run get_available_slots' }).click();
  await expect(tryIt.getByText('400 error')).toBeVisible();
  await expect(tryIt.getByLabel('Error (JSON)')).toContainText('validation_error');
  await tryIt.getByLabel('Arguments (JSON)').fill('{oops');
  await tryIt.getByRole('button', { name: 'Run get_available_slots' }).click();
  await expect(tryIt.getByText(/Not valid JSON/)).toBeVisible();

  await page.getByRole('link', { name: '← All assistants' }).click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await shot(page, 'desktop-list');

  await page.setViewportSize({ width: 375, height: 740 });
  await shot(page, 'mobile-list');
  await expectNoOverflow(page, 375);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.locator('#try-it').getByRole('combobox', { name: 'Tool' })).toBeVisible();
  await page.locator('#try-it').getByRole('button', { name: /^Run / }).click();
  await expect(page.locator('#try-it').getByLabel('Result (JSON)')).toContainText('"total"');
  await expectNoOverflow(page, 375);
  await shot(page, 'mobile-editor');
});
