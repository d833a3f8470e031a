import { describe, expect, it } from 'vitest';
import { MINUTE, NEW_TICKET, serverForTests } from './helpers/server';

// SPEC §9: an internal note does not change what a customer sees, not even when the ticket
// last changed nor the order of their list. Agents see every change.

const t = serverForTests({ start: '2026-05-20T06:00:00Z' });
/** A customer and the org admin of org-a, and an agent. */
const people = async () => ({ customer: await t.as('customerA'), admin: await t.as('adminA'), agent: await t.as('agent') });

describe('an internal note', () => {
  it('leaves the customer’s updatedAt and list order as they were; agents see the note’s time', async () => {
    const { customer, admin, agent } = await people();
    const older = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Older' });
    t.clock.advance(MINUTE);
    const newer = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Newer' });
    t.clock.advance(MINUTE);
    const noted = await agent.ticket.note.mutate({ id: older.id, body: 'Customer is on the old kernel.' });
    expect(noted.updatedAt).toBe('2026-05-20T06:02:00.000Z');

    for (const client of [customer, admin]) {
      const seen = await client.ticket.get.query({ id: older.id });
      expect(seen.updatedAt).toBe(older.updatedAt);
      const { items } = await client.ticket.list.query({ sort: 'updated' });
      expect(items.map((item) => item.subject).slice(0, 2)).toEqual(['Newer', 'Older']);
      expect(items.find((item) => item.id === older.id)!.updatedAt).toBe(older.updatedAt);
    }

    const agentList = await agent.ticket.list.query({ sort: 'updated' });
    expect(agentList.items.map((item) => item.subject).slice(0, 2)).toEqual(['Older', 'Newer']);
    expect(agentList.items[0]!.updatedAt).toBe('2026-05-20T06:02:00.000Z');
    expect(newer.updatedAt).toBe('2026-05-20T06:01:00.000Z');
  });

  it('a public reply after it moves the customer’s time as usual', async () => {
    const { customer, agent } = await people();
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    t.clock.advance(MINUTE);
    await agent.ticket.note.mutate({ id: ticket.id, body: 'internal' });
    t.clock.advance(MINUTE);
    const replied = await agent.ticket.reply.mutate({ id: ticket.id, body: 'public' });
    expect((await customer.ticket.get.query({ id: ticket.id })).updatedAt).toBe(replied.updatedAt);
    expect((await customer.ticket.list.query()).items[0]!.id).toBe(ticket.id);
  });

  it('a customer’s list pages by the time they see, each ticket once', async () => {
    const { customer, agent } = await people();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await customer.ticket.create.mutate({ ...NEW_TICKET, subject: `Paged ${i}` })).id);
      t.clock.advance(MINUTE);
    }
    // Notes on the oldest: they must not pull it forward, nor make a page skip or repeat it.
    for (const id of ids.slice(0, 2)) await agent.ticket.note.mutate({ id, body: 'note' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await customer.ticket.list.query({ sort: 'updated', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
  });
});
