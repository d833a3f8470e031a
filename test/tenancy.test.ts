import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, PEOPLE, startServer, type Client, type Person, type TestServer } from './helpers/server';

// Who sees what (SPEC §3.7): every procedure × every role × a ticket of their own organisation
// and of another. Another tenant's ticket answers NOT_FOUND, never FORBIDDEN; role-only
// procedures answer FORBIDDEN to the wrong role whatever the ticket.

let t: TestServer;
const clients = {} as Record<Person, Client>;
const ROLES: Person[] = ['customerA', 'customerA2', 'adminA', 'customerB', 'adminB', 'agent'];
const SECRET_NOTE = 'INTERNAL-ONLY: refund approved by finance';

beforeAll(async () => {
  t = await startServer();
  for (const person of [...ROLES, 'agent2'] as Person[]) clients[person] = await t.as(person);
});
afterAll(() => t.stop({ removeFile: true }));

/** A fresh ticket owned by customerA (org-a) or customerB (org-b). */
async function ticketOf(owner: 'customerA' | 'customerB') {
  return clients[owner].ticket.create.mutate(NEW_TICKET);
}

function sees(person: Person, owner: 'customerA' | 'customerB'): boolean {
  const who = PEOPLE[person];
  const ownerClaims = PEOPLE[owner];
  if (who.role === 'agent') return true;
  if (who.role === 'org_admin') return who.org === ownerClaims.org;
  return who.sub === ownerClaims.sub;
}

type Procedure = 'get' | 'reply' | 'close' | 'accept' | 'note' | 'update';
const call: Record<Procedure, (c: Client, id: string) => Promise<unknown>> = {
  get: (c, id) => c.ticket.get.query({ id }),
  reply: (c, id) => c.ticket.reply.mutate({ id, body: 'a reply' }),
  close: (c, id) => c.ticket.close.mutate({ id }),
  accept: (c, id) => c.ticket.accept.mutate({ id }),
  note: (c, id) => c.ticket.note.mutate({ id, body: 'a note' }),
  update: (c, id) => c.ticket.update.mutate({ id, category: 'sales' }),
};
const agentOnly = new Set<Procedure>(['accept', 'note', 'update']);

const cells = (Object.keys(call) as Procedure[]).flatMap((procedure) =>
  ROLES.flatMap((person) =>
    (['customerA', 'customerB'] as const).map((owner) => {
      const expected = agentOnly.has(procedure)
        ? PEOPLE[person].role === 'agent'
          ? 'OK'
          : 'FORBIDDEN'
        : sees(person, owner)
          ? 'OK'
          : 'NOT_FOUND';
      return { procedure, person, owner, expected };
    }),
  ),
);

describe('ticket procedures × roles × organisations', () => {
  it.each(cells)('$procedure by $person on a ticket of $owner → $expected', async ({ procedure, person, owner, expected }) => {
    const ticket = await ticketOf(owner);
    if (expected === 'OK') {
      const result = (await call[procedure](clients[person], ticket.id)) as { id: string };
      expect(result.id).toBe(ticket.id);
      return;
    }
    const before = await t.counts();
    await expectCode(call[procedure](clients[person], ticket.id), expected);
    expect(await t.counts()).toEqual(before);
  });

  it.each(ROLES)('a ticket that does not exist is not found for %s', async (person) => {
    const id = '01900000-0000-7000-8000-000000000000';
    await expectCode(clients[person].ticket.get.query({ id }), 'NOT_FOUND');
    await expectCode(clients[person].ticket.reply.mutate({ id, body: 'x' }), 'NOT_FOUND');
    await expectCode(clients[person].ticket.close.mutate({ id }), 'NOT_FOUND');
  });

  it('only customers and org admins open tickets, in their own organisation', async () => {
    for (const person of ['customerA', 'customerA2', 'adminA', 'customerB', 'adminB'] as const) {
      const ticket = await clients[person].ticket.create.mutate(NEW_TICKET);
      expect(ticket).toMatchObject({ orgId: PEOPLE[person].org, createdBy: PEOPLE[person].sub });
    }
    const before = await t.counts();
    await expectCode(clients.agent.ticket.create.mutate(NEW_TICKET), 'FORBIDDEN');
    expect(await t.counts()).toEqual(before);
  });
});

describe('lists are scoped the same way', () => {
  let listServer: TestServer;
  const people = {} as Record<Person, Client>;
  const own = {} as Record<string, string>;

  beforeAll(async () => {
    listServer = await startServer();
    for (const person of ROLES) people[person] = await listServer.as(person);
    for (const person of ['customerA', 'customerA2', 'customerB'] as const) {
      own[person] = (await people[person].ticket.create.mutate({ ...NEW_TICKET, subject: `by ${person}` })).id;
    }
  });
  afterAll(() => listServer.stop({ removeFile: true }));

  const ids = async (client: Client, input?: Parameters<Client['ticket']['list']['query']>[0]) =>
    (await client.ticket.list.query(input)).items.map((item) => item.id).sort();

  it('customers see their own tickets, org admins their organisation, agents all', async () => {
    expect(await ids(people.customerA)).toEqual([own.customerA]);
    expect(await ids(people.customerA2)).toEqual([own.customerA2]);
    expect(await ids(people.adminA)).toEqual([own.customerA, own.customerA2].sort());
    expect(await ids(people.customerB)).toEqual([own.customerB]);
    expect(await ids(people.adminB)).toEqual([own.customerB]);
    expect(await ids(people.agent)).toEqual(Object.values(own).sort());
  });

  it('only agents pick another organisation', async () => {
    expect(await ids(people.agent, { orgId: 'org-b' })).toEqual([own.customerB]);
    expect(await ids(people.adminA, { orgId: 'org-a' })).toEqual([own.customerA, own.customerA2].sort());
    await expectCode(people.customerA.ticket.list.query({ orgId: 'org-b' }), 'FORBIDDEN');
    await expectCode(people.adminB.ticket.list.query({ orgId: 'org-a' }), 'FORBIDDEN');
  });

  it('agents only see the organisation name and plan on list items', async () => {
    const agentItems = (await people.agent.ticket.list.query()).items;
    expect(agentItems.every((item) => item.orgPlan === 'developer')).toBe(true);
    // These organisations were created from tokens without an `orgName`: named by their id.
    expect(agentItems.map((item) => item.orgName)).toEqual(agentItems.map((item) => item.orgId));
    for (const person of ['customerA', 'adminA', 'customerB', 'adminB'] as const) {
      const customerItems = (await people[person].ticket.list.query()).items;
      expect(customerItems.length).toBeGreaterThan(0);
      expect(customerItems.every((item) => item.orgName === null && item.orgPlan === null)).toBe(true);
    }
  });
});

