import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStreams, unsignedToken } from '../testing/fake-stream';
import { CUSTOMER } from '../testing/harness';
import type { TicketChange } from './types';
import { followChanges } from './live';

// The widget's own SSE client against a stream that fails on demand: what it does when the
// server refuses its token (UNAUTHORIZED), as it does when the token a stream was opened with expires.

const URL = 'http://api.test/trpc/ticket.onChange';
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
const change: TicketChange = { eventId: 'e1', seq: 1, ticketId: 't-1', orgId: 'org-1', kind: 'replied', at: new Date().toISOString() };

let streams: FakeStreams;
let stop: () => void = () => {};

beforeEach(() => {
  streams = new FakeStreams();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

function follow(tokens: { current(): Promise<string | null>; refresh(): Promise<string | null> }) {
  const listener = { change: vi.fn(), resync: vi.fn() };
  stop = followChanges({ url: URL, tokens, listener, EventSource: streams.EventSource });
  return listener;
}

describe('followChanges when the server refuses the token', () => {
  it('asks for a fresh token, even one it thought still valid, reconnects from the last event and resyncs', async () => {
    // Valid for an hour by the widget's reading: only the server's UNAUTHORIZED says otherwise.
    let current = unsignedToken({ ...CUSTOMER, exp: inSeconds(3600) });
    const fresh = unsignedToken({ ...CUSTOMER, exp: inSeconds(7200) });
    const refresh = vi.fn(async () => (current = fresh));
    const listener = follow({ current: async () => current, refresh });
    await vi.waitFor(() => expect(streams.open).toHaveLength(1));
    streams.push(change);
    expect(listener.change).toHaveBeenCalledWith(change);

    streams.open[0]!.error('UNAUTHORIZED', 'The token has expired; reconnect with a new one.');
    expect(streams.open).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_500);

    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(streams.open).toHaveLength(1));
    expect(streams.all).toHaveLength(2);
    expect(streams.open[0]!.token).toBe(fresh);
    expect(streams.open[0]!.input).toEqual({ lastEventId: '1' });
    expect(listener.resync).toHaveBeenCalledTimes(1); // what is on screen is read again
  });

  it('does not offer a refused token again, and waits with growing pauses until the host has a new one', async () => {
    const stale = unsignedToken({ ...CUSTOMER, exp: inSeconds(3600) });
    let current = stale;
    streams.acceptsToken = (token) => token !== stale;
    const refresh = vi.fn(async () => null); // the host has nothing newer yet
    const listener = follow({ current: async () => current, refresh });
    await vi.waitFor(() => expect(streams.all).toHaveLength(1));

    await vi.advanceTimersByTimeAsync(60_000);
    expect(streams.all).toHaveLength(1); // the server was not asked again with the same token
    expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(refresh.mock.calls.length).toBeLessThanOrEqual(6); // ~1, 2, 4, 8, 16, 30 s apart
    expect(listener.resync).not.toHaveBeenCalled();

    current = unsignedToken({ ...CUSTOMER, exp: inSeconds(7200) }); // e.g. the host set `token`
    await vi.advanceTimersByTimeAsync(40_000);
    await vi.waitFor(() => expect(streams.open).toHaveLength(1));
    expect(streams.open[0]!.token).toBe(current);
    expect(listener.resync).toHaveBeenCalledTimes(1);
  });
});
