import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, installFetch } from '../testing/dom';
import { CUSTOMER, FakeApi, fakeToken } from '../testing/fake-api';
import { followChanges } from './live';

// The widget's own SSE client against the fake EventSource: what it does when the server
// refuses its token (UNAUTHORIZED), as it does when the token a stream was opened with expires.

const URL = 'http://api.test/trpc/ticket.onChange';
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

let api: FakeApi;
let stop: () => void = () => {};

beforeEach(() => {
  api = new FakeApi();
  installFetch(api);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  cleanup();
});

function follow(tokens: { current(): Promise<string | null>; refresh(): Promise<string | null> }) {
  const listener = { change: vi.fn(), resync: vi.fn() };
  stop = followChanges({ url: URL, tokens, listener });
  return listener;
}

describe('followChanges when the server refuses the token', () => {
  it('asks for a fresh token, even one it thought still valid, reconnects from the last event and resyncs', async () => {
    // Valid for an hour by the widget's reading: only the server's UNAUTHORIZED says otherwise.
    let current = fakeToken({ ...CUSTOMER, exp: inSeconds(3600) });
    const fresh = fakeToken({ ...CUSTOMER, exp: inSeconds(7200) });
    const refresh = vi.fn(async () => (current = fresh));
    const listener = follow({ current: async () => current, refresh });
    await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
    api.push({ ticketId: 't-1' });
    expect(listener.change).toHaveBeenCalledTimes(1);

    api.openStreams[0]!.error('UNAUTHORIZED', 'The token has expired; reconnect with a new one.');
    expect(api.openStreams).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_500);

    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
    expect(api.streams).toHaveLength(2);
    expect(api.openStreams[0]!.token).toBe(fresh);
    expect(api.openStreams[0]!.input).toEqual({ lastEventId: '1' });
    expect(listener.resync).toHaveBeenCalledTimes(1); // what is on screen is read again
  });

  it('does not offer a refused token again, and waits with growing pauses until the host has a new one', async () => {
    const stale = fakeToken({ ...CUSTOMER, exp: inSeconds(3600) });
    let current = stale;
    api.acceptsToken = (token) => token !== stale;
    const refresh = vi.fn(async () => null); // the host has nothing newer yet
    const listener = follow({ current: async () => current, refresh });
    await vi.waitFor(() => expect(api.streams).toHaveLength(1));

    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.streams).toHaveLength(1); // the server was not asked again with the same token
    expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(refresh.mock.calls.length).toBeLessThanOrEqual(6); // ~1, 2, 4, 8, 16, 30 s apart
    expect(listener.resync).not.toHaveBeenCalled();

    current = fakeToken({ ...CUSTOMER, exp: inSeconds(7200) }); // e.g. the host set `token`
    await vi.advanceTimersByTimeAsync(40_000);
    await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
    expect(api.openStreams[0]!.token).toBe(current);
    expect(listener.resync).toHaveBeenCalledTimes(1);
  });
});
