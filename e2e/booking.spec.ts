import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatInTimeZone } from 'date-fns-tz';
import {
  type Api,
  expect,
  type Named,
  ORG_TZ,
  type Reservation,
  slug as slugOf,
  test,
  unique,
} from './support';

/**
 * The customer-facing booking pages on a phone (375×812) in another time zone than the salon's
 * (Europe/Paris vs Europe/London): book from /book/:slug, then move and cancel the booking from
 * its manage link, checking each step against the staff API. Choosing a time holds it (§15):
 * one test checks the hold keeps the time from the staff API, survives being released behind
 * the customer's back and can be taken again; another runs the browser's clock past the hold's
 * end. Screenshots of every step go to e2e/screenshots/booking-*.png.
 */

const VISITOR_TZ = 'Europe/Paris';
const PHONE = { width: 375, height: 812 };

test.use({
  viewport: PHONE,
  timezoneId: VISITOR_TZ,
  permissions: ['clipboard-read', 'clipboard-write'],
});

/** A stand-in for the business's cover photo on an https CDN (no network in tests). */
const COVER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d9c7b0"/>
<stop offset="1" stop-color="#7a5c45"/></linearGradient></defs><rect width="1200" height="400"
fill="url(#g)"/><circle cx="900" cy="120" r="160" fill="#f1e6d6" opacity=".5"/></svg>`;

async function serveCdn(page: Page) {
  await page.route('https://cdn.example.test/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: COVER_SVG }),
  );
}

async function shot(page: Page, name: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // From the top: a full-page capture of a scrolled page draws the sticky hold banner midway.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(test.info().project.testDir, 'screenshots', `booking-${name}.png`),
    fullPage: true,
  });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect
    .soft(width, `${name}: the page scrolls sideways at ${PHONE.width}px`)
    .toBeLessThanOrEqual(PHONE.width);
}

async function createLink(api: Api, serviceIds: string[], pageConfig: object = {}) {
  const slug = unique('e2e book')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  await api.post('/reservation-booking-links', {
    slug,
    name: 'Online booking',
    service_ids: serviceIds,
    page_config: pageConfig,
  });
  return slug;
}

/** The first day with times in the visible month (moving on a month when there is none). */
async function firstAvailableDay(page: Page) {
  const grid = page.getByRole('grid');
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  const available = grid.locator('button[data-state="available"]');
  if ((await available.count()) === 0) {
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  }
  await expect(available.first()).toBeVisible();
  return available.first();
}

const timeButtons = (page: Page) => page.getByRole('list', { name: /times$/ }).getByRole('button');

async function reservationOf(api: Api, contactName: string) {
  const list = await api.get<{ data: (Reservation & { custom_fields_by_key: object })[] }>(
    `/reservations?${new URLSearchParams({ $search: contactName })}`,
  );
  expect(list.data).toHaveLength(1);
  return list.data[0]!;
}

const visitorTime = (instant: string) => formatInTimeZone(instant, VISITOR_TZ, 'HH:mm');

interface HoldBody {
  id: string;
  expires_at: string;
  start_datetime: string;
}

/** Clicks a time and returns the hold the page took for it. */
async function holdTime(page: Page, button: ReturnType<Page['locator']>) {
  const answer = page.waitForResponse(
    (r) =>
      r.request().method() === 'POST' &&
      /\/api\/public\/booking-links\/[^/]+\/holds$/.test(r.url()),
  );
  await button.click();
  const response = await answer;
  expect(response.status()).toBe(201);
  return (await response.json()) as HoldBody;
}

const holdBanner = (page: Page, time: string) =>
  page.getByRole('timer').filter({ hasText: `We’re holding ${time} for you` });

/** One chair open every day, 09:00–17:00, and a service on it: once held or booked, a time is gone. */
async function oneChairService(api: Api, options: object = {}) {
  const chair = await api.post<Named>('/reservation-resources', {
    name: unique('E2E Booth'),
    type: 'equipment',
  });
  for (let day = 0; day < 7; day++) {
    await api.post('/reservation-resource-availability', {
      resource_id: chair.id,
      day_of_week: day,
      start_time: '09:00',
      end_time: '17:00',
    });
  }
  const service = await api.post<Named>('/reservation-services', {
    name: unique('E2E Express shave'),
    duration_minutes: 30,
    price_amount: 1500,
    currency: 'GBP',
    ...options,
  });
  await api.post('/reservation-service-resources', {
    service_id: service.id,
    resource_id: chair.id,
    is_required: true,
  });
  return service;
}

test('a customer books on a phone, then moves and cancels from the manage link', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const services = await api.get<{ data: Named[] }>('/reservation-services?$limit=50');
  const byName = (name: string) => services.data.find((s) => s.name === name)!;
  const slug = await createLink(
    api,
    [byName('Beard trim').id, byName('Haircut & style').id, byName('Styling workshop').id],
    {
      title: 'Book at Maple',
      description: 'Cuts and beard trims in the heart of Camden.',
      primary_color: '#0a7f5a',
      cover_url: 'https://cdn.example.test/cover.svg',
      confirmation_message: 'Please arrive 5 minutes early.',
      custom_field_keys: ['first_visit', 'hair_length'],
    },
  );
  const customer = unique('Booker Bea');
  const email = `${customer.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`;
  await serveCdn(page);

  // The calendar asks for a month of days (§16), and slots only for the day shown.
  const calendarQueries: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/\/api\/public\/booking-links\/[^/]+\/(days|slots)$/.test(url.pathname)) {
      calendarQueries.push(url);
    }
  });

  // 1. The shop window: branding server-rendered, services as cards.
  await page.goto(`/book/${slug}`);
  await expect(page).toHaveTitle('Book at Maple · Maple Hair Studio');
  await expect(page.getByRole('heading', { level: 1, name: 'Book at Maple' })).toBeVisible();
  await expect(page.getByText('Maple Hair Studio').first()).toBeVisible();
  const cards = page.getByRole('list', { name: 'Services' }).getByRole('button');
  await expect(cards).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Beard trim' })).toContainText('20 min');
  await expect(cards.filter({ hasText: 'Beard trim' })).toContainText('£18');
  await expect(cards.filter({ hasText: 'Styling workshop' })).toContainText('1–2 people');
  await shot(page, '01-services');

  // 2. A day from the month calendar, in the visitor's zone.
  await cards.filter({ hasText: 'Beard trim' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Choose a date and time' }),
  ).toBeFocused();
  await expect(
    page.getByText(`Times shown in your time zone, ${VISITOR_TZ}. The business is in ${ORG_TZ}.`),
  ).toBeVisible();
  const day = await firstAvailableDay(page);
  const date = (await day.getAttribute('data-day'))!;
  // The grid is keyboard-driven: arrows move focus by day, Enter chooses.
  await day.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).not.toHaveAttribute('data-day', date);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAttribute('data-day', date);
  await page.keyboard.press('Enter');
  await expect(day).toHaveAttribute('aria-pressed', 'true');
  await expect(timeButtons(page).first()).toBeVisible();
  await shot(page, '02-calendar');

  const days = calendarQueries.filter((u) => u.pathname.endsWith('/days'));
  const slotQueries = calendarQueries.filter((u) => u.pathname.endsWith('/slots'));
  expect(days.length).toBeGreaterThanOrEqual(1);
  for (const query of days) {
    expect(query.searchParams.get('timezone')).toBe(VISITOR_TZ);
    expect(query.searchParams.get('date')).toMatch(/-01$/);
  }
  expect(slotQueries.length).toBeGreaterThanOrEqual(1);
  for (const query of slotQueries) {
    expect(query.searchParams.get('end_date')).toBe(query.searchParams.get('date'));
    expect(query.searchParams.get('timezone')).toBe(VISITOR_TZ);
  }
  expect(slotQueries.map((u) => u.searchParams.get('date'))).toContain(date);

  // 3. A time is held before the form shows; changing it lets the hold go.
  const secondTime = timeButtons(page).nth(1);
  const secondLabel = (await secondTime.textContent())!.trim();
  const firstHold = await holdTime(page, secondTime);
  await expect(page.getByRole('heading', { level: 2, name: 'Your details' })).toBeFocused();
  await expect(holdBanner(page, secondLabel)).toBeVisible();
  const released = page.waitForRequest(
    (r) => r.method() === 'DELETE' && r.url().endsWith(`/holds/${firstHold.id}`),
  );
  await page.getByRole('button', { name: 'Change date and time' }).click();
  await released;
  await expect(
    page.getByRole('heading', { level: 2, name: 'Choose a date and time' }),
  ).toBeFocused();

  // The time's label is the visitor's wall time.
  const firstTime = timeButtons(page).first();
  const time = (await firstTime.textContent())!.trim();
  const hold = await holdTime(page, firstTime);
  expect(visitorTime(hold.start_datetime)).toBe(time);
  await expect(page.getByRole('heading', { level: 2, name: 'Your details' })).toBeFocused();
  await expect(holdBanner(page, time)).toContainText(/— (10:00|9:\d\d) left/);

  // 4. The form: required fields are checked before anything is sent.
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByText('Please enter your name.')).toBeVisible();
  await expect(page.getByText('Please enter your email address.')).toBeVisible();
  await shot(page, '03-form-errors');
  await page.getByLabel('Full name').fill(customer);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('Hair length (optional)').selectOption('Medium');
  await shot(page, '04-form-filled');
  await page.getByRole('button', { name: 'Confirm booking' }).click();

  // 5. The confirmation.
  const done = page.getByRole('heading', { level: 2, name: 'You’re booked!' });
  await expect(done).toBeFocused();
  await expect(page.getByText('Please arrive 5 minutes early.')).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByText(`(your time, ${VISITOR_TZ})`)).toBeVisible();
  await expect(page.getByText(`at the business (${ORG_TZ})`)).toBeVisible();
  const manageHref = (await page
    .getByRole('link', { name: 'Manage your booking' })
    .getAttribute('href'))!;
  expect(manageHref).toMatch(/^\/book\/manage\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied to your clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL(manageHref, page.url()).toString(),
  );
  await shot(page, '05-confirmation');

  // The staff see it: from the booking link, at the chosen time, with the answers.
  const booked = await reservationOf(api, customer);
  expect(booked).toMatchObject({
    status: 'confirmed',
    source: 'booking_link',
    contact: { name: customer, email },
    service: { name: 'Beard trim' },
    custom_fields_by_key: { first_visit: true, hair_length: 'Medium' },
  });
  expect(visitorTime(booked.start_datetime)).toBe(time);
  expect(formatInTimeZone(booked.start_datetime, VISITOR_TZ, 'yyyy-MM-dd')).toBe(date);

  // The calendar file: a stable UID per reservation.
  const calendarLink = page.getByRole('link', { name: 'Add to calendar' });
  expect(await calendarLink.getAttribute('href')).toBe(`${manageHref}/calendar.ics`);
  const ics = await page.request.get(`${manageHref}/calendar.ics`);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  // Unfolded (iCalendar wraps long lines with CRLF + a space).
  const icsText = (await ics.text()).replace(/\r?\n[ \t]/g, '');
  expect(icsText).toContain(`UID:${booked.id}@reservations`);
  expect(icsText).toContain('STATUS:CONFIRMED');
  expect(icsText).toContain(`URL:${new URL(manageHref, page.url())}`);

  // 6. The manage page, server-rendered from the token, under the booking page's header.
  await page.goto(manageHref);
  await expect(page.getByRole('heading', { level: 2, name: 'Your booking' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Book at Maple' })).toBeVisible();
  await expect(page.getByText('Cuts and beard trims in the heart of Camden.')).toBeVisible();
  await expect(page.locator('header img[src="https://cdn.example.test/cover.svg"]')).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByText('Beard trim', { exact: true })).toBeVisible();
  await shot(page, '06-manage');

  // 7. Move it to another time of the same day.
  await page.getByRole('button', { name: 'Change time' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Choose a new time' })).toBeFocused();
  await expect(page.getByRole('grid').locator(`button[data-day="${date}"]`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const current = timeButtons(page).filter({ hasText: 'Current' });
  await expect(current).toBeDisabled();
  await expect(current).toContainText(time);
  const other = timeButtons(page).and(page.locator(':not([disabled])')).nth(2);
  const newTime = (await other.textContent())!.trim();
  await shot(page, '07-reschedule');
  await other.click();
  await expect(page.getByRole('heading', { level: 3, name: 'Move your booking?' })).toBeFocused();
  await shot(page, '08-confirm-move');
  await page.getByRole('button', { name: 'Confirm new time' }).click();
  await expect(page.getByText(/^Your booking has been moved to .* at /)).toBeVisible();
  await expect(page.getByText(new RegExp(`^${newTime}–`))).toBeVisible();
  await shot(page, '09-moved');
  const moved = await api.reservation(booked.id);
  expect(visitorTime(moved.start_datetime)).toBe(newTime);
  expect(moved.status).toBe('confirmed');

  // 8. Cancel it, with a reason, after a confirmation step.
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Cancel this booking?' })).toBeFocused();
  await page.getByLabel('Reason (optional)').fill('Something came up');
  await shot(page, '10-cancel');
  await page.getByRole('button', { name: 'Yes, cancel booking' }).click();
  await expect(page.getByText('Your booking is cancelled.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Cancelled booking' })).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change time' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toBeDisabled();
  await expect(page.getByText('You cancelled this booking')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Book again' })).toHaveAttribute(
    'href',
    `/book/${slug}`,
  );
  await shot(page, '11-cancelled');
  const cancelled = await api.reservation(booked.id);
  expect(cancelled).toMatchObject({
    status: 'cancelled',
    cancelled_by: 'customer',
    cancellation_reason: 'Something came up',
  });

  // Reloaded, the page says the same (it is the server's view).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toBeDisabled();
});

test('a held time is kept from others, can be held again once gone, and a taken time says why', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  const service = await oneChairService(api);
  const slug = await createLink(api, [service.id], { require_phone: true });
  const customer = unique('Late Larry');
  const email = `${customer.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`;

  // A single service: straight to the calendar.
  await page.goto(`/book/${slug}`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Choose a date and time' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Services' })).toHaveCount(0);
  const day = await firstAvailableDay(page);
  await day.click();
  const first = timeButtons(page).first();
  const time = (await first.textContent())!.trim();
  const hold = await holdTime(page, first);

  // The form says how long the time is kept.
  const banner = holdBanner(page, time);
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);
  await page.getByLabel('Full name').fill(customer);
  await page.getByLabel('Email').fill(email);
  await shot(page, '15-hold-countdown');
  // It counts down, and stays in view while the customer scrolls down the form.
  await expect(banner).toContainText(/— 9:5\d left/);
  await page.getByRole('button', { name: 'Confirm booking' }).scrollIntoViewIfNeeded();
  await expect(banner).toBeInViewport();
  await page.screenshot({
    path: path.join(test.info().project.testDir, 'screenshots', 'booking-15b-hold-scrolled.png'),
  });

  // While it is held, nobody else can have it, not even the staff.
  const refused = await api.post<{ error: { code: string; details: { reason: string }[] } }>(
    '/reservations',
    {
      service_id: service.id,
      start_datetime: hold.start_datetime,
      contact: { name: unique('Quick Quinn') },
    },
    409,
  );
  expect(refused.error.code).toBe('slot_unavailable');
  expect(refused.error.details.map((d) => d.reason)).toContain('resource_busy');

  // The link asks for a phone number.
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByText('Please enter your phone number.')).toBeVisible();
  await page.getByLabel('Phone').fill('+44 20 7946 0123');

  // Too many attempts from this address: the page says how long to wait, then lets them retry.
  await page.route(
    '**/api/public/booking-links/*/reservations',
    (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '2', 'content-type': 'application/json' },
        body: JSON.stringify({
          error: { code: 'rate_limited', message: 'Too many requests; try again in 2 seconds.' },
        }),
      }),
    { times: 1 },
  );
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByText('Too many attempts. Please try again in 2 seconds.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm booking' })).toBeDisabled();
  await shot(page, '12-rate-limited');
  await expect(page.getByText('You can try again now.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm booking' })).toBeEnabled();

  // The hold goes behind the customer's back (as if it had run out on the server): booking
  // with it is refused, and the page offers to hold the time again, keeping the form.
  await api.call('DELETE', `/public/booking-links/${slug}/holds/${hold.id}`);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  const ended = page.getByText(`Your hold on ${time} has ended`, { exact: true });
  await expect(ended).toBeVisible();
  await expect(page.locator(':focus')).toContainText(`Your hold on ${time} has ended`);
  await expect(page.getByRole('button', { name: `Hold ${time} again` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose another time' })).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue(customer);
  await shot(page, '16-hold-ended-on-submit');

  const again = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/holds'),
  );
  await page.getByRole('button', { name: `Hold ${time} again` }).click();
  expect((await again).status()).toBe(201);
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);
  await expect(page.getByText(`${time} is held for you again, for 10 minutes.`)).toBeAttached();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'You’re booked!' })).toBeVisible();
  const mine = await reservationOf(api, customer);
  expect(mine).toMatchObject({ status: 'confirmed', start_datetime: hold.start_datetime });
  const manageHref = (await page
    .getByRole('link', { name: 'Manage your booking' })
    .getAttribute('href'))!;

  // Another booking: someone takes the first time shown before the customer clicks it.
  await page.getByRole('button', { name: 'Book something else' }).click();
  await expect(timeButtons(page).first()).toBeVisible();
  // (once the calendar has caught up with the booking just made)
  await expect(timeButtons(page).filter({ hasText: new RegExp(`^${time}$`) })).toHaveCount(0);
  const next = timeButtons(page).first();
  const nextTime = (await next.textContent())!.trim();
  const date = (await page
    .getByRole('grid')
    .locator('button[aria-pressed="true"]')
    .getAttribute('data-day'))!;
  const slot = (await api.slots(service.id, date)).find(
    (s) => visitorTime(s.start_datetime) === nextTime,
  );
  expect(slot, `the API lists ${date} ${nextTime}`).toBeDefined();
  await api.book(service.id, slot!.start_datetime, unique('Quick Quinn'));

  const refusedHold = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/holds'),
  );
  await next.click();
  expect((await refusedHold).status()).toBe(409);
  const notice = page
    .getByRole('status')
    .filter({ hasText: `Sorry, ${nextTime} is no longer available` });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(
    'Someone else has just booked it. Please choose another time.',
  );
  await expect(
    page.getByRole('heading', { level: 2, name: 'Choose a date and time' }),
  ).toBeVisible();
  await expect(timeButtons(page).first()).toBeVisible();
  await expect(timeButtons(page).filter({ hasText: new RegExp(`^${nextTime}$`) })).toHaveCount(0);
  await shot(page, '13-slot-taken');

  // Moving the booking to a time someone takes first says why too, and changes nothing.
  await page.goto(manageHref);
  await page.getByRole('button', { name: 'Change time' }).click();
  const other = timeButtons(page).and(page.locator(':not([disabled])')).first();
  const otherTime = (await other.textContent())!.trim();
  const otherDate = (await page
    .getByRole('grid')
    .locator('button[aria-pressed="true"]')
    .getAttribute('data-day'))!;
  await other.click();
  await expect(page.getByRole('heading', { level: 3, name: 'Move your booking?' })).toBeVisible();
  const otherSlot = (await api.slots(service.id, otherDate)).find(
    (s) => visitorTime(s.start_datetime) === otherTime,
  );
  expect(otherSlot, `the API lists ${otherDate} ${otherTime}`).toBeDefined();
  await api.book(service.id, otherSlot!.start_datetime, unique('Quick Quinn'));
  await page.getByRole('button', { name: 'Confirm new time' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Sorry, ${otherTime} is no longer available` }),
  ).toContainText('Someone else has just booked it.');
  await expect(page.getByText('your booking hasn’t changed')).toBeVisible();
  expect((await api.reservation(mine.id)).start_datetime).toBe(hold.start_datetime);
});

