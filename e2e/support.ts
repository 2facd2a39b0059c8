/**
 * Shared fixtures and helpers of the end-to-end suite (Playwright, real Chromium, the
 * production build on a fresh embedded database with the demo seed; see playwright.config.ts).
 *
 * - `api`: an HTTP client authenticated with the demo API key (an API key acts as admin), to
 *   arrange data and to check what the UI did.
 * - `signIn`, `gotoWeekOf`, … : the few UI steps every spec repeats.
 *
 * Every spec creates its own contacts/resources with unique names, so specs never depend on
 * each other or on their order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

export { expect };

/** The demo seed (db/seed.ts). */
export const ADMIN = { email: 'admin@demo.test', password: 'demo-password' } as const;
export const ORG_TZ = 'Europe/London';

export interface Slot {
  start_datetime: string;
  end_datetime: string;
  remaining_capacity: number;
  resource_ids: string[];
}

export interface Reservation {
  id: string;
  status: string;
  start_datetime: string;
  end_datetime: string;
  source: string;
  resource_ids: string[];
  cancelled_by: string | null;
  cancellation_reason: string | null;
  contact: { id: string; name: string; email: string | null } | null;
  service: { id: string; name: string } | null;
}

export interface Named {
  id: string;
  name: string;
}

function demoApiKey(): string {
  if (process.env.E2E_API_KEY) return process.env.E2E_API_KEY;
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: run the suite through playwright.config.ts');
  const file = path.join(dir, 'demo-credentials.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { api_key: string }).api_key;
}

/** A thin client of the §0 API: every call asserts its status and returns the JSON body. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async call<T>(method: string, url: string, body?: unknown, status?: number): Promise<T> {
    const response = await this.request.fetch(`/api${url}`, {
      method,
      data: body === undefined ? undefined : (body as object),
    });
    const text = await response.text();
    const expected = status ?? (method === 'POST' ? 201 : 200);
    expect(response.status(), `${method} /api${url} → ${text.slice(0, 500)}`).toBe(expected);
    return (text ? JSON.parse(text) : null) as T;
  }

  get<T>(url: string) {
    return this.call<T>('GET', url);
  }
  post<T>(url: string, body: unknown, status?: number) {
    return this.call<T>('POST', url, body, status);
  }
  patch<T>(url: string, body: unknown) {
    return this.call<T>('PATCH', url, body);
  }

  async serviceByName(name: string): Promise<Named> {
    const list = await this.get<{ data: Named[] }>(
      `/reservation-services?${new URLSearchParams({ $search: name, $limit: '50' })}`,
    );
    const found = list.data.find((s) => s.name === name);
    if (!found) throw new Error(`no service named ${name}`);
    return found;
  }

  async slots(serviceId: string, date: string, endDate = date): Promise<Slot[]> {
    const query = new URLSearchParams({ service_id: serviceId, date, end_date: endDate });
    return (await this.get<{ slots: Slot[] }>(`/reservation-available-slots?${query}`)).slots;
  }

  reservation(id: string) {
    return this.get<Reservation>(`/reservations/${id}`);
  }

  /** Books `start` for a new contact through the API (source `api`). */
  book(serviceId: string, start: string, contactName: string) {
    return this.post<Reservation>('/reservations', {
      service_id: serviceId,
      start_datetime: start,
      contact: { name: contactName, email: `${slug(contactName)}@example.com` },
    });
  }
}

