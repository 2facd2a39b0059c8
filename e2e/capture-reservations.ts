/**
 * Screenshots of the Reservations page for a visual check, at desktop and phone widths.
 *
 *   BASE_URL=http://localhost:3300 API_KEY=rsk_… npx tsx e2e/capture-reservations.ts
 *
 * Needs a running app with the demo seed (admin@demo.test / demo-password) and some future
 * reservations; API_KEY (optional) is used to take a slot behind the dialog's back so the
 * create dialog shows a 409. Chromium comes from the system (/usr/bin/chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:3300';
const API_KEY = process.env.API_KEY;
const OUT = path.join(import.meta.dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 740 },
] as const;

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log('captured', path.relative(process.cwd(), file));
}

async function api<T>(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${BASE_URL}/api${url}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function run() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) =>
        console.error(`[${viewport.name}] page error:`, error.message),
      );
      const tag = (name: string) => `${viewport.name}-${name}`;

      await page.goto(`${BASE_URL}/sign-in?next=/reservations`);
      await page.getByLabel('Email').fill('admin@demo.test');
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/reservations');
      await settle(page);
      await page.getByRole('button', { name: 'Next' }).click();
      await settle(page);

      if (viewport.name === 'desktop') {
        await shot(page, tag('week'));
        await page.getByRole('button', { name: 'Month', exact: true }).click();
        await settle(page);
        await shot(page, tag('month'));
      } else {
        await shot(page, tag('list-default'));
        await page.getByRole('button', { name: 'Day', exact: true }).click();
        await settle(page);
        await shot(page, tag('day'));
      }
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await settle(page);
      await shot(page, tag('list'));

      await page.getByRole('button', { name: 'Resources', exact: true }).click();
      await settle(page);
      // Step to a day that has bookings.
      const booking = page.getByRole('listitem').getByRole('button').first();
      for (let i = 0; i < 7 && (await booking.count()) === 0; i++) {
        await page.getByRole('button', { name: 'Next' }).click();
        await settle(page);
      }
      await shot(page, tag('resource-day'));

      // The drawer, from a booking in the resource view.
      if (await booking.count()) {
        await booking.click();
        await page.getByRole('dialog').waitFor();
        await settle(page);
        await shot(page, tag('drawer'));
        await page.keyboard.press('Escape');
      }

      // The create dialog: first the client-side validation, then a 409.
      await page.getByRole('button', { name: 'New reservation' }).click();
      const dialog = page.getByRole('dialog', { name: 'New reservation' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Create reservation' }).click();
      await page.waitForTimeout(300);
      await shot(page, tag('create-validation'));

      await dialog.getByLabel('Service').selectOption({ label: 'Beard trim · 20 min' });
      await settle(page);
      const firstSlot = dialog
        .getByRole('radiogroup', { name: 'Free times' })
        .getByRole('radio')
        .first();
      for (let i = 1; i < 8 && (await firstSlot.count()) === 0; i++) {
        const day = new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10);
        await dialog.getByLabel('Date').fill(day);
        await settle(page);
      }
      if (API_KEY && (await firstSlot.count())) {
        const start = await firstSlot.getAttribute('value');
        await firstSlot.check({ force: true });
        await dialog.getByText('New contact').click();
        await dialog.getByLabel('Name').fill('Screenshot Sam');
        await dialog.getByLabel('Email').fill('not-an-email');
        await dialog.getByRole('button', { name: 'Create reservation' }).click();
        await page.waitForTimeout(300);
        await shot(page, tag('create-field-error'));
        await dialog.getByLabel('Email').fill('sam@example.com');
        // Someone else takes that time while the dialog is open.
        const services = await api<{ data: { id: string; name: string }[] }>(
          'GET',
          '/reservation-services?$limit=50',
        );
        const beard = services.json.data.find((s) => s.name === 'Beard trim');
        for (let i = 0; i < 10 && beard && start; i++) {
          const r = await api('POST', '/reservations', {
            service_id: beard.id,
            start_datetime: start,
            contact: { name: `Walk-in ${i}` },
          });
          if (r.status === 409) break;
        }
        await dialog.getByRole('button', { name: 'Create reservation' }).click();
        await page.waitForFunction(() => !document.querySelector('button[aria-busy="true"]'));
        await settle(page);
        await shot(page, tag('create-409'));
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
