import { DEFAULT_RATE_LIMITS, type RateLimits } from '@support-tickets/server';
import { createTestServer } from '@support-tickets/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, startServer, type TestServer } from './helpers/server';

// SPEC §9: each person has a rate limit; past it a call is refused with 429, Retry-After and a
// reason the widget words in the page's language, while everyone else goes on.

const servers: TestServer[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => s.stop({ removeFile: true }))));
const serve = async (rateLimits: RateLimits) => {
  const server = await startServer({ rateLimits });
  servers.push(server);
  return server;
};

const tight = {
  person: { calls: 6, seconds: 60 },
  personWrites: { calls: 3, seconds: 60 },
  organisation: { calls: 10, seconds: 60 },
};

describe('the rate limit', () => {
  it('refuses a person’s call past the limit with 429, Retry-After and a reason; others go on', async () => {
    const t = await serve(tight);
    const flooder = await t.as('customerA');
    for (let i = 0; i < 6; i++) await flooder.ticket.list.query();
    const error = await expectCode(flooder.ticket.list.query(), 'TOO_MANY_REQUESTS');
    const reason = error.data?.reason as { kind: string; retryAfterSeconds: number } | null;
    expect(reason).toEqual({ kind: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    expect(reason!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(reason!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.message).toMatch(/Too many requests.*try again in \d+ s/);

    const raw = await t.raw('/trpc/ticket.list', { method: 'GET', token: await t.token('customerA') });
    expect(raw.status).toBe(429);
    // The same wait, a second less if that second went by between the two calls.
    expect(reason!.retryAfterSeconds - Number(raw.headers.get('retry-after'))).toBeOneOf([0, 1]);

    // Another person of another organisation is not touched, nor one of the same organisation.
    expect((await (await t.as('customerB')).ticket.list.query()).items).toEqual([]);
    expect((await (await t.as('customerA2')).ticket.list.query()).items).toEqual([]);
  });

  it('counts every call of a batch, and writes have a bucket of their own', async () => {
    const t = await serve(tight);
    const writer = await t.as('customerA', { batch: true });
    const ticket = await writer.ticket.create.mutate(NEW_TICKET);
    const replies = await Promise.allSettled([1, 2, 3].map((i) => writer.ticket.reply.mutate({ id: ticket.id, body: `reply ${i}` })));
    expect(replies.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((replies[2] as PromiseRejectedResult).reason.data.code).toBe('TOO_MANY_REQUESTS');
    // Reads still go through the person's own bucket (4 of 6 used so far: 1 create + 3 replies).
    const reads = await Promise.allSettled([1, 2, 3].map(() => writer.ticket.get.query({ id: ticket.id })));
    expect(reads.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const [row] = await t.query<{ n: number }>('SELECT count(*) AS n FROM messages');
    expect(Number(row!.n)).toBe(3); // the body and two replies
  });

  it('caps an organisation as a whole, whoever of it calls', async () => {
    const t = await serve(tight);
    const people = await Promise.all((['customerA', 'customerA2', 'adminA'] as const).map((p) => t.as(p)));
    let refused = 0;
    for (let round = 0; round < 4; round++) {
      for (const person of people) await person.ticket.list.query().catch(() => refused++);
    }
    expect(refused).toBe(2); // 12 calls, 10 allowed
    expect((await (await t.as('adminB')).ticket.list.query()).items).toEqual([]);
  });

  it('holds by default: a script flooding as one person meets it, a person of another organisation does not', async () => {
    const t = await serve(DEFAULT_RATE_LIMITS);
    const token = await t.token('customerA');
    const batchOf10 = `${t.origin}/trpc/${Array(10).fill('ticket.list').join(',')}?batch=1`;
    const flood = Array.from({ length: DEFAULT_RATE_LIMITS.person.calls / 10 + 2 }, () =>
      fetch(batchOf10, { headers: { authorization: `Bearer ${token}` } }).then(async (res) => (await res.arrayBuffer(), res.status)),
    );
    const statuses = await Promise.all(flood);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    expect((await (await t.as('customerB')).ticket.list.query()).items).toEqual([]);
  });

  it('leaves in-process callers (seeding, scripts on the server) alone', async () => {
    const s = await createTestServer({ rateLimits: tight });
    try {
      const customer = await s.callerFor({ sub: 'script', role: 'customer', org: 'org-a' });
      for (let i = 0; i < 12; i++) await customer.ticket.create(NEW_TICKET);
      expect((await customer.ticket.list({ limit: 20 })).items).toHaveLength(12);
    } finally {
      await s.close({ removeFile: true });
    }
  });
});
