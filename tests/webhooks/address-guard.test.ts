import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import {
  isPublicAddress,
  resolveDeliveryTarget,
  type Resolver,
} from '@/lib/webhooks/address-guard';
import { dispatchDue } from '@/lib/webhooks/dispatcher';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay, keyOrg, mustBook } from '../helpers/reservations';
import { deliveriesOf, startReceiver } from './helpers';

/**
 * §17 SSRF guard: deliveries to private, loopback, link-local, CGNAT, multicast and other
 * reserved addresses are refused (IPv4, IPv6, IPv4-mapped IPv6), at delivery time, after
 * resolving the host — unless WEBHOOKS_ALLOW_PRIVATE=1.
 */

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '240.0.0.1',
    '198.18.0.1',
    '192.0.2.1',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '2002:a00:1::1',
    // IPv4-translated (RFC 2765), ::ffff:0:a.b.c.d
    '::ffff:0:127.0.0.1',
    '::ffff:0:7f00:1',
    '::ffff:0:10.1.2.3',
    '::ffff:0:169.254.169.254',
    // local-use NAT64 (RFC 8215), 64:ff9b:1::/48: as a /96 prefix…
    '64:ff9b:1::10.0.0.1',
    '64:ff9b:1::a9fe:a9fe',
    '64:ff9b:1:abcd::192.168.0.1',
    // …and as a /48, /56 and /64 prefix (RFC 6052: the u octet skipped)
    '64:ff9b:1:a00:0:100::',
    '64:ff9b:1:0a:0:1:0:0',
    '64:ff9b:1:0:a:0:100:0',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '2001:db8::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '2a00:1450:4007:80a::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '::ffff:0:8.8.8.8',
    '64:ff9b:1::8.8.8.8',
    '64:ff9b:1:abcd::808:808',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('resolveDeliveryTarget', () => {
  const resolver =
    (addresses: string[]): Resolver =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a name if ANY of its addresses is private', async () => {
    await expect(
      resolveDeliveryTarget('hooks.example.com', {
        allowPrivate: false,
        resolver: resolver(['93.184.216.34', '10.0.0.7']),
      }),
    ).rejects.toThrow(/^Refused: hooks\.example\.com is a private or reserved address\.$/);
    await expect(
      resolveDeliveryTarget('hooks.example.com', {
        allowPrivate: false,
        resolver: resolver(['::ffff:127.0.0.1']),
      }),
    ).rejects.toThrow(/private/);
  });

  it('returns the checked address to connect to', async () => {
    await expect(
      resolveDeliveryTarget('hooks.example.com', {
        allowPrivate: false,
        resolver: resolver(['93.184.216.34', '2606:2800:220:1::1']),
      }),
    ).resolves.toEqual({ address: '93.184.216.34', family: 4 });
    await expect(resolveDeliveryTarget('127.0.0.1', { allowPrivate: true })).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });

  it('a name that does not resolve is a refusal, not a crash', async () => {
    await expect(
      resolveDeliveryTarget('nowhere.invalid', {
        allowPrivate: false,
        resolver: async () => {
          throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
        },
      }),
    ).rejects.toThrow(/ENOTFOUND/);
  });
});

