import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard (§17): a webhook URL is chosen by a tenant, so the server must not be made
 * to POST into its own network. Every delivery resolves the host, refuses if ANY address is
 * private, loopback, link-local, CGNAT, multicast, unspecified or otherwise reserved (IPv4
 * and IPv6, IPv4 embedded in IPv6 included), and then connects to the address it checked —
 * no second lookup, so DNS rebinding between check and connect cannot slip through.
 * `WEBHOOKS_ALLOW_PRIVATE=1` lifts the rule (tests, or receivers on a private network).
 */

export const allowPrivateAddresses = () => process.env.WEBHOOKS_ALLOW_PRIVATE === '1';

const blocked = new BlockList();
const V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];
for (const [net, prefix] of V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of V6) blocked.addSubnet(net, prefix, 'ipv6');

/** 16 bytes of an IPv6 address (zone id ignored, dotted-quad tail allowed), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.split('%')[0]!.toLowerCase();
  // A dotted-quad tail (`::ffff:127.0.0.1`) is two more hex groups.
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    if ([a, b, c, d].some((n) => n > 255)) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    text = `${text.slice(0, dotted.index)}${hex(a, b)}:${hex(c, d)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s ? s.split(':') : []);
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return null;
  const bytes: number[] = [];
  for (const g of [...head, ...Array<string>(fill).fill('0'), ...rest]) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes.length === 16 ? bytes : null;
}

const v4 = (b: number[]) => b.join('.');

/**
 * Where RFC 6052 puts the IPv4 address behind a NAT64 prefix of 48, 56 or 64 bits: its bytes
 * skip byte 8 (the "u" octet, zero), and the suffix after them is zero.
 */
const RFC6052_EMBEDDINGS: { at: number[]; zeroFrom: number }[] = [
  { at: [6, 7, 9, 10], zeroFrom: 11 }, // /48
  { at: [7, 9, 10, 11], zeroFrom: 12 }, // /56
  { at: [9, 10, 11, 12], zeroFrom: 13 }, // /64
];

/**
 * The IPv4 addresses an IPv6 one carries (mapped, translated, compatible, NAT64, 6to4), if
 * any: every one must be public. The local-use NAT64 prefix `64:ff9b:1::/48` (RFC 8215) may
 * be split by the operator into a /48, /56, /64 or /96 prefix, which the address does not
 * say: every embedding its bits are consistent with is checked (the /96 one, the last 32
 * bits, always is), so a private address behind it is refused whatever the prefix length.
 */
function embeddedIpv4(bytes: number[]): string[] | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const tail = [v4(bytes.slice(12))];
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return tail; // ::ffff:a.b.c.d (mapped)
  if (zero(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zero(10, 12)) return tail; // ::ffff:0:a.b.c.d (translated, RFC 2765)
  if (zero(0, 12)) return tail; // ::a.b.c.d (deprecated "compatible")
  const nat64 = [0, 0x64, 0xff, 0x9b];
  if (nat64.every((b, i) => bytes[i] === b) && zero(4, 12)) return tail; // 64:ff9b::/96
  if (nat64.every((b, i) => bytes[i] === b) && bytes[4] === 0 && bytes[5] === 1) {
    // 64:ff9b:1::/48, local-use NAT64
    const inner = [...tail];
    for (const { at, zeroFrom } of RFC6052_EMBEDDINGS) {
      if (bytes[8] === 0 && zero(zeroFrom, 16)) inner.push(v4(at.map((i) => bytes[i]!)));
    }
    return inner;
  }
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return [v4(bytes.slice(2, 6))]; // 2002::/16 (6to4)
  return null;
}

/** Whether an IP address may receive webhooks: a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const inner = embeddedIpv4(bytes);
  // `::` and `::1` are "compatible" in form but are their own special addresses.
  if (inner && !(bytes.slice(0, 15).every((b) => b === 0) && bytes[15]! <= 1)) {
    return inner.every((address4) => !blocked.check(address4, 'ipv4'));
  }
  return !blocked.check(address.split('%')[0]!, 'ipv6');
}

export class AddressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressRefused';
  }
}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** A URL's host name without the brackets of an IPv6 literal. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Resolves the host and checks every address; returns the one to connect to. */
export async function resolveDeliveryTarget(
  hostname: string,
  opts: { allowPrivate?: boolean; resolver?: Resolver } = {},
): Promise<ResolvedTarget> {
  const allowPrivate = opts.allowPrivate ?? allowPrivateAddresses();
  const literal = isIP(hostname);
  let addresses: { address: string; family: number }[];
  if (literal) {
    addresses = [{ address: hostname, family: literal }];
  } else {
    try {
      addresses = await (opts.resolver ?? systemResolver)(hostname);
    } catch (error) {
      throw new AddressRefused(
        `Could not resolve ${hostname}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
      );
    }
  }
  if (!addresses.length) throw new AddressRefused(`${hostname} has no address.`);
  if (!allowPrivate) {
    // The message is the tenant's to read (deliveries list): it must not tell them what a
    // name resolves to inside our network, only that it was refused.
    if (addresses.some((a) => !isPublicAddress(a.address))) {
      throw new AddressRefused(`Refused: ${hostname} is a private or reserved address.`);
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * The check at creation (no DNS: a name may legitimately not resolve yet): a literal private
 * address or a `localhost` name is refused up front. Deliveries check again after resolving.
 */
export function creationRefusal(rawUrl: string): string | null {
  if (allowPrivateAddresses()) return null;
  const host = bareHost(new URL(rawUrl)).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return 'Webhooks cannot be sent to localhost.';
  }
  if (isIP(host) && !isPublicAddress(host)) {
    return 'Webhooks cannot be sent to a private, loopback or reserved address.';
  }
  return null;
}
