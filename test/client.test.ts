import { createSupportClient, TRPCClientError } from '@support-tickets/client';
import { signToken } from '@support-tickets/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watch } from './helpers/live';
import { NEW_TICKET, PEOPLE, SECRET, startServer, type TestServer } from './helpers/server';

// @support-tickets/client against a real server: what a host back-end does with it.

let t: TestServer;

beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop({ removeFile: true }));

describe('createSupportClient', () => {
  it('creates, lists, replies and reads a ticket, typed end to end', async () => {
    const support = createSupportClient({ url: t.origin, token: await t.token('customerA') });
    const created = await support.ticket.create.mutate({ ...NEW_TICKET, subject: 'From the client package' });
    expect(created).toMatchObject({ subject: 'From the client package', status: 'awaiting_response', createdBy: PEOPLE.customerA.sub });
    expect(typeof created.dueAt).toBe('string');

    const { items, nextCursor } = await support.ticket.list.query({ limit: 100 });
    expect(items.map((i) => i.id)).toContain(created.id);
    expect(nextCursor).toBeNull();

    const replied = await support.ticket.reply.mutate({ id: created.id, body: 'More detail.' });
    expect(replied.messages.map((m) => m.body)).toEqual([NEW_TICKET.body, 'More detail.']);
    const read = await support.ticket.get.query({ id: created.id });
    expect(read.events.map((e) => e.kind)).toEqual(['created', 'replied']);
  });

  it('takes the endpoint URL too, and batches parallel calls into one request', async () => {
    let requests = 0;
    const support = createSupportClient({
      url: `${t.origin}/trpc/`,
      token: await t.token('customerA'),
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const [plans, org] = await Promise.all([support.plan.list.query(), support.org.get.query()]);
    expect(plans.map((p) => p.id)).toEqual(['enterprise', 'sme', 'business', 'developer']);
    expect(org.id).toBe('org-a');
    expect(requests).toBe(1);
  });

  it('asks getToken for every request, so a refreshed token is used at once', async () => {
    const tokens = [await t.token('customerA'), await t.token('customerA2')];
    let calls = 0;
    const support = createSupportClient({ url: t.origin, getToken: async () => tokens[Math.min(calls++, 1)]! });
    const first = await support.ticket.create.mutate(NEW_TICKET);
    const second = await support.ticket.create.mutate(NEW_TICKET);
    expect(calls).toBe(2);
    expect([first.createdBy, second.createdBy]).toEqual([PEOPLE.customerA.sub, PEOPLE.customerA2.sub]);
  });

  it('fails with TRPCClientError carrying the tRPC code and a message for people', async () => {
    const customer = createSupportClient({ url: t.origin, token: await t.token('customerB') });
    const theirs = await createSupportClient({ url: t.origin, token: await t.token('customerA') }).ticket.create.mutate(NEW_TICKET);

    const cases: Array<[Promise<unknown>, string]> = [
      [customer.ticket.get.query({ id: theirs.id }), 'NOT_FOUND'],
      [customer.ticket.accept.mutate({ id: theirs.id }), 'FORBIDDEN'],
      [customer.ticket.create.mutate({ ...NEW_TICKET, subject: '' }), 'BAD_REQUEST'],
      [createSupportClient({ url: t.origin, token: 'garbage' }).ticket.list.query(), 'UNAUTHORIZED'],
    ];
    for (const [call, code] of cases) {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCClientError);
      const trpcError = error as TRPCClientError<any>;
      expect(trpcError.data?.code).toBe(code);
      expect(trpcError.message.length).toBeGreaterThan(5);
    }
    const invalid = (await customer.ticket.create.mutate({ ...NEW_TICKET, subject: '' }).catch((e: unknown) => e)) as TRPCClientError<any>;
    expect(invalid.data?.issues).toEqual([{ path: 'subject', message: expect.any(String), textProblem: { code: 'empty', max: 200 } }]);
  });

  it('receives live changes over server-sent events, with the token sent on (re)connection', async () => {
    let tokenCalls = 0;
    const token = await t.token('customerA');
    const support = createSupportClient({ url: t.origin, getToken: () => (tokenCalls++, token) });
    const ticket = await support.ticket.create.mutate(NEW_TICKET);
    const callsBefore = tokenCalls;
    const w = watch(support, { id: ticket.id });
    await w.started;
    expect(tokenCalls).toBeGreaterThan(callsBefore); // connection params and the stream's own header
    const agent = createSupportClient({ url: t.origin, token: await t.token('agent') });
    await agent.ticket.reply.mutate({ id: ticket.id, body: 'Looking into it.' });
    const changes = await w.until((c) => c.some((x) => x.data.kind === 'status_changed'));
    w.stop();
    expect(changes.map((c) => c.data.kind)).toEqual(['assigned', 'replied', 'status_changed']);
    expect(changes.every((c) => c.data.ticketId === ticket.id)).toBe(true);
  });

  it('reports an expired token on the stream as UNAUTHORIZED', async () => {
    const expired = await signToken(SECRET, { ...PEOPLE.customerA, exp: Math.floor(Date.now() / 1000) - 5 });
    const w = watch(createSupportClient({ url: t.origin, token: expired }));
    const error = await w.failed;
    w.stop();
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error.data?.code).toBe('UNAUTHORIZED');
    expect(error.message).toMatch(/expired/i);
  });
});
