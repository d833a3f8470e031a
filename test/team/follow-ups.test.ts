import { describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, serverForTests } from '../helpers/server';

// SPEC §8: follow-ups of one's own closed tickets, linked both ways for agents; a rating once,
// within 7 days of closing; satisfaction per plan in the SLA overview.

const t = serverForTests();
const DAY = 24 * 60 * 60_000;

async function closedTicket(who: 'customerA' | 'customerB' = 'customerA') {
  const customer = await t.as(who);
  const ticket = await customer.ticket.create.mutate(NEW_TICKET);
  await (await t.as('agent')).ticket.reply.mutate({ id: ticket.id, body: 'Fixed.' });
  return customer.ticket.close.mutate({ id: ticket.id });
}

describe('follow-ups', () => {
  it('opens a follow-up of one’s own closed ticket, linked both ways for agents', async () => {
    const customer = await t.as('customerA');
    const original = await closedTicket();
    expect(original.actions).toEqual(['rate', 'follow_up']);
    const followUp = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Down again', followUpOf: original.id });
    expect(followUp.followUpOf).toBe(original.id);
    expect(followUp.followUpOfTicket).toMatchObject({ id: original.id, number: original.number, status: 'closed' });
    const agent = await t.as('agent');
    expect((await agent.ticket.get.query({ id: original.id })).followUps.map((f) => f.number)).toEqual([followUp.number]);
    // Customers see what their ticket follows up, not a list of follow-ups.
    expect((await customer.ticket.get.query({ id: original.id })).followUps).toEqual([]);
  });

  it('refuses another person’s ticket as not found, an open one, and agents; opening nothing', async () => {
    const foreign = await closedTicket('customerB');
    const customer = await t.as('customerA');
    const before = await t.counts();
    await expectCode(customer.ticket.create.mutate({ ...NEW_TICKET, followUpOf: foreign.id }), 'NOT_FOUND');
    await expectCode(customer.ticket.create.mutate({ ...NEW_TICKET, followUpOf: 'no-such-ticket' }), 'NOT_FOUND');
    const open = await customer.ticket.create.mutate(NEW_TICKET);
    const after = await t.counts();
    const refused = await expectCode(customer.ticket.create.mutate({ ...NEW_TICKET, followUpOf: open.id }), 'CONFLICT');
    expect(refused.data?.reason).toEqual({ kind: 'not_closed' });
    expect((await t.counts()).tickets).toBe(after.tickets);
    expect(after.tickets).toBe(before.tickets + 1);
    // Another customer of the same organisation: not theirs, so not found.
    const mine = await closedTicket();
    await expectCode((await t.as('customerA2')).ticket.create.mutate({ ...NEW_TICKET, followUpOf: mine.id }), 'NOT_FOUND');
  });
});

describe('ratings', () => {
  it('takes one rating within 7 days of closing, shown on the ticket', async () => {
    const customer = await t.as('customerA');
    const ticket = await closedTicket();
    // The server says until when: core's 7 days from closing, for the person who may rate.
    expect(ticket.rateUntil).toBe(new Date(Date.parse(ticket.closedAt!) + 7 * DAY).toISOString());
    expect((await (await t.as('agent')).ticket.get.query({ id: ticket.id })).rateUntil).toBeNull();
    const rated = await customer.ticket.rate.mutate({ id: ticket.id, rating: 'good', comment: 'Quick, thanks!' });
    expect(rated.rating).toMatchObject({ rating: 'good', comment: 'Quick, thanks!' });
    expect(rated.actions).toEqual(['follow_up']);
    expect(rated.rateUntil).toBeNull();
    const twice = await expectCode(customer.ticket.rate.mutate({ id: ticket.id, rating: 'bad' }), 'CONFLICT');
    expect(twice.data?.reason).toEqual({ kind: 'already_rated' });
    expect((await (await t.as('agent')).ticket.get.query({ id: ticket.id })).rating?.rating).toBe('good');
  });

  it('refuses a rating too late, on an open ticket, by an agent, of another’s ticket, or not good or bad', async () => {
    const customer = await t.as('customerA');
    const late = await closedTicket();
    t.clock.advance(7 * DAY + 1);
    expect((await customer.ticket.get.query({ id: late.id })).rateUntil).toBeNull();
    const tooLate = await expectCode(customer.ticket.rate.mutate({ id: late.id, rating: 'good' }), 'CONFLICT');
    expect(tooLate.data?.reason).toEqual({ kind: 'rating_expired', days: 7 });
    const open = await customer.ticket.create.mutate(NEW_TICKET);
    await expectCode(customer.ticket.rate.mutate({ id: open.id, rating: 'good' }), 'CONFLICT');
    const closed = await closedTicket();
    await expectCode((await t.as('agent')).ticket.rate.mutate({ id: closed.id, rating: 'good' }), 'FORBIDDEN');
    await expectCode((await t.as('customerB')).ticket.rate.mutate({ id: closed.id, rating: 'good' }), 'NOT_FOUND');
    await expectCode(customer.ticket.rate.mutate({ id: closed.id, rating: 'great' as 'good' }), 'BAD_REQUEST');
  });

  it('shows satisfaction per plan in the SLA overview', async () => {
    const customer = await t.as('customerB');
    const agent = await t.as('agent');
    const developerRow = async () => (await agent.sla.overview.query()).satisfaction.find((row) => row.planId === 'developer')!;
    const before = await developerRow();
    const [a, b, c] = [await closedTicket('customerB'), await closedTicket('customerB'), await closedTicket('customerB')];
    await customer.ticket.rate.mutate({ id: a.id, rating: 'good' });
    await customer.ticket.rate.mutate({ id: b.id, rating: 'good' });
    await customer.ticket.rate.mutate({ id: c.id, rating: 'bad' });
    const developer = await developerRow();
    expect([developer.good - before.good, developer.bad - before.bad]).toEqual([2, 1]);
    expect(developer.share).toBeCloseTo(developer.good / (developer.good + developer.bad));
    const overview = await agent.sla.overview.query();
    expect(overview.satisfaction.map((row) => row.planId)).toEqual(['enterprise', 'sme', 'business', 'developer', 'custom']);
  });
});
