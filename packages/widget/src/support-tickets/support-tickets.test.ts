import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, cleanup, installFetch, text } from '../testing/dom';
import { AGENT, ApiError, CUSTOMER, DEVELOPER_ORG, FakeApi, fakeToken, ticket } from '../testing/fake-api';
import type { SupportTickets } from './support-tickets';

let api: FakeApi;

beforeEach(() => {
  api = new FakeApi()
    .on('ticket.list', () => ({ items: [ticket({ subject: 'Disk is full' })], nextCursor: null }))
    .on('org.get', () => DEVELOPER_ORG);
  installFetch(api);
});
afterEach(cleanup);

async function render(attrs: Record<string, string>, props: Partial<SupportTickets> = {}) {
  const el = document.createElement('support-tickets');
  el.setAttribute('api-url', 'http://api.test');
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
    expect(api.calls).toHaveLength(0);
  });

  it('says so when the token cannot be read', async () => {
    const el = await render({ lang: 'en', token: 'not-a-jwt' });
    expect($(el, '[role="alert"]')?.textContent).toContain('could not be read');
  });

  it('shows a customer their tickets, with the bearer token', async () => {
    const token = fakeToken(CUSTOMER);
    const el = await render({ lang: 'en', token });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
    expect($(el, 'support-tickets-customer')).not.toBeNull();
    expect(api.callsTo('ticket.list')[0]?.token).toBe(token);
  });

  it('loads the agent workspace on demand and shows the queue of every organisation, most urgent first', async () => {
    // Agents' rows name the organisation and its plan.
    api.on('ticket.list', () => ({ items: [ticket({ subject: 'Disk is full', orgName: 'Acme', orgPlan: 'developer' })], nextCursor: null }));
    const el = await render({ lang: 'en', token: fakeToken(AGENT) });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
    expect($(el, 'support-tickets-agent')).not.toBeNull();
    expect(text(el)).toContain('Support queue');
    await vi.waitFor(() => expect(text(el)).toContain('Acme'));
    expect(api.callsTo('ticket.list')[0]?.input).toMatchObject({ sort: 'due' });
  });

  it('follows ticket.onChange while on the page, the token in the connection params, and stops when removed', async () => {
    const token = fakeToken(CUSTOMER);
    const el = await render({ lang: 'en', token });
    await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
    const stream = api.openStreams[0]!;
    expect(stream.url).toMatch(/^http:\/\/api\.test\/trpc\/ticket\.onChange\?/);
    expect(stream.token).toBe(token);
    api.on('ticket.list', () => ({ items: [ticket({ subject: 'Arrived live' })], nextCursor: null }));
    api.push({ ticketId: 't-new', kind: 'created' });
    await vi.waitFor(() => expect(text(el)).toContain('Arrived live'));
    el.remove();
    expect(stream.readyState).toBe(stream.CLOSED);
    expect(api.openStreams).toHaveLength(0);
  });

  it('opens the stream again when the server drops it, with the token read anew, and refreshes what is shown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = fakeToken({ ...CUSTOMER, exp: Math.floor(Date.now() / 1000) + 3600 });
      const el = await render({ lang: 'en', token: first });
      await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
      const second = fakeToken({ ...CUSTOMER, exp: Math.floor(Date.now() / 1000) + 7200 });
      el.token = second; // the host refreshed it meanwhile (same person: nothing starts over)
      await el.updateComplete;
      const lists = api.callsTo('ticket.list').length;
      api.refuseStreams = true;
      api.openStreams[0]!.fail(); // the server restarted
      await vi.advanceTimersByTimeAsync(2_000);
      expect(api.streams.length).toBeGreaterThanOrEqual(2);
      api.refuseStreams = false;
      await vi.advanceTimersByTimeAsync(5_000);
      await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
      expect(api.openStreams[0]!.token).toBe(second);
      await vi.advanceTimersByTimeAsync(500);
      await vi.waitFor(() => expect(api.callsTo('ticket.list').length).toBeGreaterThan(lists));
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the server ends the stream because the token expired, asks getToken for a new one, reconnects with it and refreshes what is shown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = fakeToken({ ...CUSTOMER, exp: Math.floor(Date.now() / 1000) + 3600 });
      const fresh = fakeToken({ ...CUSTOMER, exp: Math.floor(Date.now() / 1000) + 7200 });
      const getToken = vi.fn(async () => fresh);
      const el = await render({ lang: 'en', token: first }, { getToken });
      await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
      await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
      api.on('ticket.list', () => ({ items: [ticket({ subject: 'Changed meanwhile' })], nextCursor: null }));
      api.openStreams[0]!.error('UNAUTHORIZED', 'The token has expired; reconnect with a new one.');
      await vi.advanceTimersByTimeAsync(2_000);
      expect(getToken).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(api.openStreams).toHaveLength(1));
      expect(api.openStreams[0]!.token).toBe(fresh);
      await vi.advanceTimersByTimeAsync(500);
      await vi.waitFor(() => expect(text(el)).toContain('Changed meanwhile'));
      expect(api.callsTo('ticket.list').at(-1)?.token).toBe(fresh);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders Persian right-to-left by default, English left-to-right on request', async () => {
    const el = await render({ token: fakeToken(CUSTOMER) });
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
    const expired = fakeToken({ ...CUSTOMER, exp: 1 });
    const fresh = fakeToken(CUSTOMER);
    api.on('ticket.list', (_input, { token }) => {
      if (token !== fresh) throw new ApiError('UNAUTHORIZED', 'The token has expired.');
      return { items: [ticket({ subject: 'After refresh' })], nextCursor: null };
    });
    const getToken = vi.fn(async () => fresh);
    const el = await render({ lang: 'en', token: expired }, { getToken });
    await vi.waitFor(() => expect(text(el)).toContain('After refresh'));
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(api.callsTo('ticket.list').map((c) => c.token)).toEqual([expired, fresh]);
  });

  it('uses getToken when there is no token attribute', async () => {
    const el = await render({ lang: 'en' }, { getToken: async () => fakeToken(CUSTOMER) });
    await vi.waitFor(() => expect(text(el)).toContain('Disk is full'));
  });

  it('reports an expired session and fires support-error when no new token comes', async () => {
    api.on('ticket.list', () => {
      throw new ApiError('UNAUTHORIZED', 'The token has expired.');
    });
    const errors: CustomEvent[] = [];
    document.addEventListener('support-error', (e) => errors.push(e));
    const el = await render({ lang: 'en', token: fakeToken(CUSTOMER) });
    await vi.waitFor(() => expect(text(el)).toContain('Your session has expired'));
    expect(errors[0]?.detail.error.code).toBe('UNAUTHORIZED');
    expect(errors[0]?.composed).toBe(true);
    expect(errors[0]?.target).toBe(el);
  });

  it('starts over when the host hands it another person’s token', async () => {
    const el = await render({ lang: 'en', token: fakeToken(CUSTOMER) });
    await vi.waitFor(() => expect($(el, 'support-tickets-customer')).not.toBeNull());
    el.token = fakeToken(AGENT);
    await el.updateComplete;
    await vi.waitFor(() => expect($(el, 'support-tickets-agent')).not.toBeNull());
    expect($(el, 'support-tickets-customer')).toBeNull();
  });

  it('survives the script being loaded twice', async () => {
    await expect(import('../index')).resolves.toBeDefined();
    expect(customElements.get('support-tickets')).toBeDefined();
  });
});
