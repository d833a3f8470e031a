import { describe, expect, it } from 'vitest';
import { handMadeToken } from './helpers/jwt';
import { expectCode, NEW_TICKET, PEOPLE, SECRET, serverForTests } from './helpers/server';

// SPEC §9: text is stored and read back whole, or refused. A NUL cut the text short on the way
// back (the agent never saw the rest); a lone surrogate came back as U+FFFD.

const t = serverForTests();
/** The customer of a ticket, an agent, and the ticket. */
async function ticketOfCustomerA() {
  const [customer, agent] = await Promise.all([t.as('customerA'), t.as('agent')]);
  return { customer, agent, ticketId: (await customer.ticket.create.mutate(NEW_TICKET)).id };
}

const NUL = 'visible\u0000 hidden';
const LONE_HIGH = 'broken \uD83D text';
const LONE_LOW = 'broken \uDE00 text';

describe('text inputs', () => {
  it.each([
    ['a NUL', NUL, 'nul', /NUL/],
    ['a lone high surrogate', LONE_HIGH, 'lone_surrogate', /surrogate/],
    ['a lone low surrogate', LONE_LOW, 'lone_surrogate', /surrogate/],
  ])('refuse %s in a subject, a body, a reply and a note, changing nothing', async (_label, text, code, message) => {
    const { customer, agent, ticketId } = await ticketOfCustomerA();
    const before = await t.counts();
    const cases: Array<[Promise<unknown>, string]> = [
      [customer.ticket.create.mutate({ ...NEW_TICKET, subject: text }), 'subject'],
      [customer.ticket.create.mutate({ ...NEW_TICKET, body: text }), 'body'],
      [customer.ticket.reply.mutate({ id: ticketId, body: text }), 'body'],
      [agent.ticket.note.mutate({ id: ticketId, body: text }), 'body'],
    ];
    for (const [call, path] of cases) {
      const error = await expectCode(call, 'BAD_REQUEST');
      expect(error.message).toMatch(message);
      expect(error.data?.issues).toEqual([{ path, message: expect.stringMatching(message), textProblem: expect.objectContaining({ code }) }]);
    }
    expect(await t.counts()).toEqual(before);
  });

  it('refuse them in searches, ids and cursors too', async () => {
    const { customer, agent, ticketId } = await ticketOfCustomerA();
    await expectCode(customer.ticket.list.query({ q: NUL }), 'BAD_REQUEST');
    await expectCode(customer.ticket.list.query({ q: LONE_HIGH }), 'BAD_REQUEST');
    await expectCode(customer.ticket.get.query({ id: `${ticketId}\u0000` }), 'BAD_REQUEST');
    await expectCode(customer.ticket.messages.query({ id: ticketId, before: 'abc\u0000' }), 'BAD_REQUEST');
    await expectCode(agent.org.get.query({ orgId: 'org-a\uD800' }), 'BAD_REQUEST');
  });

  it('keep every other character, surrogate pairs and controls included, whole', async () => {
    const { customer, agent } = await ticketOfCustomerA();
    const text = 'emoji 😀 / فارسی / tab\there / line\nbreak / \u200f mark / 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    const created = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'ok 😀', body: text });
    const read = await agent.ticket.get.query({ id: created.id });
    expect(read.subject).toBe('ok 😀');
    expect(read.messages[0]!.body).toBe(text);
  });

  it('a token naming its person with a NUL is refused, not stored cut short', async () => {
    const before = await t.counts();
    const token = await handMadeToken({ ...PEOPLE.customerA, name: 'Ava\u0000 Admin', exp: Math.floor(Date.now() / 1000) + 60 }, SECRET);
    await expectCode(t.withToken(token).ticket.list.query(), 'UNAUTHORIZED');
    expect(await t.counts()).toEqual(before);
  });
});
