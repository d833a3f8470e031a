import { describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, serverForTests } from '../helpers/server';

// SPEC §8: agents assign tickets to a known agent or to nobody; the queue filters by assignee;
// the timeline names who assigned whom.

const t = serverForTests();

describe('agent.list and ticket.assign', () => {
  it('lists the agents the server has seen, with the open tickets each holds', async () => {
    const agent = await t.as('agent');
    const agent2 = await t.as('agent2');
    await agent2.agent.list.query(); // Omid is seen
    const ticket = await (await t.as('customerA')).ticket.create.mutate(NEW_TICKET);
    await agent.ticket.assign.mutate({ id: ticket.id, assigneeId: 'agent-2' });
    const agents = await agent.agent.list.query();
    expect(agents).toEqual([
      { id: 'agent-2', name: 'Omid Agent', openAssigned: 1 },
      { id: 'agent-1', name: 'Sara Agent', openAssigned: 0 },
    ]);
  });

  it('assigns to a known agent and back to nobody, each named in the timeline', async () => {
    const agent = await t.as('agent');
    await (await t.as('agent2')).agent.list.query();
    const ticket = await (await t.as('customerA')).ticket.create.mutate(NEW_TICKET);
    const assigned = await agent.ticket.assign.mutate({ id: ticket.id, assigneeId: 'agent-2' });
    expect(assigned.assigneeId).toBe('agent-2');
    const unassigned = await agent.ticket.assign.mutate({ id: ticket.id, assigneeId: null });
    expect(unassigned.assigneeId).toBeNull();
    const events = unassigned.events.filter((e) => e.kind === 'assigned');
    expect(events.map((e) => [e.actorName, e.fromName, e.toName])).toEqual([
      ['Sara Agent', null, 'Omid Agent'],
      ['Sara Agent', 'Omid Agent', null],
    ]);
  });

  it('refuses an unknown agent, customers and another organisation’s eyes, changing nothing', async () => {
    const agent = await t.as('agent');
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const unknown = await expectCode(agent.ticket.assign.mutate({ id: ticket.id, assigneeId: 'nobody-known' }), 'BAD_REQUEST');
    expect(unknown.data?.reason).toEqual({ kind: 'unknown_agent', assigneeId: 'nobody-known' });
    // A customer's id is not an agent's.
    await expectCode(agent.ticket.assign.mutate({ id: ticket.id, assigneeId: 'cust-a1' }), 'BAD_REQUEST');
    await expectCode(customer.ticket.assign.mutate({ id: ticket.id, assigneeId: null }), 'FORBIDDEN');
    await expectCode(customer.agent.list.query(), 'FORBIDDEN');
    await expectCode(agent.ticket.assign.mutate({ id: 'no-such-ticket', assigneeId: null }), 'NOT_FOUND');
    expect((await agent.ticket.get.query({ id: ticket.id })).assigneeId).toBeNull();
  });

  it('filters the queue by assignee, and by none for unassigned tickets', async () => {
    const agent = await t.as('agent');
    await (await t.as('agent2')).agent.list.query();
    const customer = await t.as('customerB');
    const mine = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Filter mine' });
    const open = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Filter nobody' });
    await agent.ticket.assign.mutate({ id: mine.id, assigneeId: 'agent-2' });
    const byAgent = await agent.ticket.list.query({ assigneeId: 'agent-2', q: 'Filter' });
    expect(byAgent.items.map((i) => i.subject)).toEqual(['Filter mine']);
    const nobody = await agent.ticket.list.query({ assigneeId: 'none', q: 'Filter' });
    expect(nobody.items.map((i) => i.id)).toEqual([open.id]);
  });
});
