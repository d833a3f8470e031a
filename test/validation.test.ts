import { BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH } from '@support-tickets/core';
import { signToken } from '@support-tickets/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, SECRET, startServer, type Client, type TestServer } from './helpers/server';
import { handMadeToken } from './helpers/jwt';

// Bad input for every field and bad tokens of every kind: a clear error with the right code,
// and not a row changed in any table.

let t: TestServer;
let customer: Client;
let agent: Client;
let ticketId: string;
let before: Awaited<ReturnType<TestServer['counts']>>;

beforeAll(async () => {
  t = await startServer();
  customer = await t.as('customerA');
  agent = await t.as('agent');
  await (await t.as('customerB')).org.get.query(); // org-b exists
  ticketId = (await customer.ticket.create.mutate(NEW_TICKET)).id;
});
afterAll(() => t.stop({ removeFile: true }));
beforeEach(async () => {
  before = await t.counts();
});

const unchanged = async () => expect(await t.counts()).toEqual(before);
const anyInput = (value: unknown) => value as never; // sends what the types would forbid

describe('tokens', () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const handMade = async (claims: Record<string, unknown>, alg: 'HS256' | 'HS512' = 'HS256') => handMadeToken(claims, SECRET, alg);

  const cases: Array<[string, () => Promise<string | null>, RegExp]> = [
    ['no token', async () => null, /Sign in/],
    ['a malformed token', async () => 'not.a.jwt', /malformed/],
    ['random text', async () => 'hello', /malformed/],
    ['an expired token', () => signToken(SECRET, { sub: 'u', role: 'customer', org: 'org-a', exp: nowSeconds() - 1 }), /expired/],
    ['a token signed with another secret', () => signToken('some-other-secret-123456', { sub: 'u', role: 'agent' }), /signature/],
    ['a token signed with another algorithm', () => handMade({ sub: 'u', role: 'agent', exp: nowSeconds() + 60 }, 'HS512'), /HS256/],
    ['a token without sub', () => handMade({ role: 'agent', exp: nowSeconds() + 60 }), /sub/],
    ['a token without role', () => handMade({ sub: 'u', org: 'org-a', exp: nowSeconds() + 60 }), /role/],
    ['a customer token without org', () => handMade({ sub: 'u', role: 'customer', exp: nowSeconds() + 60 }), /org/],
    ['a token without exp', () => handMade({ sub: 'u', role: 'agent' }), /exp/],
    ['a token with an unknown role', () => handMade({ sub: 'u', role: 'root', org: 'x', exp: nowSeconds() + 60 }), /role/],
    ['an unsigned token (alg none)', async () => 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1Iiwicm9sZSI6ImFnZW50In0.', /malformed|HS256/],
  ];

  it.each(cases)('%s is UNAUTHORIZED, for queries and mutations alike', async (_label, makeToken, message) => {
    const client = t.withToken(await makeToken());
    const created = await expectCode(client.ticket.create.mutate(NEW_TICKET), 'UNAUTHORIZED');
    expect(created.message).toMatch(message);
    await expectCode(client.ticket.list.query(), 'UNAUTHORIZED');
    await expectCode(client.ticket.reply.mutate({ id: ticketId, body: 'x' }), 'UNAUTHORIZED');
    await expectCode(client.plan.list.query(), 'UNAUTHORIZED');
    await expectCode(client.org.setPlan.mutate({ orgId: 'org-a', plan: 'enterprise' }), 'UNAUTHORIZED');
    await unchanged();
  });

  it('keeps tokens valid when the server clock is moved days ahead (simulated downtime)', async () => {
    const ahead = await startServer({ start: new Date(Date.now() + 5 * 24 * 3_600_000) });
    try {
      const client = await ahead.as('customerA'); // expires an hour from now, wall clock
      expect((await client.ticket.list.query()).items).toEqual([]);
    } finally {
      await ahead.stop({ removeFile: true });
    }
  });

  it('a header that is not a bearer token is UNAUTHORIZED', async () => {
    const response = await t.raw('/trpc/ticket.list', { method: 'GET', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
    expect(response.json.error.data.code).toBe('UNAUTHORIZED');
  });

  it('is checked before the input: no token and bad input is UNAUTHORIZED', async () => {
    await expectCode(t.withToken(null).ticket.create.mutate(anyInput({ subject: 5 })), 'UNAUTHORIZED');
    await unchanged();
  });
});

type Case = [label: string, run: () => Promise<unknown>, field: string | null];

describe('ticket.create', () => {
  const create = (input: unknown) => customer.ticket.create.mutate(anyInput(input));
  const cases: Case[] = [
    ['no input', () => create(undefined), null],
    ['an array', () => create([]), null],
    ['missing subject', () => create({ body: 'b', category: 'technical' }), 'subject'],
    ['missing body', () => create({ subject: 's', category: 'technical' }), 'body'],
    ['missing category', () => create({ subject: 's', body: 'b' }), 'category'],
    ['a numeric subject', () => create({ ...NEW_TICKET, subject: 42 }), 'subject'],
    ['an empty subject', () => create({ ...NEW_TICKET, subject: '' }), 'subject'],
    ['a blank subject', () => create({ ...NEW_TICKET, subject: '   ' }), 'subject'],
    ['a subject too long', () => create({ ...NEW_TICKET, subject: 's'.repeat(SUBJECT_MAX_LENGTH + 1) }), 'subject'],
    ['a null body', () => create({ ...NEW_TICKET, body: null }), 'body'],
    ['an empty body', () => create({ ...NEW_TICKET, body: '' }), 'body'],
    ['a blank body', () => create({ ...NEW_TICKET, body: '\n\n  ' }), 'message'],
    ['a body too long', () => create({ ...NEW_TICKET, body: 'b'.repeat(BODY_MAX_LENGTH + 1) }), 'body'],
    ['an unknown category', () => create({ ...NEW_TICKET, category: 'hardware' }), 'category'],
    ['a numeric category', () => create({ ...NEW_TICKET, category: 1 }), 'category'],
    ['an unknown priority', () => create({ ...NEW_TICKET, priority: 'extreme' }), 'priority'],
    ['a null priority', () => create({ ...NEW_TICKET, priority: null }), 'priority'],
    ['a priority the plan does not offer', () => create({ ...NEW_TICKET, priority: 'critical' }), 'Developer plan'],
    ['an unknown field', () => create({ ...NEW_TICKET, status: 'closed' }), 'status'],
  ];
  it.each(cases)('refuses %s with BAD_REQUEST and writes nothing', async (_label, run, field) => {
    const error = await expectCode(run(), 'BAD_REQUEST');
    if (field) expect(error.message).toContain(field);
    await unchanged();
  });

  it('accepts the limits themselves', async () => {
    const ticket = await create({ subject: 's'.repeat(SUBJECT_MAX_LENGTH), body: 'b'.repeat(BODY_MAX_LENGTH), category: 'sales' });
    expect((ticket as { subject: string }).subject).toHaveLength(SUBJECT_MAX_LENGTH);
  });

  it('names every problem at once, with its path', async () => {
    const error = await expectCode(create({ subject: '', body: 7, category: 'x' }), 'BAD_REQUEST');
    expect(error.data?.issues?.map((i) => i.path).sort()).toEqual(['body', 'category', 'subject']);
  });
});

describe('ticket.reply, note, update, accept, close, get', () => {
  const cases: Case[] = [
    ['reply without id', () => customer.ticket.reply.mutate(anyInput({ body: 'x' })), 'id'],
    ['reply with a numeric id', () => customer.ticket.reply.mutate(anyInput({ id: 7, body: 'x' })), 'id'],
    ['reply with an empty id', () => customer.ticket.reply.mutate({ id: '', body: 'x' }), 'id'],
    ['reply with an id too long', () => customer.ticket.reply.mutate({ id: 'x'.repeat(101), body: 'x' }), 'id'],
    ['reply without body', () => customer.ticket.reply.mutate(anyInput({ id: ticketId })), 'body'],
    ['reply with an empty body', () => customer.ticket.reply.mutate({ id: ticketId, body: '' }), 'body'],
    ['reply with a blank body', () => customer.ticket.reply.mutate({ id: ticketId, body: '   ' }), 'message'],
    ['reply with a body too long', () => customer.ticket.reply.mutate({ id: ticketId, body: 'x'.repeat(BODY_MAX_LENGTH + 1) }), 'body'],
    ['note with a body too long', () => agent.ticket.note.mutate({ id: ticketId, body: 'x'.repeat(BODY_MAX_LENGTH + 1) }), 'body'],
    ['note with an empty body', () => agent.ticket.note.mutate({ id: ticketId, body: '' }), 'body'],
    ['update with an unknown priority', () => agent.ticket.update.mutate(anyInput({ id: ticketId, priority: 'p0' })), 'priority'],
    ['update with an unknown category', () => agent.ticket.update.mutate(anyInput({ id: ticketId, category: 'misc' })), 'category'],
    ['update with nothing to change', () => agent.ticket.update.mutate({ id: ticketId }), 'priority or a category'],
    ['update to a priority the plan does not offer', () => agent.ticket.update.mutate({ id: ticketId, priority: 'urgent' }), 'Developer plan'],
    ['update with an unknown field', () => agent.ticket.update.mutate(anyInput({ id: ticketId, status: 'closed' })), 'status'],
    ['accept with a numeric id', () => agent.ticket.accept.mutate(anyInput({ id: 1 })), 'id'],
    ['close without id', () => customer.ticket.close.mutate(anyInput({})), 'id'],
    ['get with a null id', () => customer.ticket.get.query(anyInput({ id: null })), 'id'],
  ];
  it.each(cases)('refuses %s with BAD_REQUEST and writes nothing', async (_label, run, field) => {
    const error = await expectCode(run(), 'BAD_REQUEST');
    if (field) expect(error.message).toContain(field);
    await unchanged();
  });
});

describe('ticket.list', () => {
  const list = (input: unknown) => agent.ticket.list.query(anyInput(input));
  const otherSortCursor = async () => {
    const page = await agent.ticket.list.query({ sort: 'updated', limit: 1 });
    await customer.ticket.create.mutate(NEW_TICKET); // a second ticket so a cursor exists
    return page.nextCursor ?? (await agent.ticket.list.query({ sort: 'updated', limit: 1 })).nextCursor;
  };
  const cases: Case[] = [
    ['an unknown status', () => list({ status: 'open' }), 'status'],
    ['an unknown priority', () => list({ priority: 'p1' }), 'priority'],
    ['an unknown category', () => list({ category: 'misc' }), 'category'],
    ['an unknown sort', () => list({ sort: 'created' }), 'sort'],
    ['a limit of 0', () => list({ limit: 0 }), 'limit'],
    ['a limit of 101', () => list({ limit: 101 }), 'limit'],
    ['a fractional limit', () => list({ limit: 2.5 }), 'limit'],
    ['a limit as text', () => list({ limit: '10' }), 'limit'],
    ['assignedToMe as text', () => list({ assignedToMe: 'yes' }), 'assignedToMe'],
    ['a search too long', () => list({ q: 'q'.repeat(SUBJECT_MAX_LENGTH + 1) }), 'q'],
    ['a garbage cursor', () => list({ cursor: 'garbage!' }), 'cursor'],
    ['a cursor of another order', async () => list({ sort: 'due', cursor: await otherSortCursor() }), 'cursor'],
    ['an unknown field', () => list({ page: 2 }), 'page'],
  ];
  it.each(cases)('refuses %s with BAD_REQUEST', async (_label, run, field) => {
    const error = await expectCode(run(), 'BAD_REQUEST');
    if (field) expect(error.message).toContain(field);
  });
});

describe('org.get and org.setPlan', () => {
  const setPlan = (input: unknown) => agent.org.setPlan.mutate(anyInput(input));
  const week = { '6': [['09:00', '17:00']] };
  const cases: Case[] = [
    ['setPlan without orgId', () => setPlan({ plan: 'enterprise' }), null],
    ['setPlan to an unknown plan', () => setPlan({ orgId: 'org-a', plan: 'gold' }), null],
    ['setPlan with a plan and a custom plan', () => setPlan({ orgId: 'org-a', plan: 'sme', custom: { responseMinutes: { low: 60 }, hours: '24/7' } }), null],
    ['a custom plan with no priority', () => setPlan({ orgId: 'org-a', custom: { responseMinutes: {}, hours: '24/7' } }), 'at least one priority'],
    ['a custom plan with a negative target', () => setPlan({ orgId: 'org-a', custom: { responseMinutes: { low: -5 }, hours: '24/7' } }), null],
    ['a custom plan with a fractional target', () => setPlan({ orgId: 'org-a', custom: { responseMinutes: { low: 1.5 }, hours: '24/7' } }), null],
    ['a custom plan with an unknown priority', () => setPlan({ orgId: 'org-a', custom: { responseMinutes: { p0: 5 }, hours: '24/7' } }), null],
    ['a custom plan with unknown hours', () => setPlan({ orgId: 'org-a', custom: { responseMinutes: { low: 5 }, hours: 'weekdays' } }), null],
    ['a calendar in an unknown zone', () => setPlan({ orgId: 'org-a', plan: 'developer', calendar: { timeZone: 'Mars/Olympus', week, holidays: [] } }), 'calendar'],
    ['a calendar with an impossible time', () => setPlan({ orgId: 'org-a', plan: 'developer', calendar: { timeZone: 'Asia/Tehran', week: { '6': [['09:00', '25:00']] }, holidays: [] } }), null],
    ['a calendar with a range ending before it starts', () => setPlan({ orgId: 'org-a', plan: 'developer', calendar: { timeZone: 'Asia/Tehran', week: { '6': [['17:00', '09:00']] }, holidays: [] } }), 'calendar'],
    ['a calendar without working time', () => setPlan({ orgId: 'org-a', plan: 'developer', calendar: { timeZone: 'Asia/Tehran', week: {}, holidays: [] } }), 'working time'],
    ['a calendar with a malformed holiday', () => setPlan({ orgId: 'org-a', plan: 'developer', calendar: { timeZone: 'Asia/Tehran', week, holidays: ['1404/01/01'] } }), null],
    ['org.get with a numeric orgId', () => agent.org.get.query(anyInput({ orgId: 5 })), 'orgId'],
  ];
  it.each(cases)('refuses %s with BAD_REQUEST and writes nothing', async (_label, run, field) => {
    const error = await expectCode(run(), 'BAD_REQUEST');
    if (field) expect(error.message).toContain(field);
    await unchanged();
  });
});

describe('HTTP', () => {
  it('a body that is not JSON is a 400, not a crash', async () => {
    const response = await fetch(`${t.origin}/trpc/ticket.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token('customerA')}`, 'content-type': 'application/json' },
      body: '{"subject": ',
    });
    expect(response.status).toBe(400);
    await unchanged();
  });

  it('an unknown procedure is NOT_FOUND', async () => {
    const response = await t.raw('/trpc/ticket.delete', { token: await t.token('agent'), input: { id: ticketId } });
    expect(response.status).toBe(404);
    expect(response.json.error.data.code).toBe('NOT_FOUND');
  });

  it('a query sent as a mutation is refused', async () => {
    const response = await t.raw('/trpc/ticket.get', { token: await t.token('agent'), input: { id: ticketId } });
    expect(response.status).toBe(405);
  });

  it('errors carry no stack trace', async () => {
    const response = await t.raw('/trpc/ticket.create', { token: await t.token('customerA'), input: { subject: '' } });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('stack');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
