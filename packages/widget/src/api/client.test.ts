import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, installFetch } from '../testing/dom';
import { ApiError, FakeApi } from '../testing/fake-api';
import { createApi } from './client';
import type { SupportTicketsError } from './errors';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi();
  installFetch(api);
});
afterEach(cleanup);

function client(initial: string, refresh: () => Promise<string | null>) {
  let token = initial;
  const errors: SupportTicketsError[] = [];
  const refreshSpy = vi.fn(async () => {
    const next = await refresh();
    if (next) token = next;
    return next;
  });
  const support = createApi({
    url: 'http://api.test/',
    tokens: { current: async () => token, refresh: refreshSpy },
    onError: (error) => errors.push(error),
  });
  return { support, errors, refreshSpy };
}

describe('API client', () => {
  it('sends the bearer token to /trpc and returns the data', async () => {
    api.on('org.get', () => ({ id: 'o', name: 'Acme' }));
    const { support } = client('tok-1', async () => null);
    await expect(support.getOrg()).resolves.toMatchObject({ name: 'Acme' });
    expect(api.calls[0]).toMatchObject({ path: 'org.get', token: 'tok-1', method: 'GET' });
  });

  it('refreshes once for calls failing together, and retries each once', async () => {
    api.on('ticket.list', (_input, { token }) => {
      if (token !== 'fresh') throw new ApiError('UNAUTHORIZED', 'expired');
      return { items: [], nextCursor: null };
    });
    const { support, refreshSpy, errors } = client('old', async () => 'fresh');
    await Promise.all([support.listTickets({}), support.listTickets({ status: 'closed' })]);
    expect(refreshSpy).toHaveBeenCalledTimes(1);
    expect(api.callsTo('ticket.list').map((c) => c.token)).toEqual(['old', 'old', 'fresh', 'fresh']);
    expect(errors).toEqual([]);
  });

  it('gives up after one retry and reports the error once', async () => {
    api.on('ticket.list', () => {
      throw new ApiError('UNAUTHORIZED', 'still expired');
    });
    const { support, refreshSpy, errors } = client('old', async () => 'also-bad');
    await expect(support.listTickets({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refreshSpy).toHaveBeenCalledTimes(1);
    expect(api.callsTo('ticket.list')).toHaveLength(2);
    expect(errors.map((e) => e.code)).toEqual(['UNAUTHORIZED']);
  });

  it('does not report a call its caller abandoned', async () => {
    api.on('ticket.list', () => new Promise((resolve) => setTimeout(() => resolve({ items: [], nextCursor: null }), 50)));
    const { support, errors } = client('tok', async () => null);
    const controller = new AbortController();
    const pending = support.listTickets({}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeDefined();
    expect(errors).toEqual([]);
  });

  it('sends mutations as POST with the input', async () => {
    api.on('ticket.reply', (input) => ({ id: input.id, messages: [], events: [] }));
    const { support } = client('tok', async () => null);
    await support.reply('t-1', 'hello\nthere');
    expect(api.calls[0]).toMatchObject({ method: 'POST', path: 'ticket.reply', input: { id: 't-1', body: 'hello\nthere' } });
  });
});
