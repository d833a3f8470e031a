import { connect, type Socket } from 'node:net';
import { MAX_LIVE_STREAMS_PER_PERSON } from '@support-tickets/core';
import { HTTP_TIMEOUTS } from '@support-tickets/server';
import { createTestServer, type TestServer as InProcessServer } from '@support-tickets/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listener } from '../apps/server/src/listen';
import { liveClient, watch, type Watcher } from './helpers/live';
import { eventually, NEW_TICKET, startServer, type TestServer } from './helpers/server';

// SPEC §9: a slow or idle client never holds the server: a half-sent request is cut after
// the header or request timeout, an idle socket is closed, and a person holds at most a few
// live streams at once.

describe('the HTTP listener', () => {
  let inner: InProcessServer;
  let listener: Listener;
  const timeouts = { headersTimeout: 600, requestTimeout: 1_200, keepAliveTimeout: 500, connectionsCheckingInterval: 100 };

  beforeAll(async () => {
    inner = await createTestServer();
    listener = await listen(inner.app, { port: 0, hostname: '127.0.0.1', timeouts });
  });
  afterAll(async () => {
    await listener.close();
    await inner.close({ removeFile: true });
  });

  /** A raw socket to the listener, recording what came back and when it closed. */
  async function rawSocket() {
    const socket: Socket = connect(listener.port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('error', reject));
    const state = { received: '', closedAfterMs: null as number | null };
    const opened = Date.now();
    socket.on('data', (chunk) => (state.received += chunk.toString()));
    socket.on('close', () => (state.closedAfterMs = Date.now() - opened));
    socket.on('error', () => undefined);
    return { socket, state };
  }

  it('cuts a request whose headers never finish, at the header timeout', async () => {
    const { socket, state } = await rawSocket();
    socket.write('GET /health HTTP/1.1\r\nHost: support.test\r\nX-Slow: ');
    await eventually(async () => state.closedAfterMs !== null, 10_000);
    expect(state.received).toMatch(/^HTTP\/1\.1 408/);
    expect(state.closedAfterMs).toBeGreaterThanOrEqual(timeouts.headersTimeout - 50);
  });

  it('cuts a request whose body never finishes, at the request timeout', async () => {
    const token = await inner.token({ sub: 'c1', role: 'customer', org: 'acme' });
    const { socket, state } = await rawSocket();
    socket.write(
      `POST /trpc/ticket.create HTTP/1.1\r\nHost: support.test\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sub`,
    );
    await eventually(async () => state.closedAfterMs !== null, 10_000);
    expect(state.received).toMatch(/^HTTP\/1\.1 408/);
    expect(state.closedAfterMs).toBeGreaterThanOrEqual(timeouts.requestTimeout - 50);
  });

  it('closes a socket that never sends a thing', async () => {
    const { state } = await rawSocket();
    await eventually(async () => state.closedAfterMs !== null, 10_000);
  });

  it('keeps a live stream open well past the request timeout: it is the answer that lasts, not the request', async () => {
    const token = await inner.token({ sub: 'c1', role: 'customer', org: 'acme' });
    const abort = new AbortController();
    const res = await fetch(`${listener.origin}/trpc/ticket.onChange?${new URLSearchParams({ connectionParams: JSON.stringify({ token }) })}`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const openedAt = Date.now();
    await eventually(async () => Date.now() - openedAt > timeouts.requestTimeout * 2, 10_000);
    await (await inner.callerFor({ sub: 'c1', role: 'customer', org: 'acme' })).ticket.create(NEW_TICKET);
    let text = '';
    while (!text.includes('"kind":"created"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    abort.abort();
    expect(text).toContain('"kind":"created"');
  });

  it('has production defaults far below Node’s (a minute or more)', () => {
    expect(HTTP_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(15_000);
    expect(HTTP_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(60_000);
    expect(HTTP_TIMEOUTS.requestTimeout).toBeGreaterThanOrEqual(HTTP_TIMEOUTS.headersTimeout);
    expect(HTTP_TIMEOUTS.keepAliveTimeout).toBeLessThan(HTTP_TIMEOUTS.headersTimeout);
  });
});

describe('live streams per person', () => {
  let t: TestServer;
  const watchers: Watcher[] = [];
  beforeAll(async () => {
    t = await startServer();
  });
  afterAll(async () => {
    for (const w of watchers) w.stop();
    await t.stop({ removeFile: true });
  });

  it(`are capped at ${MAX_LIVE_STREAMS_PER_PERSON}: one more is refused with a clear error; others are not touched`, async () => {
    const customer = await liveClient(t, 'customerA');
    for (let i = 0; i < MAX_LIVE_STREAMS_PER_PERSON; i++) watchers.push(watch(customer));
    await Promise.all(watchers.map((w) => w.started));
    await eventually(async () => t.server.liveSubscribers() === MAX_LIVE_STREAMS_PER_PERSON);

    const extra = watch(customer);
    const error = await extra.failed;
    extra.stop();
    expect(error.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(error.data?.reason).toEqual({ kind: 'too_many_streams', limit: MAX_LIVE_STREAMS_PER_PERSON });
    expect(error.message).toMatch(/live/);
    expect(t.server.liveSubscribers()).toBe(MAX_LIVE_STREAMS_PER_PERSON);

    // Another person (of the same organisation) has streams of their own.
    const other = watch(await liveClient(t, 'customerA2'));
    watchers.push(other);
    await other.started;
    await eventually(async () => t.server.liveSubscribers() === MAX_LIVE_STREAMS_PER_PERSON + 1);

    // One closed, one may open again.
    watchers.shift()!.stop();
    await eventually(async () => t.server.liveSubscribers() === MAX_LIVE_STREAMS_PER_PERSON);
    const again = watch(customer);
    watchers.push(again);
    await again.started;
    await eventually(async () => t.server.liveSubscribers() === MAX_LIVE_STREAMS_PER_PERSON + 1);
    expect(again.errors).toEqual([]);
  });
});
