import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, text } from '../testing/dom';
import { FakeStreams } from '../testing/fake-stream';
import { abortable, AGENT, CUSTOMER, eventSourceOver, openTicket, startHarness, type Harness } from '../testing/harness';
import type { SupportTickets } from './support-tickets';

let h: Harness;
/** The paths the widget asked the API for, with the token it sent. */
let requests: Array<{ path: string; token: string | null; input: string | null }>;

beforeEach(async () => {
  // The element reads the real clock: so does this server.
  h = await startHarness(new Date().toISOString());
  requests = [];
  const fetch = abortable(h.server.fetch);
  vi.stubGlobal('fetch', ((input, init) => {
    const url = new URL(String(input));
    const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? null;
    requests.push({ path: url.pathname.replace('/trpc/', ''), token, input: url.searchParams.get('input') });
    return fetch(input, init);
  }) satisfies typeof globalThis.fetch);
  vi.stubGlobal('EventSource', eventSourceOver(h.server.fetch));
});
afterEach(async () => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  await h.close();
});

const calls = (path: string) => requests.filter((request) => request.path === path);

async function render(attrs: Record<string, string>, props: Partial<SupportTickets> = {}) {
  const el = document.createElement('support-tickets');
  el.setAttribute('api-url', 'http://support.test');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('<support-tickets>', () => {
  it('asks to sign in when it has no token', async () => {
    const el = await render({ lang: 'en' });
    expect(text(el)).toContain('Sign in to see your support tickets.');
    expect(requests).toHaveLength(0);
  });

  it('says so when the token cannot be read', async () => {
    const el = await render({ lang: 'en', token: 'not-a-jwt' });
    expect($(el, '[role="alert"]')?.textContent).toContain('could not be read');
  });

  it('shows a customer their tickets, with the bearer token', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Disk is full' });
    const token = await h.server.token(CUSTOMER);
    const el = await render({ lang: 'en', token });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
    expect($(el, 'support-tickets-customer')).not.toBeNull();
    expect(calls('ticket.list')[0]?.token).toBe(token);
  });

  it('loads the agent workspace on demand and shows the queue of every organisation, most urgent first', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Disk is full' });
    const el = await render({ lang: 'en', token: await h.server.token(AGENT) });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
    expect($(el, 'support-tickets-agent')).not.toBeNull();
    expect(text(el)).toContain('Support queue');
    // Agents' rows name the organisation and its plan.
    await vi.waitFor(() => expect(text($(el, 'support-tickets-agent', 'support-tickets-queue', '.row'))).toContain('Acme'));
    expect(JSON.parse(calls('ticket.list')[0]!.input!)).toMatchObject({ sort: 'due' });
  });

  it('follows ticket.onChange while on the page, and shows what changed', async () => {
    const el = await render({ lang: 'en', token: await h.server.token(CUSTOMER) });
    await vi.waitFor(() => expect(text(el)).toContain('No tickets yet'));
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    await openTicket(await h.as(CUSTOMER), { subject: 'Arrived live' });
    await vi.waitFor(() => expect(text(el)).toContain('Arrived live'));
    el.remove();
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(0));
  });

  it('renders Persian right-to-left by default, English left-to-right on request', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Disk is full' });
    const el = await render({ token: await h.server.token(CUSTOMER) });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
    const base = $(el, '[part="base"]');
    expect(el.getAttribute('lang')).toBe('fa');
    expect(base?.getAttribute('dir')).toBe('rtl');
    expect(text(el)).toContain('تیکت‌های شما');
    expect(text(el)).toContain('منتظر پاسخ');
    expect(text(el)).toMatch(/[۰-۹]/);

    el.lang = 'en';
    await el.updateComplete;
    await vi.waitFor(() => expect(text(el)).toContain('Your tickets'));
    expect(base?.getAttribute('dir')).toBe('ltr');
    expect(text(el)).toContain('Awaiting response');
    expect(text(el)).not.toMatch(/[۰-۹]/);
  });

  it('asks the host for a new token once when the API says UNAUTHORIZED, and retries', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'After refresh' });
    const expired = await h.server.token({ ...CUSTOMER, exp: 1 });
    const fresh = await h.server.token(CUSTOMER);
    const getToken = vi.fn(async () => fresh);
    const el = await render({ lang: 'en', token: expired }, { getToken });
    await vi.waitFor(() => expect(text(el)).toContain('After refresh'));
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(calls('ticket.list').map((c) => c.token)).toEqual([expired, fresh]);
  });

  it('uses getToken when there is no token attribute', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Disk is full' });
    const token = await h.server.token(CUSTOMER);
    const el = await render({ lang: 'en' }, { getToken: async () => token });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
  });

  it('reports an expired session and fires support-error when no new token comes', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('support-error', (e) => errors.push(e));
    const el = await render({ lang: 'en', token: await h.server.token({ ...CUSTOMER, exp: 1 }) });
    await vi.waitFor(() => expect(text(el)).toContain('Your session has expired'));
    expect(errors[0]?.detail.error.code).toBe('UNAUTHORIZED');
    expect(errors[0]?.composed).toBe(true);
    expect(errors[0]?.target).toBe(el);
  });

  it('starts over when the host hands it another person’s token', async () => {
    const el = await render({ lang: 'en', token: await h.server.token(CUSTOMER) });
    await vi.waitFor(() => expect($(el, 'support-tickets-customer')).not.toBeNull());
    el.token = await h.server.token(AGENT);
    await el.updateComplete;
    await vi.waitFor(() => expect($(el, 'support-tickets-agent')).not.toBeNull());
    expect($(el, 'support-tickets-customer')).toBeNull();
  });

  it('survives the script being loaded twice', async () => {
    await expect(import('../index')).resolves.toBeDefined();
    expect(customElements.get('support-tickets')).toBeDefined();
  });
});

