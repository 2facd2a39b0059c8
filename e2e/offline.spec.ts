import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import {
  type Api,
  calendar,
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
 * Issue 16, "when the database goes away": the public booking page and the staff Reservations
 * page while the API answers 503 `service_unavailable` (Retry-After: 1), then recovering on
 * their own, without a reload.
 *
 * The outage is played by the browser (`page.route` answering 503 the way the API does while
 * its database is down): the server's own 503 and Retry-After are tested elsewhere against a
 * real PostgreSQL that is stopped under the app (tests/faults). Here only the pages are under
 * test: a calm notice (a polite status, not an error), data already shown kept, reads retried
 * for as long as it lasts, writes without an Idempotency-Key not retried, the booking (which
 * has one) sent again with the same key, and everything back once the server answers.
 * Screenshots of both outage states go to e2e/screenshots/offline-*.png.
 */

const OUTAGE_BODY = JSON.stringify({
  error: {
    code: 'service_unavailable',
    message: 'The database is unavailable; please retry shortly.',
  },
});

/** Answers like the API while its database is down. */
function answerUnavailable(route: Route) {
  return route.fulfill({
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': '1' },
    body: OUTAGE_BODY,
  });
}

async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.screenshot({
    path: path.join(test.info().project.testDir, 'screenshots', `offline-${name}.png`),
    ...options,
  });
}

/** Marks the document, to check at the end that the page recovered without a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

async function expectSameDocument(page: Page) {
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
}

/** The outage notice: a polite live region in the info tone, never an alert. */
function outageNotice(page: Page) {
  return page.getByRole('status').filter({ hasText: 'Can’t reach the server' });
}

