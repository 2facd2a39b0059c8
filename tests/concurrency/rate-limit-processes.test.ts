import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make } from '../api/fixtures';
import { startApiProcess } from '../helpers/processes';
import { keyOrg } from '../helpers/reservations';

/**
 * §11's rate limit holds across app processes: it is counted in the database. Two processes
 * behind a "proxy" (TRUST_PROXY=1) see the same client in X-Forwarded-For. PostgreSQL only.
 */
const onPostgres = !!process.env.DATABASE_URL;
const LIMIT = 20;

describe.skipIf(!onPostgres)('public rate limit across two app processes', () => {
  let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  let slug: string;

  beforeAll(async () => {
    const env = { RATE_LIMIT_PUBLIC_PER_MINUTE: String(LIMIT), TRUST_PROXY: '1' };
    servers = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    const org = await keyOrg();
    const service = await make(org.api, '/reservation-services', {
      name: 'S',
      duration_minutes: 30,
    });
    slug = `rlp-${randomUUID().slice(0, 8)}`;
    await make(org.api, '/reservation-booking-links', {
      slug,
      name: 'RL',
      service_ids: [service.id],
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('one client gets exactly the limit per minute in total, whichever process answers', async () => {
    // Stay inside one window: wait out the last seconds of a minute.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${servers[i % 2]!.url}/api/public/booking-links/${slug}`, {
          headers: { 'x-forwarded-for': client },
        }).then(async (r) => {
          if (r.status === 429) {
            const body = await r.json();
            expect(body.error.code).toBe('rate_limited');
            expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
          }
          return r.status;
        }),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LIMIT);
  }, 90_000);
});