// The stream failing at chosen moments: the server restarting, or ending a stream whose token
// expired. The widget waits a second or more before it reconnects: these tests wait for it.
describe('<support-tickets> when its change stream fails', () => {
  const reconnected = { timeout: 10_000 };
  let streams: FakeStreams;
  beforeEach(() => {
    streams = new FakeStreams();
    vi.stubGlobal('EventSource', streams.EventSource);
  });
  afterEach(() => streams.closeAll());

  // Tokens expire by the real clock, the server's and the widget's alike.
  const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

  it('opens the stream again when the server drops it, with the token read anew, and refreshes what is shown', async () => {
    const first = await h.server.token({ ...CUSTOMER, exp: inSeconds(3600) });
    const el = await render({ lang: 'en', token: first });
    await vi.waitFor(() => expect(streams.open).toHaveLength(1));
    const second = await h.server.token({ ...CUSTOMER, exp: inSeconds(7200) });
    el.token = second; // the host refreshed it meanwhile (same person: nothing starts over)
    await el.updateComplete;
    await vi.waitFor(() => expect(calls('ticket.list')).toHaveLength(1));
    streams.refuse = true;
    streams.open[0]!.fail(); // the server restarted
    await vi.waitFor(() => expect(streams.all.length).toBeGreaterThanOrEqual(2), reconnected);
    streams.refuse = false;
    await vi.waitFor(() => expect(streams.open).toHaveLength(1), reconnected);
    expect(streams.open[0]!.token).toBe(second);
    await vi.waitFor(() => expect(calls('ticket.list').length).toBeGreaterThan(1));
  });

  it('when the server ends the stream because the token expired, asks getToken for a new one, reconnects with it and refreshes what is shown', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Disk is full' });
    const first = await h.server.token({ ...CUSTOMER, exp: inSeconds(3600) });
    const fresh = await h.server.token({ ...CUSTOMER, exp: inSeconds(7200) });
    const getToken = vi.fn(async () => fresh);
    const el = await render({ lang: 'en', token: first }, { getToken });
    await vi.waitFor(() => expect(streams.open).toHaveLength(1));
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
    await openTicket(await h.as(CUSTOMER), { subject: 'Changed meanwhile' });
    streams.open[0]!.error('UNAUTHORIZED', 'The token has expired; reconnect with a new one.');
    await vi.waitFor(() => expect(streams.open).toHaveLength(1), reconnected);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(streams.open[0]!.token).toBe(fresh);
    await vi.waitFor(() => expect(text(el)).toContain('Changed meanwhile'));
    expect(calls('ticket.list').at(-1)?.token).toBe(fresh);
  });
});
