import { describe, expect, it } from 'vitest';
import { guardedLookup, isPublicAddress, webhookUrlProblem } from './address-guard';

describe('the webhook address guard', () => {
  it('takes only public unicast addresses, IPv4 inside IPv6 included', () => {
    expect(['8.8.8.8', '2606:4700::1111'].map(isPublicAddress)).toEqual([true, true]);
    const inside = ['127.0.0.1', '10.0.0.1', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1', 'nonsense'];
    expect(inside.filter(isPublicAddress)).toEqual([]);
  });

  it('refuses, at connection time, a name that resolves inside', async () => {
    const error = await new Promise<Error | null>((resolve) => guardedLookup(false)('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/non-public address/);
    const allowed = await new Promise<string>((resolve) => guardedLookup(true)('localhost', {}, (_e, address) => resolve(String(address))));
    expect(allowed).toMatch(/^(127\.0\.0\.1|::1)$/);
  });

  it('judges the URL first: scheme and credentials', async () => {
    expect(await webhookUrlProblem('gopher://x', true)).toMatch(/https:\/\//);
    expect(await webhookUrlProblem('https://a:b@x.example', true)).toMatch(/password/);
    expect(await webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
  });
});