describe('deliveries to private addresses', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('are refused without WEBHOOKS_ALLOW_PRIVATE=1 — checked when sending, not only at creation', async () => {
    const db = await getDb();
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { hours: everyDay('00:00', '24:00') });
    const receiver = await startReceiver();
    const receiver6 = await startReceiver({ host: '::1' }).catch(() => null);
    try {
      // Created while allowed (as a test or a private deployment would)…
      vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE', '1');
      const urls = [
        receiver.url,
        `http://[::ffff:127.0.0.1]:${receiver.port}/hook`,
        'http://10.255.255.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://100.64.0.1/hook',
        `http://[::1]:${receiver6?.port ?? 9}/hook`,
        'http://0.0.0.0/hook',
      ];
      const ids: string[] = [];
      for (const url of urls) {
        const res = await org.api.post('/webhooks', { url, events: ['reservation.created'] });
        expect(res.status, url).toBe(201);
        ids.push(res.body.id);
      }
      vi.unstubAllEnvs();
      // …then sent while not: every one is refused before connecting.
      await mustBook(org, { service_id: serviceId, start_datetime: `${futureDate(5)}T10:00:00Z` });
      const results = await dispatchDue(db, { organizationId: org.id });
      expect(results).toHaveLength(urls.length);
      for (const result of results) {
        expect(result).toMatchObject({ status: 'retrying', responseStatus: null });
        expect(result.error).toMatch(/^Refused: .* private or reserved address/);
        expect(result.error).not.toMatch(/WEBHOOKS_ALLOW_PRIVATE/);
      }
      expect(receiver.received).toHaveLength(0);
      expect(receiver6?.received ?? []).toHaveLength(0);
      const [delivery] = await deliveriesOf(org.id, ids[0]!);
      expect(delivery!.last_error).toBe('Refused: 127.0.0.1 is a private or reserved address.');
      const list = await org.api.get(`/webhooks/${ids[1]}/deliveries`);
      expect(list.body.data[0]).toMatchObject({ status: 'failed', response_status: null });
      expect(list.body.data[0].error).toMatch(/^Refused: ::ffff:/);

      // With the variable set, the same deliveries go through on their next try (only the
      // two to the local receiver: the others stay off, nothing here should reach them).
      for (const id of ids.slice(2)) await org.api.patch(`/webhooks/${id}`, { is_active: false });
      vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE', '1');
      const retried = await dispatchDue(db, {
        organizationId: org.id,
        now: new Date(Date.now() + 31_000),
        timeoutMs: 500,
      });
      expect(retried.filter((r) => r.status === 'succeeded')).toHaveLength(2);
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
      await receiver6?.close();
    }
  });

  it('connects to the address it checked: a name is resolved once, and that answer is used', async () => {
    const db = await getDb();
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { hours: everyDay('00:00', '24:00') });
    const receiver = await startReceiver();
    try {
      // A name that exists nowhere: the request can only arrive through the checked answer.
      const res = await org.api.post('/webhooks', {
        url: `http://rebind.example.test:${receiver.port}/hook`,
        events: ['reservation.created'],
      });
      expect(res.status).toBe(201);
      await mustBook(org, { service_id: serviceId, start_datetime: `${futureDate(5)}T11:00:00Z` });
      let lookups = 0;
      const answers = ['127.0.0.1', '8.8.8.8'];
      const rebinding: Resolver = async () => [{ address: answers[lookups++]!, family: 4 }];
      // Refused while private addresses are not allowed…
      const [refused] = await dispatchDue(db, {
        organizationId: org.id,
        allowPrivate: false,
        resolver: rebinding,
      });
      expect(refused!.error).toBe('Refused: rebind.example.test is a private or reserved address.');
      expect(lookups).toBe(1);
      // …and when allowed, sent to the one answer checked, with the URL's Host header.
      lookups = 0;
      const [sent] = await dispatchDue(db, {
        organizationId: org.id,
        allowPrivate: true,
        resolver: rebinding,
        now: new Date(Date.now() + 31_000),
      });
      expect(sent).toMatchObject({ status: 'succeeded', responseStatus: 200 });
      expect(lookups).toBe(1);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers.host).toBe(`rebind.example.test:${receiver.port}`);
    } finally {
      await receiver.close();
    }
  });

  it('tell the tenant nothing about the network: no address an internal name resolved to', async () => {
    const db = await getDb();
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { hours: everyDay('00:00', '24:00') });
    const closed = await startReceiver();
    await closed.close();
    const res = await org.api.post('/webhooks', {
      url: `http://hooks.internal.example.test:${closed.port}/hook`,
      events: ['reservation.created'],
    });
    expect(res.status).toBe(201);
    await mustBook(org, { service_id: serviceId, start_datetime: `${futureDate(5)}T12:00:00Z` });
    const internal: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    // Refused (private not allowed): the message names the URL's host, not its address.
    const [refused] = await dispatchDue(db, {
      organizationId: org.id,
      allowPrivate: false,
      resolver: internal,
    });
    expect(refused!.error).toBe(
      'Refused: hooks.internal.example.test is a private or reserved address.',
    );
    // Allowed, but nothing listens: the connection error loses the address and port too.
    const [failed] = await dispatchDue(db, {
      organizationId: org.id,
      allowPrivate: true,
      resolver: internal,
      now: new Date(Date.now() + 31_000),
    });
    expect(failed!.error).toMatch(/ECONNREFUSED/);
    const list = await org.api.get(`/webhooks/${res.body.id}/deliveries`);
    for (const attempt of list.body.data) {
      expect(attempt.error).not.toMatch(/127\.0\.0\.1|:\d{2,5}\b/);
    }
  });
});