/** Alerts of the page itself (Next's route announcer is one too, empty or naming the page). */
function errorAlerts(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

async function bookingLink(api: Api, serviceName: string) {
  const service = await api.serviceByName(serviceName);
  const slug = unique('e2e offline')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  await api.post('/reservation-booking-links', {
    slug,
    name: 'Online booking',
    service_ids: [service.id],
  });
  return slug;
}

test.describe('the public booking page', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  const timeButtons = (page: Page) =>
    page.getByRole('list', { name: /times$/ }).getByRole('button');

  /** Opens the link's calendar (one service: straight to the times) on a month with 2+ days. */
  async function openCalendar(page: Page, slug: string) {
    await page.goto(`/book/${slug}`);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Choose a date and time' }),
    ).toBeVisible();
    const grid = page.getByRole('grid');
    const available = grid.locator('button[data-state="available"]');
    await expect(grid).not.toHaveAttribute('aria-busy', 'true');
    if ((await available.count()) < 2) {
      await page.getByRole('button', { name: 'Next month' }).click();
      await expect(grid).not.toHaveAttribute('aria-busy', 'true');
    }
    await expect(timeButtons(page).first()).toBeVisible();
    return available;
  }

  test('waits out an outage calmly, keeping the month, and recovers by itself', async ({
    page,
    api,
  }) => {
    const slug = await bookingLink(api, 'Beard trim');
    const available = await openCalendar(page, slug);
    await markDocument(page);
    const days = await available.count();
    expect(days).toBeGreaterThanOrEqual(2);

    // The database goes away.
    let slotReads = 0;
    await page.route('**/api/public/**', (route) => {
      if (new URL(route.request().url()).pathname.endsWith('/slots')) slotReads++;
      return answerUnavailable(route);
    });

    // A read (another day's times) keeps retrying, with the month still on screen.
    const otherDate = (await available.nth(1).getAttribute('data-day'))!;
    const otherDay = page.getByRole('grid').locator(`button[data-day="${otherDate}"]`);
    await otherDay.click();
    const notice = outageNotice(page).filter({
      hasText: 'The available times show once it answers.',
    });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/Retrying/);
    await expect(errorAlerts(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(available).toHaveCount(days);
    // Not given up after two tries: it goes on for as long as the outage lasts.
    await expect.poll(() => slotReads, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await expect(notice).toBeVisible();
    // "Try again now" is a button the keyboard reaches.
    const retryNow = notice.getByRole('button', { name: 'Try again now' });
    await retryNow.focus();
    await expect(retryNow).toBeFocused();
    await shot(page, 'booking', { fullPage: true });

    // The database is back: the times come without a reload, and the notice goes.
    await page.unroute('**/api/public/**');
    await expect(timeButtons(page).first()).toBeVisible({ timeout: 5_000 });
    await expect(notice).toHaveCount(0);
    await expect(otherDay).toHaveAttribute('aria-pressed', 'true');
    await expectSameDocument(page);
  });

  test('writes: a hold is not retried, a booking is sent again with its Idempotency-Key', async ({
    page,
    api,
  }) => {
    const slug = await bookingLink(api, 'Beard trim');
    await openCalendar(page, slug);

    // Holding a time (a write without an Idempotency-Key) fails once, calmly, and is not retried.
    let holds = 0;
    const holdsRoute = '**/api/public/booking-links/*/holds';
    await page.route(holdsRoute, (route) => {
      holds++;
      return answerUnavailable(route);
    });
    const time = (await timeButtons(page).first().textContent())!.trim();
    await timeButtons(page).first().click();
    await expect(
      outageNotice(page).filter({ hasText: `We couldn’t hold ${time} for you.` }),
    ).toBeVisible();
    await expect(errorAlerts(page)).toHaveCount(0);
    await page.waitForTimeout(2500);
    expect(holds).toBe(1);
    await page.unroute(holdsRoute);
    await timeButtons(page).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Your details' })).toBeVisible();
    const customer = unique('Offline Olive');
    await page.getByLabel('Full name').fill(customer);
    await page
      .getByLabel('Email')
      .fill(`${customer.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`);

    // The first two tries meet the outage; the third gets through.
    const keys: string[] = [];
    await page.route('**/api/public/booking-links/*/reservations', (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      return keys.length <= 2 ? answerUnavailable(route) : route.continue();
    });
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(
      outageNotice(page).filter({ hasText: 'Your booking isn’t made yet.' }),
    ).toBeVisible();
    await shot(page, 'booking-submit');
    await expect(page.getByRole('heading', { level: 2, name: 'You’re booked!' })).toBeVisible({
      timeout: 10_000,
    });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    const made = await api.get<{ data: Named[] }>(
      `/reservations?${new URLSearchParams({ $search: customer })}`,
    );
    expect(made.data).toHaveLength(1);
  });
});

test('the Reservations page keeps its calendar through an outage and recovers by itself', async ({
  page,
  api,
}) => {
  const beard = await api.serviceByName('Beard trim');
  const slot = await findSlot(api, beard.id, { minDays: 2 });
  const name = unique('Offline Otto');
  await api.book(beard.id, slot.start_datetime, name);

  await signIn(page);
  await gotoWeekOf(page, localDate(slot.start_datetime));
  await expect(eventOf(page, name)).toBeVisible();
  await markDocument(page);

  // The database goes away (sign-in's own routes are not the page's reads).
  let unavailable = 0;
  const api503 = (url: URL) =>
    url.pathname.startsWith('/api/') && !url.pathname.startsWith('/api/auth/');
  await page.route(api503, (route) => {
    unavailable++;
    return answerUnavailable(route);
  });

  // A new read (the search filter) fails: the calendar keeps what it shows, under a banner.
  await page.getByLabel('Search').fill(name);
  const banner = outageNotice(page);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Showing the reservations loaded earlier.');
  await expect(banner).toContainText(/Retrying/);
  await expect(errorAlerts(page)).toHaveCount(0);
  await expect(eventOf(page, name)).toBeVisible();
  await expect(calendar(page).locator('[aria-busy="true"]')).toHaveCount(0);
  await expect.poll(() => unavailable, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  await expect(banner).toBeVisible();
  const retryNow = banner.getByRole('button', { name: 'Try again now' });
  await retryNow.focus();
  await expect(retryNow).toBeFocused();
  await shot(page, 'reservations');

  // The database is back: the filtered week loads by itself, and the banner goes.
  await page.unroute(api503);
  await expect(banner).toHaveCount(0, { timeout: 5_000 });
  await expect(eventOf(page, name)).toBeVisible();

  // Another outage, whose server asks for 30 s: "Try again now" does not wait for them.
  let asked = 0;
  await page.route(api503, (route) => {
    asked++;
    return route.fulfill({
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '30' },
      body: OUTAGE_BODY,
    });
  });
  await page.getByLabel('Search').fill(name.slice(0, -1));
  await expect(banner).toContainText(/Retrying in (30|29|28) s/);
  expect(asked).toBe(1);
  await page.unroute(api503);
  await banner.getByRole('button', { name: 'Try again now' }).click();
  await expect(banner).toHaveCount(0, { timeout: 5_000 });
  await expect(eventOf(page, name)).toBeVisible();
  await expectSameDocument(page);
});