export const test = base.extend<{ api: Api }>({
  api: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${demoApiKey()}` },
    });
    await provide(new Api(request));
    await request.dispose();
  },
});

/** A name no other spec (or earlier run against the same server) uses. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ——— dates and times in the organization's zone ———

export function todayInOrg(): string {
  return formatInTimeZone(new Date(), ORG_TZ, 'yyyy-MM-dd');
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, like §6. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The first date on or after `from` that falls on one of `days`. */
export function nextDateOn(from: string, days: number[]): string {
  let date = from;
  while (!days.includes(dayOfWeek(date))) date = addDays(date, 1);
  return date;
}

/** `HH:mm` of an instant in the organization's zone. */
export function localTime(instant: string): string {
  return formatInTimeZone(instant, ORG_TZ, 'HH:mm');
}

export function localDate(instant: string): string {
  return formatInTimeZone(instant, ORG_TZ, 'yyyy-MM-dd');
}

/** The instant of a local wall time in the organization's zone, as the API writes it. */
export function orgInstant(date: string, time: string): string {
  return fromZonedTime(`${date}T${time}:00`, ORG_TZ).toISOString();
}

export function plusMinutes(instant: string, minutes: number): string {
  return new Date(new Date(instant).getTime() + minutes * 60_000).toISOString();
}

// ——— UI steps ———

export async function signIn(
  page: Page,
  email: string = ADMIN.email,
  password: string = ADMIN.password,
) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/reservations');
  await expect(page.getByRole('heading', { level: 1, name: 'Reservations' })).toBeVisible();
}

/** The Reservations page's calendar board (toolbar + grid). */
export function calendar(page: Page) {
  return page.getByRole('region', { name: 'Calendar' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A booking on the calendar (every view renders each booking as a button naming its contact). */
export function eventOf(page: Page, contactName: string) {
  return calendar(page).getByRole('button', { name: new RegExp(escapeRegExp(contactName)) });
}

/** Waits until the calendar has no request in flight. */
export async function calendarSettled(page: Page) {
  const board = calendar(page);
  await expect(board.getByRole('heading', { level: 2 })).not.toHaveText('');
  await expect(board.locator('[aria-busy="true"]')).toHaveCount(0);
}

function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * Steps a week-based view (Week or List; weeks start on Monday) from the current week to the
 * week of `date`, waiting for each step to land.
 */
export async function gotoWeekOf(page: Page, date: string) {
  const weeks = Math.round(
    (Date.parse(mondayOf(date)) - Date.parse(mondayOf(todayInOrg()))) / (7 * 86_400_000),
  );
  const title = calendar(page).getByRole('heading', { level: 2 });
  await calendarSettled(page);
  for (let i = 0; i < Math.abs(weeks); i++) {
    const before = await title.textContent();
    await calendar(page)
      .getByRole('button', { name: weeks > 0 ? 'Next' : 'Previous' })
      .click();
    await expect(title).not.toHaveText(before ?? '');
  }
  await calendarSettled(page);
}

export async function chooseView(
  page: Page,
  name: 'Day' | 'Week' | 'Month' | 'List' | 'Resources',
) {
  const button = calendar(page)
    .getByRole('group', { name: 'Calendar view' })
    .getByRole('button', { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await calendarSettled(page);
}

/** Bookable dates of the demo stylists (Tuesday–Saturday), from tomorrow on. */
export const STYLIST_DAYS = [2, 3, 4, 5, 6];

/**
 * A free start of a stylist service (e.g. Beard trim) on a stylist day at least `minDays`
 * ahead; `accept` (given the day's whole list) lets a spec ask for more, e.g. a second free
 * start an hour later.
 */
export async function findSlot(
  api: Api,
  serviceId: string,
  options: {
    minDays?: number;
    accept?: (slot: Slot, all: Slot[]) => boolean;
  } = {},
): Promise<Slot> {
  let date = nextDateOn(addDays(todayInOrg(), options.minDays ?? 1), STYLIST_DAYS);
  for (let tries = 0; tries < 20; tries++) {
    const slots = await api.slots(serviceId, date);
    const slot = slots.find((s) => (options.accept ? options.accept(s, slots) : true));
    if (slot) return slot;
    date = nextDateOn(addDays(date, 1), STYLIST_DAYS);
  }
  throw new Error('no free slot found in 20 bookable days');
}
