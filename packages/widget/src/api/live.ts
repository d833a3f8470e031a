import { tokenExpiresAt } from './session';
import type { TicketChange } from './types';

/** Who hears the changes `ticket.onChange` pushes. */
export interface ChangeListener {
  /** A change to a ticket the person may see. */
  change(change: TicketChange): void;
  /** The stream came back after a gap: anything may have changed meanwhile. */
  resync(): void;
}

export interface FollowOptions {
  /** The subscription's URL without query: `${apiUrl}/trpc/ticket.onChange`. */
  url: string;
  tokens: { current(): Promise<string | null>; refresh(): Promise<string | null> };
  listener: ChangeListener;
  /** The page's `EventSource` unless another is given. */
  EventSource?: typeof EventSource | undefined;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;
/** A token this close to its expiry is renewed before the stream reconnects with it. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Follows `ticket.onChange` until the returned function is called. It speaks the wire format
 * of tRPC's `httpSubscriptionLink` (server-sent events: `connected` with the server's client
 * options, `message` with a tracked id, `ping`, `serialized-error`, `return`; the token in
 * `connectionParams`, since EventSource cannot send headers) in a fraction of the link's size,
 * which matters in a widget every customer downloads.
 *
 * The browser retries a dropped connection by itself (same URL, and `Last-Event-ID`, so the
 * server resumes). When it gives up (the server answered an error: it restarted, or refused an
 * expired token), when the server ends the stream (as it does when the token expires), or when
 * nothing (not even a ping) arrived for the server's `reconnectAfterInactivityMs`, this opens a
 * new one after a growing pause, with the token read anew (renewed first when it expired or the
 * server refused it) and `lastEventId` to resume from. Every start after the first is also a
 * resync, in case the server could not resume.
 */
export function followChanges({ url, tokens, listener, EventSource = globalThis.EventSource }: FollowOptions): () => void {
  // No EventSource (an old browser, a server-side render): the widget works without live updates.
  if (typeof EventSource === 'undefined') return () => {};
  let stopped = false;
  let started = false;
  let failures = 0;
  let lastEventId: string | null = null;
  /** The token the server last refused (UNAUTHORIZED): never offered to it again. */
  let refused: string | null = null;
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let idleMs = 0;

  const alive = () => {
    clearTimeout(idleTimer);
    if (idleMs > 0) idleTimer = setTimeout(() => drop(), idleMs);
  };

  const drop = () => {
    clearTimeout(idleTimer);
    source?.close();
    source = null;
    if (!stopped) retryTimer = setTimeout(() => void open(), Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++) * (0.75 + Math.random() / 2));
  };

  const open = async () => {
    let token = await tokens.current();
    const expiresAt = token ? tokenExpiresAt(token) : null;
    const expiring = !token || (expiresAt !== null && expiresAt - EXPIRY_MARGIN_MS < Date.now());
    if ((token !== null && token === refused) || (failures > 0 && expiring)) {
      token = (await tokens.refresh()) ?? token;
    }
    if (stopped) return;
    // The host has no new token yet: ask again after the pause rather than be refused again.
    if (token !== null && token === refused) return drop();
    const input = lastEventId ? `input=${encodeURIComponent(JSON.stringify({ lastEventId }))}&` : '';
    const params = encodeURIComponent(JSON.stringify({ token: token ?? '' }));
    const stream = (source = new EventSource(`${url}?${input}connectionParams=${params}`));
    const on = (type: string, handle: (event: MessageEvent<string>) => void) =>
      stream.addEventListener(type, (event) => {
        if (source !== stream) return;
        alive();
        handle(event as MessageEvent<string>);
      });
    // `connected` comes before the server checks the token, so only a change or a ping shows
    // the stream works: until then a refused token keeps the pauses growing.
    on('connected', (event) => {
      idleMs = Number((JSON.parse(event.data || '{}') as { reconnectAfterInactivityMs?: unknown }).reconnectAfterInactivityMs) || 0;
      alive();
      if (started) listener.resync();
      started = true;
    });
    on('message', (event) => {
      failures = 0;
      if (event.lastEventId) lastEventId = event.lastEventId;
      listener.change(JSON.parse(event.data) as TicketChange);
    });
    on('ping', () => (failures = 0));
    on('serialized-error', (event) => {
      if (errorCode(event.data) === 'UNAUTHORIZED') refused = token;
      drop();
    });
    on('return', drop);
    stream.addEventListener('error', () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up; so do we, then start over.
      if (source === stream && stream.readyState === stream.CLOSED) drop();
    });
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(idleTimer);
    source?.close();
    source = null;
  };
}

/** The tRPC code of a `serialized-error` event's error shape (`{ message, code, data: { code } }`). */
function errorCode(data: string): string | null {
  try {
    const code = (JSON.parse(data) as { data?: { code?: unknown } } | null)?.data?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}
