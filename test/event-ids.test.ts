import { describe, expect, it } from 'vitest';
import { liveClient, watch } from './helpers/live';
import { NEW_TICKET, serverForTests, startServer } from './helpers/server';

// Timeline ids a client sees never show how busy other tenants are: a ticket's events are
// numbered 1, 2, 3… on their own, and live updates resume from an opaque id, across processes.

const t = serverForTests();

describe('timeline event ids', () => {
  it('number each ticket’s events 1, 2, 3…, whatever other organisations do meanwhile', async () => {
    const customerA = await t.as('customerA');
    const customerB = await t.as('customerB');
    const agent = await t.as('agent');
    const mine = await customerA.ticket.create.mutate(NEW_TICKET);
    for (let i = 0; i < 3; i++) {
      const theirs = await customerB.ticket.create.mutate({ ...NEW_TICKET, subject: `busy ${i}` });
      await agent.ticket.reply.mutate({ id: theirs.id, body: 'answer' });
    }
    await agent.ticket.reply.mutate({ id: mine.id, body: 'answer' });
    await agent.ticket.note.mutate({ id: mine.id, body: 'internal' });
    await customerA.ticket.reply.mutate({ id: mine.id, body: 'thanks' });

    const asAgent = await agent.ticket.get.query({ id: mine.id });
    expect(asAgent.events.map((e) => e.id)).toEqual(asAgent.events.map((_, i) => i + 1));
    // The customer sees the same numbers (the internal one left out), never a global counter.
    const asCustomer = await customerA.ticket.get.query({ id: mine.id });
    const noteSeq = asAgent.events.find((e) => e.kind === 'note_added')!.id;
    expect(asCustomer.events.map((e) => e.id)).toEqual(asAgent.events.map((e) => e.id).filter((id) => id !== noteSeq));
  });
});

/** A customer's new ticket, answered by an agent while the customer watched it live (3 changes). */
async function answeredWhileWatched() {
  const customer = await liveClient(t, 'customerA');
  const agent = await liveClient(t, 'agent');
  const ticket = await customer.ticket.create.mutate(NEW_TICKET);
  const watcher = watch(customer, { id: ticket.id });
  await watcher.started;
  await agent.ticket.reply.mutate({ id: ticket.id, body: 'Answered.' });
  await watcher.until((c) => c.length === 3); // assigned, replied, status_changed
  watcher.stop();
  return { customer, agent, ticket, watcher };
}

describe('live updates', () => {
  it('carry an opaque id and the event’s number in its ticket', async () => {
    const { customer, ticket, watcher: w } = await answeredWhileWatched();
    const [row] = await t.query<{ id: number }>('SELECT max(id) AS id FROM ticket_events');
    for (const change of w.changes) {
      expect(change.id).toMatch(/^[A-Za-z0-9_-]{16,40}$/);
      expect(change.id).not.toMatch(/^\d+$/);
      expect(change.data.eventId).toBe(change.id);
      expect(JSON.stringify(change.data)).not.toContain(`:${row!.id}`);
    }
    const events = (await customer.ticket.get.query({ id: ticket.id })).events;
    expect(w.changes.map((c) => c.data.seq)).toEqual(events.slice(1).map((e) => e.id));
  });

  it('resume from the opaque id on another server process of the same database', async () => {
    const { customer, agent, ticket, watcher: first } = await answeredWhileWatched();
    await customer.ticket.reply.mutate({ id: ticket.id, body: 'missed 1' });
    await agent.ticket.reply.mutate({ id: ticket.id, body: 'missed 2' });

    const seen = first.changes.at(-1)!.data.seq;
    const expected = (await customer.ticket.get.query({ id: ticket.id })).events.filter((e) => e.id > seen);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const other = await startServer({ dbFile: t.dbFile, clock: t.clock });
    try {
      const again = watch(await liveClient(other, 'customerA'), { id: ticket.id, lastEventId: first.changes.at(-1)!.id });
      const missed = await again.until((c) => c.length >= expected.length);
      again.stop();
      expect(missed.map((c) => c.data.seq)).toEqual(expected.map((e) => e.id));
    } finally {
      await other.stop();
    }
  });

  it('start from now when the id to resume from is not one of ours', async () => {
    const customer = await liveClient(t, 'customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    for (const lastEventId of ['1', 'AAAAAAAAAAAAAAAAAAAAAA']) {
      const w = watch(customer, { id: ticket.id, lastEventId });
      await w.started;
      await customer.ticket.reply.mutate({ id: ticket.id, body: `after ${lastEventId}` });
      await w.until((c) => c.some((x) => x.data.kind === 'replied'));
      w.stop();
      expect(w.changes.map((c) => c.data.kind)).toEqual(['replied']);
    }
  });
});
