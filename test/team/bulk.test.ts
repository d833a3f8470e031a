import { describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, serverForTests } from '../helpers/server';

// SPEC §8: one action on many tickets (an outage answered once), each ticket decided on its own.

const t = serverForTests();

describe('ticket.bulk', () => {
  it('replies to three tickets at once, and reports a closed one as refused on its own', async () => {
    const agent = await t.as('agent');
    const customerA = await t.as('customerA');
    const customerB = await t.as('customerB');
    const a = await customerA.ticket.create.mutate(NEW_TICKET);
    const b = await customerB.ticket.create.mutate(NEW_TICKET);
    const c = await customerA.ticket.create.mutate(NEW_TICKET);
    const closed = await customerB.ticket.create.mutate(NEW_TICKET);
    await customerB.ticket.close.mutate({ id: closed.id });

    const { results } = await agent.ticket.bulk.mutate({
      ids: [a.id, b.id, closed.id, c.id],
      action: { type: 'reply', body: 'The outage in Tehran-1 is fixed.' },
    });
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a.id, true],
      [b.id, true],
      [closed.id, false],
      [c.id, true],
    ]);
    const refused = results[2]!;
    expect(!refused.ok && refused.error).toMatchObject({ code: 'CONFLICT', reason: { kind: 'ticket_closed' } });
    const answered = results[0]!;
    expect(answered.ok && [answered.ticket.status, answered.ticket.assigneeId]).toEqual(['awaiting_customer', 'agent-1']);
    for (const [client, id] of [[customerA, a.id], [customerB, b.id], [customerA, c.id]] as const) {
      expect((await client.ticket.get.query({ id })).messages.at(-1)?.body).toBe('The outage in Tehran-1 is fixed.');
    }
  });

  it('assigns, updates and closes in bulk; unknown ids are not found, the rest go ahead', async () => {
    const agent = await t.as('agent');
    await (await t.as('agent2')).agent.list.query();
    const customer = await t.as('customerA');
    const ids = [(await customer.ticket.create.mutate(NEW_TICKET)).id, (await customer.ticket.create.mutate(NEW_TICKET)).id];
    const assigned = await agent.ticket.bulk.mutate({ ids: [...ids, 'missing'], action: { type: 'assign', assigneeId: 'agent-2' } });
    expect(assigned.results.map((r) => (r.ok ? r.ticket.assigneeId : r.error.code))).toEqual(['agent-2', 'agent-2', 'NOT_FOUND']);
    const unknown = await agent.ticket.bulk.mutate({ ids, action: { type: 'assign', assigneeId: 'ghost' } });
    expect(unknown.results.every((r) => !r.ok && r.error.reason?.kind === 'unknown_agent')).toBe(true);
    const updated = await agent.ticket.bulk.mutate({ ids, action: { type: 'update', priority: 'low' } });
    expect(updated.results.map((r) => r.ok && r.ticket.priority)).toEqual(['low', 'low']);
    const closed = await agent.ticket.bulk.mutate({ ids, action: { type: 'close' } });
    expect(closed.results.map((r) => r.ok && r.ticket.closedBy)).toEqual(['agent', 'agent']);
  });

  it('refuses 101 ids, an empty list and customers, changing nothing', async () => {
    const agent = await t.as('agent');
    const customer = await t.as('customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const before = await t.counts();
    const ids = Array.from({ length: 101 }, () => ticket.id);
    await expectCode(agent.ticket.bulk.mutate({ ids, action: { type: 'reply', body: 'x' } }), 'BAD_REQUEST');
    await expectCode(agent.ticket.bulk.mutate({ ids: [], action: { type: 'close' } }), 'BAD_REQUEST');
    await expectCode(customer.ticket.bulk.mutate({ ids: [ticket.id], action: { type: 'close' } }), 'FORBIDDEN');
    expect(await t.counts()).toEqual(before);
  });
});