describe('organisation and plan procedures', () => {
  it.each(ROLES.filter((p) => PEOPLE[p].role !== 'agent'))('%s gets their own organisation and no other', async (person) => {
    const org = PEOPLE[person as 'customerA'].org;
    expect(await clients[person].org.get.query()).toMatchObject({ id: org, planId: 'developer', availablePriorities: ['normal', 'low'] });
    expect(await clients[person].org.get.query({ orgId: org })).toMatchObject({ id: org });
    const other = org === 'org-a' ? 'org-b' : 'org-a';
    await expectCode(clients[person].org.get.query({ orgId: other }), 'NOT_FOUND');
  });

  it('an agent names the organisation', async () => {
    await expectCode(clients.agent.org.get.query(), 'BAD_REQUEST');
    expect(await clients.agent.org.get.query({ orgId: 'org-b' })).toMatchObject({ id: 'org-b' });
    await expectCode(clients.agent.org.get.query({ orgId: 'no-such-org' }), 'NOT_FOUND');
  });

  it.each(ROLES.filter((p) => PEOPLE[p].role !== 'agent'))('%s cannot change a plan, of their own organisation or another', async (person) => {
    const before = await t.counts();
    await expectCode(clients[person].org.setPlan.mutate({ orgId: 'org-a', plan: 'enterprise' }), 'FORBIDDEN');
    await expectCode(clients[person].org.setPlan.mutate({ orgId: 'org-b', plan: 'enterprise' }), 'FORBIDDEN');
    expect(await t.counts()).toEqual(before);
  });

  it('an agent changes any organisation plan; an unknown organisation is not found', async () => {
    const org = await clients.agent.org.setPlan.mutate({ orgId: 'org-b', plan: 'sme' });
    expect(org.planId).toBe('sme');
    await expectCode(clients.agent.org.setPlan.mutate({ orgId: 'nope', plan: 'sme' }), 'NOT_FOUND');
    await clients.agent.org.setPlan.mutate({ orgId: 'org-b', plan: 'developer' });
  });

  it.each(ROLES)('%s reads the plan table', async (person) => {
    expect((await clients[person].plan.list.query()).map((p) => p.id)).toEqual(['enterprise', 'sme', 'business', 'developer']);
  });

  it('the first token of an unknown organisation creates it on developer, once, even when racing', async () => {
    const newcomers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.as({ sub: `new-${i}`, role: 'customer', org: 'brand-new-org', orgName: 'Brand New' })),
    );
    const orgs = await Promise.all(newcomers.map((c) => c.org.get.query()));
    expect(new Set(orgs.map((o) => `${o.id}/${o.name}/${o.planId}`))).toEqual(new Set(['brand-new-org/Brand New/developer']));
    const rows = await t.query("SELECT id FROM organisations WHERE id = 'brand-new-org'");
    expect(rows).toHaveLength(1);
  });
});

describe('internal notes never reach customers or org admins', () => {
  it('not in ticket.get, ticket.list, nor the answers of their own mutations (raw JSON)', async () => {
    const ticket = await ticketOf('customerA');
    await clients.agent.ticket.note.mutate({ id: ticket.id, body: SECRET_NOTE });
    const agentView = await clients.agent.ticket.get.query({ id: ticket.id });
    expect(agentView.messages.some((m) => m.body === SECRET_NOTE)).toBe(true);

    for (const person of ['customerA', 'adminA'] as const) {
      const token = await t.token(person);
      const responses = [
        await t.raw('/trpc/ticket.get', { method: 'GET', token, input: { id: ticket.id } }),
        await t.raw('/trpc/ticket.list', { method: 'GET', token }),
        await t.raw('/trpc/ticket.reply', { token, input: { id: ticket.id, body: `reply by ${person}` } }),
      ];
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(response.text).not.toContain(SECRET_NOTE);
        expect(response.text).not.toContain('note_added');
        expect(response.text).not.toContain('"visibility":"internal"');
        expect(response.text).not.toContain('"internal":true');
      }
    }
    const closed = await t.raw('/trpc/ticket.close', { token: await t.token('customerA'), input: { id: ticket.id } });
    expect(closed.text).not.toContain(SECRET_NOTE);
    // Agents still see it after the close.
    const after = await clients.agent.ticket.get.query({ id: ticket.id });
    expect(after.messages.filter((m) => m.visibility === 'internal')).toHaveLength(1);
  });
});
