import { createSupportClient } from '@support-tickets/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, serverForTests, type Client } from './helpers/server';

// SPEC §9: one request never holds the server for everyone. A batch carries at most 10 calls,
// and a ticket's thread comes 50 messages at a time, older ones on demand.

const t = serverForTests();
let customer: Client;
let agent: Client;
beforeAll(async () => {
  [customer, agent] = await Promise.all([t.as('customerA'), t.as('agent')]);
});

/** A raw tRPC batch of `calls` calls of one procedure, as any HTTP client can send it. */
async function batch(procedure: string, inputs: unknown[], method: 'GET' | 'POST', token: string) {
  const path = `/trpc/${inputs.map(() => procedure).join(',')}?batch=1`;
  const byIndex = Object.fromEntries(inputs.map((input, i) => [String(i), input]));
  if (method === 'POST') return t.raw(path, { token, input: byIndex });
  const res = await fetch(`${t.origin}${path}&input=${encodeURIComponent(JSON.stringify(byIndex))}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('a batch', () => {
  it('of 11 calls is refused whole with a clear error, and changes nothing', async () => {
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const before = await t.counts();
    const token = await t.token('customerA');
    const replies = Array.from({ length: 11 }, (_, i) => ({ id: ticket.id, body: `flood ${i}` }));
    const refused = await batch('ticket.reply', replies, 'POST', token);
    expect(refused.status).toBe(400);
    const errors = Array.isArray(refused.json) ? refused.json : [refused.json];
    expect(errors[0].error.message).toMatch(/at most 10 calls/);
    expect(errors[0].error.data.code).toBe('BAD_REQUEST');
    expect(await t.counts()).toEqual(before);

    const gets = await batch('ticket.get', Array.from({ length: 11 }, () => ({ id: ticket.id })), 'GET', token);
    expect(gets.status).toBe(400);
  });

  it('of 10 calls is answered call by call', async () => {
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const token = await t.token('customerA');
    const answers = await batch('ticket.get', Array.from({ length: 10 }, () => ({ id: ticket.id })), 'GET', token);
    expect(answers.status).toBe(200);
    expect(answers.json).toHaveLength(10);
    for (const answer of answers.json) expect(answer.result.data.id).toBe(ticket.id);
  });

  it('from the client: more than 10 calls at once go in several batches', async () => {
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const client = createSupportClient({ url: t.origin, token: await t.token('customerA') });
    const answers = await Promise.all(Array.from({ length: 25 }, () => client.ticket.get.query({ id: ticket.id })));
    expect(answers.map((a) => a.id)).toEqual(Array(25).fill(ticket.id));
  });
});

describe('a long thread', () => {
  let id: string;
  // 60 customer replies and 60 internal notes, interleaved: 121 messages for agents, 61 for the customer.
  beforeAll(async () => {
    id = (await customer.ticket.create.mutate({ ...NEW_TICKET, body: 'message 0' })).id;
    for (let i = 1; i <= 60; i++) {
      await customer.ticket.reply.mutate({ id, body: `message ${i}` });
      await agent.ticket.note.mutate({ id, body: `note ${i}` });
      t.clock.advance(1000);
    }
  });

  it('ticket.get carries the latest 50 messages, oldest first, and a cursor to the older ones', async () => {
    const ticket = await customer.ticket.get.query({ id });
    expect(ticket.messages).toHaveLength(50);
    expect(ticket.messages[0]!.body).toBe('message 11');
    expect(ticket.messages[49]!.body).toBe('message 60');
    expect(ticket.messagesCursor).toEqual(expect.any(String));
  });

  it('ticket.messages pages back to the first message, every message once, as the caller may see them', async () => {
    for (const [client, expected] of [
      [customer, 61],
      [agent, 121],
    ] as const) {
      const ticket = await client.ticket.get.query({ id });
      const seen = [...ticket.messages];
      let cursor = ticket.messagesCursor;
      while (cursor) {
        const page = await client.ticket.messages.query({ id, before: cursor, limit: 20 });
        expect(page.items.length).toBeLessThanOrEqual(20);
        seen.unshift(...page.items);
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(expected);
      expect(new Set(seen.map((m) => m.id)).size).toBe(expected);
      expect(seen[0]!.body).toBe('message 0');
      const times = seen.map((m) => m.createdAt);
      expect([...times].sort()).toEqual(times);
      if (client === customer) expect(seen.every((m) => m.visibility === 'public')).toBe(true);
    }
  });

  it('ticket.messages without a cursor starts at the newest; the default page is 50', async () => {
    const page = await agent.ticket.messages.query({ id });
    expect(page.items).toHaveLength(50);
    expect(page.items[49]!.body).toBe('note 60');
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('every mutation answers with the latest 50 messages and the cursor', async () => {
    const answer = await customer.ticket.reply.mutate({ id, body: 'one more' });
    expect(answer.messages).toHaveLength(50);
    expect(answer.messages[49]!.body).toBe('one more');
    expect(answer.messagesCursor).toEqual(expect.any(String));
  });

  it('a short thread has no cursor', async () => {
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    expect(ticket.messagesCursor).toBeNull();
    expect(await customer.ticket.messages.query({ id: ticket.id })).toEqual({ items: ticket.messages, nextCursor: null });
  });

  it('refuses a bad cursor or limit, and another organisation’s ticket is not found', async () => {
    await expectCode(customer.ticket.messages.query({ id, before: 'not-a-cursor' }), 'BAD_REQUEST');
    await expectCode(customer.ticket.messages.query({ id, limit: 101 }), 'BAD_REQUEST');
    await expectCode(customer.ticket.messages.query({ id, limit: 0 }), 'BAD_REQUEST');
    await expectCode((await t.as('customerB')).ticket.messages.query({ id }), 'NOT_FOUND');
  });
});
