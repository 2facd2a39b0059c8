import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/lib/http/client-ip';
import { call } from '../helpers/api';
import { expectError, expectStatus, make } from '../api/fixtures';
import { keyOrg } from '../helpers/reservations';

/** §11: public endpoints allow RATE_LIMIT_PUBLIC_PER_MINUTE requests per client IP, then 429. */

const LIMIT = 5;
const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

describe('public rate limit', () => {
  let slug: string;
  beforeAll(async () => {
    const org = await keyOrg();
    const service = await make(org.api, '/reservation-services', {
      name: 'S',
      duration_minutes: 30,
    });
    slug = `rl-${randomUUID().slice(0, 8)}`;
    await make(org.api, '/reservation-booking-links', {
      slug,
      name: 'RL',
      service_ids: [service.id],
    });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  const hit = (headers: Record<string, string>, path = `/public/booking-links/${slug}`) =>
    call('GET', path, { headers });

  it('allows the limit per minute, then answers 429 with Retry-After and the envelope', async () => {
    vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', String(LIMIT));
    // Mid-minute, so the window cannot roll over during the test.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-01-01T10:00:20Z') });
    const ip = { [PEER_ADDRESS_HEADER]: randomIp() };
    for (let i = 0; i < LIMIT; i++) expectStatus(await hit(ip), 200);
    const limited = await hit(ip);
    expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('40');
    // Every public endpoint counts against the same budget, and so do unknown slugs.
    expectError(await hit(ip, '/public/reservations/not-a-token'), 429, 'rate_limited');
    // Another client is unaffected; the next minute starts afresh.
    expectStatus(await hit({ [PEER_ADDRESS_HEADER]: randomIp() }), 200);
    vi.setSystemTime(new Date('2031-01-01T10:01:00Z'));
    expectStatus(await hit(ip), 200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY=1', async () => {
    vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', String(LIMIT));
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-01-02T10:00:20Z') });
    const peer = { [PEER_ADDRESS_HEADER]: randomIp() };
    for (let i = 0; i < LIMIT; i++) {
      expectStatus(await hit({ ...peer, 'x-forwarded-for': randomIp() }), 200);
    }
    expectError(await hit({ ...peer, 'x-forwarded-for': randomIp() }), 429, 'rate_limited');

    vi.stubEnv('TRUST_PROXY', '1');
    const client = randomIp();
    for (let i = 0; i < LIMIT; i++) {
      expectStatus(await hit({ ...peer, 'x-forwarded-for': `${randomIp()}, ${client}` }), 200);
    }
    expectError(await hit({ ...peer, 'x-forwarded-for': client }), 429, 'rate_limited');
    expectStatus(await hit({ ...peer, 'x-forwarded-for': randomIp() }), 200);
  });

  it('TRUST_PROXY=1: a spoofed left-most X-Forwarded-For entry is ignored (the proxy appends)', async () => {
    vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', String(LIMIT));
    vi.stubEnv('TRUST_PROXY', '1');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-01-02T10:00:40Z') });
    const peer = { [PEER_ADDRESS_HEADER]: randomIp() };
    const client = randomIp();
    // A client rotating a forged first entry is still one client: the one our proxy saw.
    for (let i = 0; i < LIMIT; i++) {
      expectStatus(await hit({ ...peer, 'x-forwarded-for': `${randomIp()}, ${client}` }), 200);
    }
    expectError(
      await hit({ ...peer, 'x-forwarded-for': `${randomIp()}, ${randomIp()}, ${client}` }),
      429,
      'rate_limited',
    );
  });

  it('TRUST_PROXY_HOPS=2: the client is the second entry from the right', async () => {
    vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', String(LIMIT));
    vi.stubEnv('TRUST_PROXY', '1');
    vi.stubEnv('TRUST_PROXY_HOPS', '2');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-01-02T10:00:50Z') });
    const peer = { [PEER_ADDRESS_HEADER]: randomIp() };
    const client = randomIp();
    const outerProxy = randomIp();
    for (let i = 0; i < LIMIT; i++) {
      const forged = randomIp();
      expectStatus(
        await hit({ ...peer, 'x-forwarded-for': `${forged}, ${client}, ${outerProxy}` }),
        200,
      );
    }
    expectError(
      await hit({ ...peer, 'x-forwarded-for': `${client}, ${outerProxy}` }),
      429,
      'rate_limited',
    );
    // Another client behind the same outer proxy has its own budget.
    expectStatus(await hit({ ...peer, 'x-forwarded-for': `${randomIp()}, ${outerProxy}` }), 200);
  });

  it('staff endpoints are not limited by it', async () => {
    vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', '1');
    const org = await keyOrg();
    for (let i = 0; i < 3; i++) expectStatus(await org.api.get('/reservation-services'), 200);
  });
});
