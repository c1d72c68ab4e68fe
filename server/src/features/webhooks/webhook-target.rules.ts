import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach in production: this machine, private networks, link-local
 * (cloud metadata at 169.254.169.254 and fd00:ec2::254), carrier-grade NAT, documentation,
 * benchmark, multicast and reserved ranges.
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const MAPPED_V4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** Whether a webhook may connect to this IP address (true also for anything that is not an IP). */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return FORBIDDEN.check(bare, 'ipv4');
  if (family !== 6) return true;
  const mapped = MAPPED_V4.exec(bare);
  if (mapped?.[1]) return isForbiddenAddress(mapped[1]);
  const hex = MAPPED_V4_HEX.exec(bare);
  if (hex?.[1] && hex[2]) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return isForbiddenAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  // Other IPv4-compatible forms (::a.b.c.d) are deprecated: never reachable legitimately.
  if (/^::[0-9.]+$/.test(bare)) return true;
  return FORBIDDEN.check(bare, 'ipv6');
}

/** Within the API's default text bound, so the input check and this rule agree. */
export const WEBHOOK_URL_MAX = 1000;

/** Why a URL cannot be an endpoint (null: its form is fine; its host is checked when resolved). */
export function urlProblem(raw: string, options: { allowHttp: boolean }): string | null {
  if (raw.length > WEBHOOK_URL_MAX) return `The URL is longer than ${WEBHOOK_URL_MAX} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The URL is not an absolute URL.';
  }
  const protocols = options.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!protocols.includes(url.protocol)) return 'The URL must start with https://.';
  if (url.username || url.password) return 'The URL must not contain a user name or password.';
  if (!url.hostname) return 'The URL has no host.';
  return null;
}

/** The URL's host as the resolver wants it (IPv6 literals without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
