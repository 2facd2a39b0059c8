import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/auth/[...all]/route';
import { PEER_ADDRESS_HEADER } from '@/lib/http/client-ip';
import { BASE, createTestOrg } from '../helpers/api';

/** Sign-in attempts are throttled per account and per client IP (hardening §4). */

const attempt = (email: string, password: string, ip: string) =>
  POST(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, [PEER_ADDRESS_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );

const ip = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe('sign-in throttling', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it('an account gets SIGN_IN_PER_MINUTE_ACCOUNT attempts a minute from one address', async () => {
    vi.stubEnv('SIGN_IN_PER_MINUTE_ACCOUNT', '3');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-02-01T09:00:10Z') });
    const org = await createTestOrg();
    const guesser = ip();
    for (let i = 0; i < 3; i++) {
      expect((await attempt(org.adminEmail, 'wrong password', guesser)).status).toBe(401);
    }
    // Even the right password waits now: the limit is checked before the password.
    const limited = await attempt(org.adminEmail.toUpperCase(), org.adminPassword, guesser);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect((await limited.json()).error.code).toBe('rate_limited');
    vi.setSystemTime(new Date('2031-02-01T09:01:01Z'));
    expect((await attempt(org.adminEmail, org.adminPassword, guesser)).status).toBe(200);
  });

  it('a stranger guessing cannot lock the owner out: the limit is per account and address', async () => {
    vi.stubEnv('SIGN_IN_PER_MINUTE_ACCOUNT', '3');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-02-03T09:00:10Z') });
    const org = await createTestOrg();
    const stranger = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 6; i++) {
      expect([401, 429]).toContain(
        (await attempt(org.adminEmail, 'wrong password', stranger)).status,
      );
    }
    expect((await attempt(org.adminEmail, 'wrong password', stranger)).status).toBe(429);
    // The owner, from their own address, signs in as usual.
    expect((await attempt(org.adminEmail, org.adminPassword, `${stranger}-owner`)).status).toBe(
      200,
    );
  });

  it('an address gets SIGN_IN_PER_MINUTE_IP attempts a minute, whatever the account', async () => {
    vi.stubEnv('SIGN_IN_PER_MINUTE_IP', '4');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-02-02T09:00:10Z') });
    const from = ip();
    for (let i = 0; i < 4; i++) {
      expect(
        (await attempt(`nobody-${randomUUID()}@example.test`, 'x'.repeat(10), from)).status,
      ).toBe(401);
    }
    expect(
      (await attempt(`nobody-${randomUUID()}@example.test`, 'x'.repeat(10), from)).status,
    ).toBe(429);
    expect(
      (await attempt(`nobody-${randomUUID()}@example.test`, 'x'.repeat(10), ip())).status,
    ).toBe(401);
  });
});
