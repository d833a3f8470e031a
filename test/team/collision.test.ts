import { createSupportClient } from '@support-tickets/client';
import { signToken, type AppRouter } from '@support-tickets/server';
import { createTestServer, removeDatabaseFile, tempDbFile } from '@support-tickets/server/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { expectCode, NEW_TICKET, PEOPLE, SECRET, serverForTests } from '../helpers/server';

// SPEC §8's collision guard: a reply, note or close sent against an out-of-date screen is
// refused with what changed, so nobody answers the same customer twice unknowingly.

const t = serverForTests();

describe('the collision guard', () => {
  it('refuses a reply when a public message came after what the agent saw, with the changes', async () => {
    const customer = await t.as('customerA');
    const agent = await t.as('agent');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const seen = ticket.events.at(-1)!.id;
    await (await t.as('agent2')).ticket.reply.mutate({ id: ticket.id, body: 'Restarting the VM now.' });
    const refused = await expectCode(agent.ticket.reply.mutate({ id: ticket.id, body: 'Which VM?', seenEventId: seen }), 'CONFLICT');
    const reason = refused.data?.reason;
    expect(reason?.kind).toBe('ticket_changed');
    expect(reason?.kind === 'ticket_changed' && reason.events.map((e) => [e.kind, e.actorName])).toEqual([
      ['replied', 'Omid Agent'],
      ['status_changed', 'Omid Agent'],
    ]);
    const after = await agent.ticket.get.query({ id: ticket.id });
    expect(after.messages.map((m) => m.body)).not.toContain('Which VM?');
    // Sending anyway: without seenEventId (or with the newest), it goes through.
    const sent = await agent.ticket.reply.mutate({ id: ticket.id, body: 'Which VM?', seenEventId: after.events.at(-1)!.id });
    expect(sent.messages.at(-1)?.body).toBe('Which VM?');
  });

  it('lets internal notes and priority changes by others through; guards notes and closes too', async () => {
    const customer = await t.as('customerA');
    const agent = await t.as('agent');
    const agent2 = await t.as('agent2');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const seen = ticket.events.at(-1)!.id;
    await agent2.ticket.note.mutate({ id: ticket.id, body: 'Looks like hypervisor 7.' });
    await agent2.ticket.update.mutate({ id: ticket.id, priority: 'low' });
    await agent.ticket.note.mutate({ id: ticket.id, body: 'Agreed.', seenEventId: seen });
    await customer.ticket.reply.mutate({ id: ticket.id, body: 'Still down!' });
    await expectCode(agent.ticket.note.mutate({ id: ticket.id, body: 'Late note', seenEventId: seen }), 'CONFLICT');
    await expectCode(customer.ticket.close.mutate({ id: ticket.id, seenEventId: seen }), 'CONFLICT');
  });

  it('tells a customer typing into a ticket that closed meanwhile what happened', async () => {
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const seen = ticket.events.at(-1)!.id;
    await (await t.as('agent')).ticket.close.mutate({ id: ticket.id });
    const refused = await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'One more thing', seenEventId: seen }), 'CONFLICT');
    expect(refused.data?.reason?.kind === 'ticket_changed' && refused.data.reason.events.map((e) => e.kind)).toEqual(['closed']);
  });

  it('refuses a negative or fractional seenEventId as bad input', async () => {
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'x', seenEventId: -1 }), 'BAD_REQUEST');
    await expectCode(customer.ticket.reply.mutate({ id: ticket.id, body: 'x', seenEventId: 1.5 }), 'BAD_REQUEST');
  });
});

describe('the collision guard across server processes', () => {
  let dbFile: string;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    dbFile = tempDbFile();
    await (await createTestServer({ dbFile })).close();
    servers.push(...(await Promise.all([startServerProcess(dbFile), startServerProcess(dbFile)])));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    removeDatabaseFile(dbFile);
  });

  it('lets exactly one of two agents answering the same screen through two processes reply', async () => {
    const customer = createSupportClient({ url: servers[0]!.origin, token: await signToken(SECRET, PEOPLE.customerA) });
    const agents = await Promise.all(
      [PEOPLE.agent, PEOPLE.agent2].map(async (claims, i) => createSupportClient({ url: servers[i]!.origin, token: await signToken(SECRET, claims) })),
    );
    for (let round = 0; round < 5; round++) {
      const ticket = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: `Outage ${round}` });
      const seenEventId = ticket.events.at(-1)!.id;
      const outcomes = await Promise.allSettled(
        agents.map((agent, i) => agent.ticket.reply.mutate({ id: ticket.id, body: `Answer ${i}`, seenEventId })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(TRPCClientError);
      expect((lost[0] as TRPCClientError<AppRouter>).data?.reason?.kind).toBe('ticket_changed');
      const final = await customer.ticket.get.query({ id: ticket.id });
      expect(final.messages.filter((m) => m.authorRole === 'agent')).toHaveLength(1);
    }
  });
});
