// Test support: a fake tRPC server behind a fake `fetch`, speaking the API's wire format
// (httpBatchLink, plain JSON, no transformer). Components run their real client against it.
import type { Ticket, TicketChange, TicketDetail } from '../api/types';

export type Handler = (input: any, call: { token: string | null }) => unknown;

const CODES: Record<string, [number, number]> = {
  BAD_REQUEST: [-32600, 400],
  UNAUTHORIZED: [-32001, 401],
  FORBIDDEN: [-32003, 403],
  NOT_FOUND: [-32004, 404],
  CONFLICT: [-32009, 409],
  INTERNAL_SERVER_ERROR: [-32603, 500],
};

/** Thrown by a handler to answer with a tRPC error. */
export class ApiError extends Error {
  constructor(
    readonly code: keyof typeof CODES,
    message: string,
    readonly issues: Array<{ path: string; message: string }> | null = null,
    /** The server's `data.reason`, a refusal explained in data. */
    readonly reason: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

export interface Call {
  path: string;
  input: any;
  token: string | null;
  method: string;
}

/**
 * A browser EventSource for `ticket.onChange` (httpSubscriptionLink's wire format): it opens
 * at once, and the test pushes changes with `FakeApi.push`.
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readonly withCredentials = false;
  readyState = 0;
  onopen = null;
  onmessage = null;
  onerror = null;
  /** The `token` connection param the stream was opened with. */
  readonly token: string | null;
  readonly input: unknown;
  private nextId = 1;

  constructor(
    readonly url: string,
    api: FakeApi,
  ) {
    super();
    const parsed = new URL(url, 'http://api.test');
    const params = parsed.searchParams.get('connectionParams');
    this.token = params ? ((JSON.parse(params) as { token?: string }).token ?? null) : null;
    const input = parsed.searchParams.get('input');
    this.input = input ? JSON.parse(input) : undefined;
    api.streams.push(this);
    queueMicrotask(() => {
      if (this.readyState === this.CLOSED) return;
      if (api.refuseStreams) return this.fail();
      this.readyState = this.OPEN;
      this.dispatchEvent(new MessageEvent('connected', { data: '{}' }));
      // As the server does: `connected` first, then the verdict on the token.
      if (!api.acceptsToken(this.token)) this.error('UNAUTHORIZED', 'The token has expired.');
    });
  }

  get open(): boolean {
    return this.readyState === this.OPEN;
  }

  send(change: TicketChange) {
    if (!this.open) return;
    const eventId = String(this.nextId++);
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify({ eventId, ...change }), lastEventId: eventId }));
  }

  /**
   * The server failed the stream with a tRPC error (as it does with UNAUTHORIZED when the token
   * expires) and ended the response; the browser would reconnect by itself.
   */
  error(code: keyof typeof CODES, message: string) {
    if (!this.open) return;
    const [number, httpStatus] = CODES[code]!;
    const data = JSON.stringify({ message, code: number, data: { code, httpStatus, path: 'ticket.onChange', issues: null } });
    this.dispatchEvent(new MessageEvent('serialized-error', { data }));
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

export class FakeApi {
  readonly calls: Call[] = [];
  private readonly handlers = new Map<string, Handler>();
  /** When set, every request fails before reaching the API (offline). */
  offline = false;
  /** Every change stream opened, newest last. */
  readonly streams: FakeEventSource[] = [];
  /** When set, new change streams fail at once (the server is down). */
  refuseStreams = false;
  /** Which tokens a change stream accepts; the others are refused with UNAUTHORIZED. */
  acceptsToken: (token: string | null) => boolean = () => true;

  /** The EventSource class the widget finds on `globalThis`. */
  readonly EventSource = (() => {
    const api = this;
    return class extends FakeEventSource {
      constructor(url: string | URL) {
        super(String(url), api);
      }
    };
  })();

  /** Pushes a change to every open stream. */
  push(change: Partial<TicketChange> & { ticketId: string }) {
    for (const stream of this.streams) stream.send({ kind: 'replied', at: new Date().toISOString(), orgId: 'org-1', ...change });
  }

  get openStreams(): FakeEventSource[] {
    return this.streams.filter((stream) => stream.open);
  }

  on(path: string, handler: Handler): this {
    this.handlers.set(path, handler);
    return this;
  }

  callsTo(path: string): Call[] {
    return this.calls.filter((call) => call.path === path);
  }

  readonly fetch = async (url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
    const parsed = new URL(href, 'http://api.test');
    const paths = decodeURIComponent(parsed.pathname.replace(/^.*\/trpc\//, '')).split(',');
    const method = (init.method ?? 'GET').toUpperCase();
    const raw = method === 'GET' ? parsed.searchParams.get('input') : (init.body as string | null);
    const inputs = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const headers = new Headers(init.headers);
    const token = headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null;
    const results = await Promise.all(
      paths.map(async (path, index) => {
        const input = inputs[String(index)];
        this.calls.push({ path, input, token, method });
        const handler = this.handlers.get(path);
        try {
          if (!handler) throw new ApiError('NOT_FOUND', `No procedure ${path}`);
          return { result: { data: await handler(input, { token }) } };
        } catch (error) {
          const e = error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', String(error));
          const [code, httpStatus] = CODES[e.code] ?? [-32603, 500];
          return { error: { message: e.message, code, data: { code: e.code, httpStatus, path, issues: e.issues, reason: e.reason } } };
        }
      }),
    );
    const failed = results.filter((r) => 'error' in r).length;
    const status = failed === 0 ? 200 : failed === results.length && results.length === 1 ? (results[0] as any).error.data.httpStatus : 207;
    return new Response(JSON.stringify(results), { status, headers: { 'content-type': 'application/json' } });
  };
}

/** An unsigned JWT with these claims: the widget only reads them. */
export function fakeToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: 4102444800, ...claims })}.signature`;
}

export const CUSTOMER = { sub: 'cust-1', role: 'customer', org: 'org-1', name: 'Ava' } as const;
export const ADMIN = { sub: 'admin-1', role: 'org_admin', org: 'org-1', name: 'Anna' } as const;
export const AGENT = { sub: 'agent-1', role: 'agent', name: 'Sara' } as const;

const HOUR = 3_600_000;
let counter = 0;

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  counter += 1;
  const now = Date.now();
  return {
    id: `t-${counter}`,
    orgId: 'org-1',
    subject: `Ticket ${counter}`,
    category: 'technical',
    priority: 'normal',
    status: 'awaiting_response',
    createdBy: CUSTOMER.sub,
    createdByName: CUSTOMER.name,
    assigneeId: null,
    createdAt: new Date(now - 2 * HOUR).toISOString(),
    updatedAt: new Date(now - 1 * HOUR).toISOString(),
    dueAt: new Date(now + 3 * HOUR).toISOString(),
    sla: 'on_track',
    timeLeftMinutes: 180,
    autoCloseAt: null,
    closedAt: null,
    closedBy: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<TicketDetail> = {}): TicketDetail {
  const base = ticket(overrides);
  return {
    messages: [
      {
        id: `${base.id}-m1`,
        authorId: CUSTOMER.sub,
        authorName: CUSTOMER.name,
        authorRole: 'customer',
        visibility: 'public',
        body: 'The VM does not boot.',
        createdAt: base.createdAt,
      },
    ],
    events: [
      { id: 1, kind: 'created', actor: 'customer', actorId: CUSTOMER.sub, actorName: CUSTOMER.name, from: null, to: 'awaiting_response', at: base.createdAt },
    ],
    ...overrides,
    ...base,
  };
}

export const DEVELOPER_ORG = {
  id: 'org-1',
  name: 'Acme',
  plan: { id: 'developer', responseMinutes: { normal: 1440, low: 2880 }, hours: 'business' },
  availablePriorities: ['normal', 'low'],
} as const;

export const ENTERPRISE_ORG = {
  id: 'org-1',
  name: 'Acme',
  plan: {
    id: 'enterprise',
    responseMinutes: { critical: 30, urgent: 60, high: 240, normal: 720, low: 1440 },
    hours: '24/7',
  },
  availablePriorities: ['critical', 'urgent', 'high', 'normal', 'low'],
} as const;

export const AGENT_2 = { sub: 'agent-2', role: 'agent', name: 'Reza' } as const;

/** An organisation as `org.list` gives it. */
export function orgSummary(overrides: Partial<{ id: string; name: string; planId: string; openTickets: number }> = {}) {
  return { id: 'org-1', name: 'Acme', planId: 'developer', openTickets: 1, ...overrides };
}

/** A business-hours explanation: 8 h of Tehran office hours over two days. */
export function explanation(overrides: Record<string, unknown> = {}) {
  return {
    policy: { planId: 'developer', priority: 'normal', targetMinutes: 480, hours: 'business', calendar: null },
    startedAt: '2026-05-19T12:30:00.000Z',
    dueAt: '2026-05-20T09:30:00.000Z',
    timeZone: 'Asia/Tehran',
    periods: [
      { start: '2026-05-19T12:30:00.000Z', end: '2026-05-19T13:30:00.000Z', minutes: 60 },
      { start: '2026-05-20T05:30:00.000Z', end: '2026-05-20T09:30:00.000Z', minutes: 240 },
    ],
    summary: 'Developer plan, normal priority: 8 h of business hours (Asia/Tehran, Sat–Wed 09:00–17:00) from 2026-05-19 16:00 to 2026-05-20 13:00, counted over 2 working periods',
    ...overrides,
  };
}
