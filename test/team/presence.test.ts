import { describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, serverForTests } from '../helpers/server';

// SPEC §8: agents see who else is viewing or typing in a ticket and in the queue row; it fades
// within 30 s of silence (on the server's injected clock here); customers never see it.

const t = serverForTests();

describe('presence', () => {
  it('shows another agent viewing, then typing, in the ticket and its queue row; never oneself', async () => {
    const agent = await t.as('agent');
    const agent2 = await t.as('agent2');
    const ticket = await (await t.as('customerA')).ticket.create.mutate(NEW_TICKET);
    expect(await agent2.presence.beat.mutate({ ticketId: ticket.id })).toEqual([]);
    expect(await agent.presence.beat.mutate({ ticketId: ticket.id, typing: true })).toEqual([
      { userId: 'agent-2', name: 'Omid Agent', state: 'viewing' },
    ]);
    expect((await agent2.ticket.get.query({ id: ticket.id })).presence).toEqual([{ userId: 'agent-1', name: 'Sara Agent', state: 'typing' }]);
    const row = (await agent2.ticket.list.query({ q: `#${ticket.number}` })).items[0]!;
    expect(row.presence.map((p) => p.name)).toEqual(['Sara Agent']);
    expect(await agent2.presence.list.query({ ticketIds: [ticket.id] })).toEqual({
      [ticket.id]: [{ userId: 'agent-1', name: 'Sara Agent', state: 'typing' }],
    });
  });

  it('fades within 30 s of the last heartbeat, and at once on leaving', async () => {
    const agent = await t.as('agent');
    const agent2 = await t.as('agent2');
    const ticket = await (await t.as('customerA')).ticket.create.mutate(NEW_TICKET);
    await agent2.presence.beat.mutate({ ticketId: ticket.id });
    t.clock.advance(29_000);
    expect((await agent.ticket.get.query({ id: ticket.id })).presence).toHaveLength(1);
    t.clock.advance(1_000);
    expect((await agent.ticket.get.query({ id: ticket.id })).presence).toEqual([]);
    await agent2.presence.beat.mutate({ ticketId: ticket.id });
    expect((await agent.ticket.get.query({ id: ticket.id })).presence).toHaveLength(1);
    await agent2.presence.leave.mutate({ ticketId: ticket.id });
    expect((await agent.ticket.get.query({ id: ticket.id })).presence).toEqual([]);
  });

  it('is never shown to customers, who cannot send or read it', async () => {
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    await (await t.as('agent')).presence.beat.mutate({ ticketId: ticket.id, typing: true });
    expect((await customer.ticket.get.query({ id: ticket.id })).presence).toEqual([]);
    expect((await customer.ticket.list.query()).items.every((item) => item.presence.length === 0)).toBe(true);
    await expectCode(customer.presence.beat.mutate({ ticketId: ticket.id }), 'FORBIDDEN');
    await expectCode(customer.presence.list.query({ ticketIds: [ticket.id] }), 'FORBIDDEN');
  });

  it('answers NOT_FOUND for a ticket that does not exist, and refuses more than 100 ids', async () => {
    const agent = await t.as('agent');
    await expectCode(agent.presence.beat.mutate({ ticketId: 'nope' }), 'NOT_FOUND');
    await expectCode(agent.presence.list.query({ ticketIds: Array.from({ length: 101 }, (_, i) => `t${i}`) }), 'BAD_REQUEST');
  });
});
