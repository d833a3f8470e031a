import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { failingFetch, type Failure, type ProcedurePath } from '../testing/failures';
import { abortable, CUSTOMER, startHarness, type Harness } from '../testing/harness';
import { createApi } from './client';
import type { SupportTicketsError } from './errors';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** The widget's API over the server, recording what it sent; `refresh` stands for the host's getToken. */
function client(initial: string, refresh: () => Promise<string | null>, fetch = abortable(h.server.fetch)) {
  let token = initial;
  const errors: SupportTicketsError[] = [];
  const sent: Array<{ path: string; method: string; token: string | null; body: string | null }> = [];
  const recording: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const auth = new Headers(init?.headers).get('authorization');
    sent.push({ path: url.pathname.replace('/trpc/', ''), method: init?.method ?? 'GET', token: auth?.replace(/^Bearer /, '') ?? null, body: (init?.body as string) ?? null });
    return fetch(input, init);
  };
  const refreshSpy = vi.fn(async () => {
    const next = await refresh();
    if (next) token = next;
    return next;
  });
  const support = createApi({ url: 'http://support.test/', tokens: { current: async () => token, refresh: refreshSpy }, onError: (e) => errors.push(e), fetch: recording });
  return { support, errors, refreshSpy, sent };
}

describe('API client', () => {
  it('sends the bearer token to /trpc and returns the data', async () => {
    const token = await h.server.token(CUSTOMER);
    const { support, sent } = client(token, async () => null);
    await expect(support.getOrg()).resolves.toMatchObject({ id: CUSTOMER.org, name: 'Acme' });
    expect(sent[0]).toMatchObject({ path: 'org.get', token, method: 'GET' });
  });

  it('refreshes once for calls failing together, and retries each once', async () => {
    const expired = await h.server.token({ ...CUSTOMER, exp: 1 });
    const fresh = await h.server.token(CUSTOMER);
    const { support, refreshSpy, errors, sent } = client(expired, async () => fresh);
    await Promise.all([support.listTickets({}), support.listTickets({ status: 'closed' })]);
    expect(refreshSpy).toHaveBeenCalledTimes(1);
    expect(sent.map((c) => c.token)).toEqual([expired, expired, fresh, fresh]);
    expect(errors).toEqual([]);
  });

  it('gives up after one retry and reports the error once', async () => {
    const expired = await h.server.token({ ...CUSTOMER, exp: 1 });
    const { support, refreshSpy, errors, sent } = client(expired, async () => 'also-bad');
    await expect(support.listTickets({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refreshSpy).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(2);
    expect(errors.map((e) => e.code)).toEqual(['UNAUTHORIZED']);
  });

  it('calls a request that never reached the API a network error, and a server failure by its code', async () => {
    const failing = new Map<ProcedurePath, Failure>([['ticket.list', 'offline']]);
    const { support, errors } = client(await h.server.token(CUSTOMER), async () => null, failingFetch(h.server.fetch, failing));
    await expect(support.listTickets({})).rejects.toMatchObject({ code: 'NETWORK', procedure: 'ticket.list' });
    failing.set('ticket.list', { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'Something went wrong on our side.' });
    await expect(support.listTickets({})).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(errors.map((e) => e.code)).toEqual(['NETWORK', 'INTERNAL_SERVER_ERROR']);
  });

  it('does not report a call its caller abandoned', async () => {
    const { support, errors } = client(await h.server.token(CUSTOMER), async () => null);
    const controller = new AbortController();
    const pending = support.listTickets({}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeDefined();
    expect(errors).toEqual([]);
  });

  it('sends mutations as POST with the input, and keeps what the server refused in data', async () => {
    const { support, sent } = client(await h.server.token(CUSTOMER), async () => null);
    const ticket = await support.createTicket({ subject: 'VM down', body: 'hello\nthere', category: 'technical' });
    expect(sent.at(-1)).toMatchObject({ method: 'POST', path: 'ticket.create' });
    expect(JSON.parse(sent.at(-1)!.body!)).toEqual({ subject: 'VM down', body: 'hello\nthere', category: 'technical' });
    await support.close(ticket.id);
    await expect(support.reply(ticket.id, 'again')).rejects.toMatchObject({ code: 'CONFLICT', reason: { kind: 'ticket_closed' } });
    await expect(support.createTicket({ subject: ' ', body: 'x', category: 'technical' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'subject', textProblem: { code: 'empty', max: 200 } }],
    });
  });
});