test('a hold that runs out on the page says so and can be held again', async ({ page, api }) => {
  test.setTimeout(90_000);
  // A class of four that the business confirms, bookable three weeks ahead.
  const room = await api.post<Named>('/reservation-resources', {
    name: unique('E2E Studio'),
    type: 'room',
  });
  for (let day = 0; day < 7; day++) {
    await api.post('/reservation-resource-availability', {
      resource_id: room.id,
      day_of_week: day,
      start_time: '09:00',
      end_time: '17:00',
    });
  }
  const service = await api.post<Named>('/reservation-services', {
    name: unique('E2E Pilates'),
    duration_minutes: 60,
    capacity: 4,
    max_party_size: 4,
    requires_confirmation: true,
    max_advance_days: 20,
  });
  await api.post('/reservation-service-resources', {
    service_id: service.id,
    resource_id: room.id,
    is_required: true,
  });
  const slug = await createLink(api, [service.id]);
  const customer = unique('Slow Sam');

  // The browser's clock is ours to move.
  await page.clock.install();
  await page.goto(`/book/${slug}`);
  const day = await firstAvailableDay(page);
  await day.click();
  // A group class says how many places are left.
  await expect(timeButtons(page).first()).toContainText('4 places left');
  await shot(page, '18-class-times');
  // The month arrows stop at the service's limit (20 days ahead).
  const nextMonth = page.getByRole('button', { name: 'Next month' });
  if (await nextMonth.isEnabled()) {
    await nextMonth.click();
    await expect(nextMonth).toBeDisabled();
    await page.getByRole('button', { name: 'Previous month' }).click();
  }
  const first = timeButtons(page).first();
  const time = (await first.textContent())!.replace('4 places left', '').trim();
  await holdTime(page, first);
  const banner = holdBanner(page, time);
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);
  // The business confirms each booking: the page asks for a request.
  await expect(page.getByRole('button', { name: 'Request booking' })).toBeVisible();
  await expect(page.getByText('confirms each booking')).toBeVisible();
  await page.getByLabel('Full name').fill(customer);
  await page.getByLabel('Email').fill(`${slugOf(customer)}@example.com`);

  // Five minutes on: the countdown follows, and screen readers hear it once.
  await page.clock.fastForward('05:00');
  await expect(banner).toContainText(/— 4:\d\d left/);
  await expect(page.getByText(`Less than 5 minutes left to book ${time}.`)).toBeAttached();

  // Past the end: the page says so and offers to hold the time again or choose another.
  await page.clock.fastForward('05:00');
  await expect(page.getByText(`Your hold on ${time} has ended`, { exact: true })).toBeVisible();
  await expect(
    page.getByText(`Your hold on ${time} has ended. Someone else can book it now.`),
  ).toBeAttached();
  await expect(banner).toHaveCount(0);
  await shot(page, '17-hold-ended');
  // Submitting now books nothing: it points at the offer.
  await page.getByRole('button', { name: 'Request booking' }).click();
  await expect(page.locator(':focus')).toContainText(`Your hold on ${time} has ended`);

  await page.getByRole('button', { name: `Hold ${time} again` }).click();
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);
  await expect(page.getByLabel('Full name')).toHaveValue(customer);
  await page.getByRole('button', { name: 'Request booking' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Booking requested' })).toBeVisible();
  const mine = await reservationOf(api, customer);
  expect(mine.status).toBe('pending');
});

