import { describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, serverForTests } from '../helpers/server';

// SPEC §8: saved replies the team shares, with placeholders filled for the ticket on insert.

const t = serverForTests();

describe('saved replies', () => {
  it('creates, finds, fills, updates and deletes a saved reply', async () => {
    const agent = await t.as('agent');
    const created = await agent.macro.create.mutate({
      title: 'Outage acknowledged',
      body: 'Hello {{customer.name}}, {{agent.name}} here about #{{ticket.number}}. {{unknown}}',
    });
    await agent.macro.create.mutate({ title: 'Billing', body: 'Your invoice is on the way.' });
    const ticket = await (await t.as('customerA')).ticket.create.mutate(NEW_TICKET);

    const found = await agent.macro.list.query({ q: 'outage', ticketId: ticket.id });
    expect(found.map((m) => m.title)).toEqual(['Outage acknowledged']);
    expect(found[0]!.filled).toBe(`Hello Ava Customer, Sara Agent here about #${ticket.number}. {{unknown}}`);
    expect((await agent.macro.list.query({ q: 'invoice' })).map((m) => m.title)).toEqual(['Billing']);
    expect((await (await t.as('agent2')).macro.list.query()).map((m) => m.title)).toEqual(['Billing', 'Outage acknowledged']);

    const updated = await agent.macro.update.mutate({ id: created.id, title: 'Outage: acknowledged' });
    expect(updated.title).toBe('Outage: acknowledged');
    await agent.macro.delete.mutate({ id: created.id });
    expect((await agent.macro.list.query()).map((m) => m.title)).toEqual(['Billing']);
  });

  it('refuses customers, empty titles, nothing to change and unknown ids', async () => {
    const agent = await t.as('agent');
    await expectCode((await t.as('customerA')).macro.list.query(), 'FORBIDDEN');
    await expectCode((await t.as('adminA')).macro.create.mutate({ title: 'x', body: 'y' }), 'FORBIDDEN');
    await expectCode(agent.macro.create.mutate({ title: '  ', body: 'y' }), 'BAD_REQUEST');
    await expectCode(agent.macro.create.mutate({ title: 'x'.repeat(101), body: 'y' }), 'BAD_REQUEST');
    const macro = await agent.macro.create.mutate({ title: 'Kept', body: 'y' });
    await expectCode(agent.macro.update.mutate({ id: macro.id }), 'BAD_REQUEST');
    await expectCode(agent.macro.update.mutate({ id: 'nope', body: 'z' }), 'NOT_FOUND');
    await expectCode(agent.macro.delete.mutate({ id: 'nope' }), 'NOT_FOUND');
    await expectCode(agent.macro.list.query({ ticketId: 'nope' }), 'NOT_FOUND');
  });
});
