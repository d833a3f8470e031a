import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an address is on the public internet: loopback, private, link-local, carrier NAT,
 * multicast, reserved and unspecified ranges (IPv4 inside IPv6 too) are not. A webhook must
 * never make the server call into its own network (SSRF).
 */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}

/** The host of a URL as DNS takes it (IPv6 literals without their brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * What is wrong with a webhook URL, or null: it must be http(s) without credentials, and
 * (unless `allowPrivate`) every address its host resolves to must be public.
 */
export async function webhookUrlProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The URL is not valid.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https:// or http://.';
  if (url.username || url.password) return 'The URL must not carry a user name or password; the signature authenticates the sender.';
  if (allowPrivate) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(hostOf(url), { all: true });
  } catch {
    return `The host ${url.hostname} cannot be resolved.`;
  }
  const refused = addresses.find((entry) => !isPublicAddress(entry.address));
  return refused ? `The host ${url.hostname} resolves to ${refused.address}, a loopback, private or otherwise non-public address.` : null;
}

/**
 * A DNS lookup for outgoing webhook requests that refuses non-public addresses: checked on the
 * address the socket really connects to, so a name that changes its answer after the URL
 * was accepted (DNS rebinding) still cannot reach inside.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(new Error(`refused: ${hostname} resolves to the non-public address ${refused.address}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
