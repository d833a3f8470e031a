import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, NEW_TICKET, startServer, TestClock, type Client, type TestServer } from './helpers/server';

// Racing writers never both win nor both lose: every transition reads, decides and writes in
// one transaction, conditional on the version it read.

interface EventRow {
  id: number;
  kind: string;
  message_id: string | null;
}

let t: TestServer;
let customer: Client;
let agent: Client;

beforeAll(async () => {
  t = await startServer({ start: '2026-05-20T06:00:00Z' });
  customer = await t.as('customerA');
  agent = await t.as('agent');
});
afterAll(() => t.stop({ removeFile: true }));

async function settle<T>(calls: Array<Promise<T>>) {
  const results = await Promise.allSettled(calls);
  const codes = results.map((r) => (r.status === 'fulfilled' ? 'OK' : ((r.reason as { data?: { code?: string } }).data?.code ?? String(r.reason))));
  return { results, codes };
}

describe('one ticket, many writers', () => {
  it('50 parallel replies and closes leave one close and a consistent timeline', async () => {
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const admin = await t.as('adminA');
    const agent2 = await t.as('agent2');
    const calls: Array<{ kind: 'reply' | 'close'; run: () => Promise<unknown> }> = [];
    for (let i = 0; i < 50; i++) {
      const who = [customer, agent, admin, agent2][i % 4]!;
      if (i % 7 === 3) calls.push({ kind: 'close', run: () => who.ticket.close.mutate({ id: ticket.id }) });
      else calls.push({ kind: 'reply', run: () => who.ticket.reply.mutate({ id: ticket.id, body: `reply ${i}` }) });
    }
    const { codes } = await settle(calls.map((c) => c.run()));

    const closes = calls.map((c, i) => [c.kind, codes[i]] as const).filter(([kind]) => kind === 'close');
    const replies = calls.map((c, i) => [c.kind, codes[i]] as const).filter(([kind]) => kind === 'reply');
    expect(closes.filter(([, code]) => code === 'OK')).toHaveLength(1);
    expect(new Set(codes.filter((c) => c !== 'OK'))).toEqual(new Set(['CONFLICT']));
    const acceptedReplies = replies.filter(([, code]) => code === 'OK').length;

    const events = await t.query<EventRow>('SELECT id, kind, message_id FROM ticket_events WHERE ticket_id = ? ORDER BY id', [ticket.id]);
    const messages = await t.query<{ id: string }>('SELECT id FROM messages WHERE ticket_id = ?', [ticket.id]);
    expect(events.filter((e) => e.kind === 'closed')).toHaveLength(1);
    expect(events.at(-1)?.kind).toBe('closed'); // nothing after the close
    expect(events.filter((e) => e.kind === 'replied')).toHaveLength(acceptedReplies);
    expect(messages).toHaveLength(acceptedReplies + 1); // + the opening message
    // Every message has the event that wrote it, and every reply event its message.
    const linked = new Set(events.map((e) => e.message_id).filter(Boolean));
    expect(messages.every((m) => linked.has(m.id))).toBe(true);
    expect(events.filter((e) => e.kind === 'replied').every((e) => e.message_id)).toBe(true);

    const [row] = await t.query<{ status: string; version: number }>('SELECT status, version FROM tickets WHERE id = ?', [ticket.id]);
    expect(row?.status).toBe('closed');
    expect(Number(row?.version)).toBe(acceptedReplies + 1); // one write per accepted transition
  });

  it('a customer reply racing the auto-close: exactly one of them wins, nothing is lost', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const clock = t.clock;
      clock.set('2026-05-20T06:00:00Z');
      const ticket = await customer.ticket.create.mutate(NEW_TICKET);
      await agent.ticket.reply.mutate({ id: ticket.id, body: 'Please confirm.' });
      clock.advance(48 * HOUR);
      const [sweep, reply] = await Promise.allSettled([
        t.server.closeDueTickets(),
        customer.ticket.reply.mutate({ id: ticket.id, body: `answer ${round}` }),
      ]);
      const final = await agent.ticket.get.query({ id: ticket.id });
      const answered = final.messages.some((m) => m.body === `answer ${round}`);
      if (reply.status === 'fulfilled') {
        // The reply won: the ticket waits for support again and was not closed.
        expect(final.status).toBe('awaiting_response');
        expect(answered).toBe(true);
        expect(final.events.some((e) => e.kind === 'closed')).toBe(false);
        outcomes.add('reply first');
      } else {
        // The close won: the reply was refused and left no trace.
        expect((reply.reason as { data?: { code?: string } }).data?.code).toBe('CONFLICT');
        expect(final).toMatchObject({ status: 'closed', closedBy: 'system' });
        expect(answered).toBe(false);
        expect(sweep).toMatchObject({ status: 'fulfilled', value: 1 });
        outcomes.add('close first');
      }
      expect(final.events.filter((e) => e.kind === 'closed').length).toBeLessThanOrEqual(1);
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('two agents acting at once each see what the other left', async () => {
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const agent2 = await t.as('agent2');
    const { codes } = await settle([
      agent.ticket.accept.mutate({ id: ticket.id }),
      agent2.ticket.accept.mutate({ id: ticket.id }),
      agent.ticket.reply.mutate({ id: ticket.id, body: 'from agent 1' }),
      agent2.ticket.reply.mutate({ id: ticket.id, body: 'from agent 2' }),
    ]);
    expect(codes.slice(2)).toEqual(['OK', 'OK']);
    const final = await agent.ticket.get.query({ id: ticket.id });
    expect(final.status).toBe('awaiting_customer');
    expect(final.cycles).toHaveLength(1);
    expect(final.cycles[0]?.respondedAt).not.toBeNull();
    expect(final.messages.filter((m) => m.authorRole === 'agent')).toHaveLength(2);
    expect(final.events.filter((e) => e.kind === 'replied')).toHaveLength(2);
  });
});

describe('several processes on one database', () => {
  it('two servers sweeping at once close each ticket once', async () => {
    const clock = new TestClock('2026-05-20T06:00:00Z');
    const a = await startServer({ clock });
    const b = await startServer({ clock, dbFile: a.dbFile });
    try {
      const customerOfA = await a.as('customerA');
      const agentOfB = await b.as('agent');
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const ticket = await customerOfA.ticket.create.mutate({ ...NEW_TICKET, subject: `sweep ${i}` });
        await agentOfB.ticket.reply.mutate({ id: ticket.id, body: 'ok?' });
        ids.push(ticket.id);
      }
      clock.advance(48 * HOUR);
      const [fromA, fromB, againA] = await Promise.all([
        a.server.closeDueTickets(),
        b.server.closeDueTickets(),
        a.server.closeDueTickets(),
      ]);
      expect(fromA + fromB + againA).toBe(40);
      const perTicket = await a.query<{ ticket_id: string; n: number }>(
        "SELECT ticket_id, count(*) AS n FROM ticket_events WHERE kind = 'closed' GROUP BY ticket_id",
      );
      expect(perTicket).toHaveLength(40);
      expect(perTicket.every((row) => Number(row.n) === 1)).toBe(true);
      const [open] = await a.query<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE status != 'closed'");
      expect(Number(open?.n)).toBe(0);
    } finally {
      await b.stop();
      await a.stop({ removeFile: true });
    }
  });

  // Three child processes each compile and start, and 120 writes come first: minutes on a busy
  // machine, not seconds.
  it('two OS processes sweeping one file at once close each ticket once', { timeout: 180_000 }, async () => {
    const clock = new TestClock('2026-05-20T06:00:00Z');
    const s = await startServer({ clock });
    try {
      const viaS = await s.as('customerA');
      const support = await s.as('agent');
      for (let i = 0; i < 60; i++) {
        const ticket = await viaS.ticket.create.mutate({ ...NEW_TICKET, subject: `process sweep ${i}` });
        await support.ticket.reply.mutate({ id: ticket.id, body: 'ok?' });
      }
      const at = new Date(clock.ms + 48 * HOUR).toISOString();
      const script = fileURLToPath(new URL('./helpers/sweep-process.ts', import.meta.url));
      const startAt = String(Date.now() + 2_500);
      const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', script, s.dbFile, at, startAt], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
      const outputs = await Promise.all([run(), run(), run()]);
      const counts = outputs.map((o) => Number(o.stdout.trim()));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
      const [dupes] = await s.query<{ n: number }>(
        "SELECT count(*) AS n FROM (SELECT ticket_id FROM ticket_events WHERE kind = 'closed' GROUP BY ticket_id HAVING count(*) > 1)",
      );
      expect(Number(dupes?.n)).toBe(0);
      const [closed] = await s.query<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE closed_by = 'system'");
      expect(Number(closed?.n)).toBe(60);
    } finally {
      await s.stop({ removeFile: true });
    }
  });

  it('replies through two servers at once are all kept, in one order', async () => {
    const clock = new TestClock('2026-05-20T06:00:00Z');
    const a = await startServer({ clock });
    const b = await startServer({ clock, dbFile: a.dbFile });
    try {
      const viaA = await a.as('customerA');
      const viaB = await b.as('customerA');
      const ticket = await viaA.ticket.create.mutate(NEW_TICKET);
      const { codes } = await settle(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? viaA : viaB).ticket.reply.mutate({ id: ticket.id, body: `r${i}` })),
      );
      expect(codes.every((c) => c === 'OK')).toBe(true);
      const final = await viaB.ticket.get.query({ id: ticket.id });
      expect(final.messages).toHaveLength(31);
      expect(final.events.filter((e) => e.kind === 'replied')).toHaveLength(30);
      expect(final.status).toBe('awaiting_response');
    } finally {
      await b.stop();
      await a.stop({ removeFile: true });
    }
  });
});
