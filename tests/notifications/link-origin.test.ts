import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { notificationMessages } from '@/db/schema';
import type { Db } from '@/db/types';
import {
  assertPublicUrlConfigured,
  changeOrigin,
  linkOrigin,
  originFromHeaders,
} from '@/lib/notifications/origin';
import { mustBook } from '../helpers/reservations';
import { at, notificationOrg } from './helpers';

/**
 * Links in emails and .ics files: APP_URL in production (required to start), a request's own
 * plain host otherwise, and never something a crafted Host header chose.
 */

const requestHeaders = { current: new Headers() };
vi.mock('next/headers', () => ({ headers: async () => requestHeaders.current }));

afterEach(() => {
  vi.unstubAllEnvs();
  requestHeaders.current = new Headers();
});

describe('the production server needs APP_URL', () => {
  it('refuses to start in production without APP_URL or BETTER_AUTH_URL', () => {
    expect(() => assertPublicUrlConfigured({ NODE_ENV: 'production' })).toThrow(/APP_URL/);
    expect(() =>
      assertPublicUrlConfigured({ NODE_ENV: 'production', APP_URL: 'javascript:alert(1)' }),
    ).toThrow(/APP_URL/);
    expect(() =>
      assertPublicUrlConfigured({ NODE_ENV: 'production', APP_URL: 'https://book.example.com' }),
    ).not.toThrow();
    expect(() =>
      assertPublicUrlConfigured({ NODE_ENV: 'production', BETTER_AUTH_URL: 'https://a.example' }),
    ).not.toThrow();
    expect(() => assertPublicUrlConfigured({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('in production every link is built on APP_URL, whatever the request said', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('APP_URL', 'https://book.example.com/');
    requestHeaders.current = new Headers({ host: 'evil.test', 'x-forwarded-host': 'evil.test' });
    expect(await changeOrigin()).toBe('https://book.example.com');
    expect(linkOrigin('http://evil.test')).toBe('https://book.example.com');
  });

  it('without APP_URL in production, a request Host is never used', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('APP_URL', '');
    vi.stubEnv('BETTER_AUTH_URL', '');
    requestHeaders.current = new Headers({ host: 'evil.test' });
    expect(await changeOrigin()).toBeNull();
  });
});

describe('the request origin (development)', () => {
  it('ignores X-Forwarded-Host/Proto without TRUST_PROXY', () => {
    vi.stubEnv('TRUST_PROXY', '');
    const h = new Headers({
      host: 'localhost:3000',
      'x-forwarded-host': 'evil.test',
      'x-forwarded-proto': 'https',
    });
    expect(originFromHeaders(h)).toBe('http://localhost:3000');
  });

  it('uses them with TRUST_PROXY=1 (the proxy-written entry)', () => {
    vi.stubEnv('TRUST_PROXY', '1');
    const h = new Headers({
      host: 'app:3000',
      'x-forwarded-host': 'evil.test, book.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(originFromHeaders(h)).toBe('https://book.example.com');
  });

  it.each([
    'evil host',
    'a"b',
    'x.test/path',
    'x.test?q',
    'x.test#f',
    'user@x.test',
    '',
    'x.test:99999999',
  ])('a crafted Host %j gives no origin', (host) => {
    expect(originFromHeaders({ get: (n) => (n === 'host' ? host : null) })).toBeNull();
  });
});

describe('a crafted origin never breaks a message', () => {
  let db: Db;
  beforeAll(async () => {
    db = await getDb();
  });

  it('a booking made with a crafted Host renders; GET /api/notifications/:id is a 200', async () => {
    vi.stubEnv('SMTP_URL', '');
    const { org, serviceId } = await notificationOrg();
    // An underscore is fine in a Host header but not in a URL the calendar library accepts.
    requestHeaders.current = new Headers({ host: 'evil_host.test' });
    const booked = await mustBook(org, {
      service_id: serviceId,
      start_datetime: at(14, '10:00'),
      contact: { name: 'Crafted Host', email: 'crafted@guest.test' },
    });
    const rows = await db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.reservation_id, booked.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(JSON.stringify(row.data)).not.toContain('evil');
      const res = await org.api.get(`/notifications/${row.id}`);
      expect(res.status).toBe(200);
      expect(res.body.html).not.toContain('evil');
    }
  });

  it('a message recorded with a bad origin (before hosts were checked) still renders', async () => {
    vi.stubEnv('SMTP_URL', '');
    const { org, serviceId } = await notificationOrg();
    const booked = await mustBook(org, {
      service_id: serviceId,
      start_datetime: at(14, '11:00'),
      contact: { name: 'Old Row', email: 'old@guest.test' },
    });
    await db
      .update(notificationMessages)
      .set({
        data: sql`jsonb_set(${notificationMessages.data}, '{origin}', '"http://evil_host.test"')`,
      })
      .where(eq(notificationMessages.reservation_id, booked.id));
    const rows = await db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.reservation_id, booked.id));
    for (const row of rows) {
      const res = await org.api.get(`/notifications/${row.id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.ics ?? '').not.toContain('evil');
      expect(res.body.html).not.toContain('evil_host');
    }
  });
});
