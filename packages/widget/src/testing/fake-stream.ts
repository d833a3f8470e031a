// Test support: a change stream that fails on demand. The real server's stream (see
// harness.ts) cannot be made to restart, refuse a token or drop a connection at a chosen
// moment; this EventSource speaks the same wire format (httpSubscriptionLink's server-sent
// events) and does so when the test says.
import type { TicketChange } from '../api/types';

type StreamError = 'UNAUTHORIZED' | 'INTERNAL_SERVER_ERROR';

export class FakeEventSource extends EventTarget {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  /** The `token` connection param the stream was opened with. */
  readonly token: string | null;
  readonly input: unknown;
  private nextId = 1;

  constructor(
    readonly url: string,
    streams: FakeStreams,
  ) {
    super();
    const parsed = new URL(url);
    const params = parsed.searchParams.get('connectionParams');
    this.token = params ? ((JSON.parse(params) as { token?: string }).token ?? null) : null;
    const input = parsed.searchParams.get('input');
    this.input = input ? JSON.parse(input) : undefined;
    streams.all.push(this);
    queueMicrotask(() => {
      if (this.readyState === this.CLOSED) return;
      if (streams.refuse) return this.fail();
      this.readyState = this.OPEN;
      this.dispatchEvent(new MessageEvent('connected', { data: '{}' }));
      // As the server does: `connected` first, then the verdict on the token.
      if (!streams.acceptsToken(this.token)) this.error('UNAUTHORIZED', 'The token has expired.');
    });
  }

  get open(): boolean {
    return this.readyState === this.OPEN;
  }

  send(change: TicketChange) {
    if (!this.open) return;
    const eventId = String(this.nextId++);
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(change), lastEventId: eventId }));
  }

  /** The server failed the stream with a tRPC error and ended the response; the browser would reconnect by itself. */
  error(code: StreamError, message: string) {
    if (!this.open) return;
    this.dispatchEvent(new MessageEvent('serialized-error', { data: JSON.stringify({ message, data: { code } }) }));
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CONNECTING;
    this.dispatchEvent(new Event('error'));
  }

  /** The server went away and the browser gave up on this connection. */
  fail() {
    this.readyState = this.CLOSED;
    this.dispatchEvent(new Event('error'));
  }

  close() {
    this.readyState = this.CLOSED;
  }
}

/** The streams the widget opened, and how the next ones behave. */
export class FakeStreams {
  readonly all: FakeEventSource[] = [];
  /** When set, new streams fail at once (the server is down). */
  refuse = false;
  /** Which tokens a stream accepts; the others are refused with UNAUTHORIZED. */
  acceptsToken: (token: string | null) => boolean = () => true;

  /** The class the widget is given as its `EventSource`. */
  readonly EventSource = (() => {
    const streams = this;
    return class extends FakeEventSource {
      constructor(url: string | URL) {
        super(String(url), streams);
      }
    } as unknown as typeof EventSource;
  })();

  get open(): FakeEventSource[] {
    return this.all.filter((stream) => stream.open);
  }

  push(change: TicketChange) {
    for (const stream of this.all) stream.send(change);
  }

  closeAll() {
    for (const stream of this.all) stream.close();
  }
}

/** An unsigned JWT with these claims: the widget only reads them (the server is not asked). */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: 4102444800, ...claims })}.signature`;
}