test('a visitor who needs more time keeps the time, up to 30 minutes in all', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  const service = await oneChairService(api);
  const slug = await createLink(api, [service.id]);
  const customer = unique('Careful Cara');
  const extended = () =>
    page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && /\/holds\/[^/]+$/.test(r.url()),
    );

  await page.clock.install();
  await page.goto(`/book/${slug}`);
  await (await firstAvailableDay(page)).click();
  const first = timeButtons(page).first();
  const time = (await first.textContent())!.trim();
  await holdTime(page, first);
  const banner = holdBanner(page, time);
  const moreTime = page.getByRole('button', { name: `More time to book ${time}` });
  // Plenty of time left: nothing to offer yet.
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);
  await expect(moreTime).toHaveCount(0);

  // Five minutes left: the banner offers more, and asking gives ten minutes from now.
  await page.clock.fastForward('05:30');
  await expect(moreTime).toBeVisible();
  await shot(page, '19-hold-more-time');
  const asked = extended();
  await moreTime.click();
  expect((await asked).status()).toBe(200);
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);
  await expect(page.getByText(`${time} is held for you longer.`)).toBeAttached();
  await expect(moreTime).toHaveCount(0);

  // Still typing with two minutes left: more time without asking.
  await page.clock.fastForward('07:00');
  await page.getByLabel('Full name').fill(customer);
  const kept = extended();
  await page.clock.fastForward('01:40');
  expect((await kept).status()).toBe(200);
  await expect(banner).toContainText(/— (10:00|9:\d\d) left/);

  // Twenty minutes in: one more extension reaches the 30-minute limit, and no more is offered.
  await page.clock.fastForward('06:00');
  await expect(moreTime).toBeVisible();
  const last = extended();
  await moreTime.click();
  expect((await last).status()).toBe(200);
  await page.clock.fastForward('05:30');
  await expect(banner).toContainText(/— 4:\d\d left/);
  await expect(moreTime).toHaveCount(0);

  // The time is still the visitor's to book.
  await page.getByLabel('Email').fill(`${slugOf(customer)}@example.com`);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'You’re booked!' })).toBeVisible();
  expect((await reservationOf(api, customer)).status).toBe('confirmed');
});

test('an unknown booking link or manage token is a friendly 404', async ({ page }) => {
  const missing = await page.goto('/book/no-such-link-here');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page isn’t available' })).toBeVisible();
  const badToken = await page.goto(`/book/manage/${'x'.repeat(43)}`);
  expect(badToken?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page isn’t available' })).toBeVisible();
  await shot(page, '14-not-found');
});
