import { describe, expect, it } from 'vitest';
import { expectCode, NEW_TICKET, PEOPLE, serverForTests } from '../helpers/server';

// SPEC §8: the customer's cloud resources travel in the token; a ticket keeps a snapshot of the
// ones it is about; agents filter the queue by resource. Plan table: architecture guidance.

const t = serverForTests();
const RESOURCES = [
  { id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' },
  { id: 'db-main', type: 'database', name: 'main' },
];
const withResources = { ...PEOPLE.customerA, resources: RESOURCES };

describe('resources', () => {
  it('keeps a snapshot of the token’s resources a ticket is about, shown to agents and filterable', async () => {
    const customer = await t.as(withResources);
    const ticket = await customer.ticket.create.mutate({ ...NEW_TICKET, resourceIds: ['db-main'] });
    expect(ticket.resources).toEqual([{ id: 'db-main', type: 'database', name: 'main', region: null }]);
    // The snapshot stays as it was, whatever later tokens say.
    const renamed = await t.as({ ...PEOPLE.customerA, resources: [{ id: 'db-main', type: 'database', name: 'renamed' }] });
    expect((await renamed.ticket.get.query({ id: ticket.id })).resources[0]?.name).toBe('main');
    const agent = await t.as('agent');
    const filtered = await agent.ticket.list.query({ resourceId: 'db-main' });
    expect(filtered.items.map((item) => [item.id, item.resources.map((r) => r.name)])).toEqual([[ticket.id, ['main']]]);
    expect((await agent.ticket.list.query({ resourceId: 'vm-web-1' })).items).toEqual([]);
  });

  it('tells the person which resources their token lets them refer to (me.get), none without the claim', async () => {
    const me = await (await t.as(withResources)).me.get.query();
    expect(me.resources).toEqual([
      { id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' },
      { id: 'db-main', type: 'database', name: 'main', region: null },
    ]);
    expect((await (await t.as('customerA')).me.get.query()).resources).toEqual([]);
  });

  it('refuses a resource the token does not list, opening nothing', async () => {
    const customer = await t.as(withResources);
    const before = await t.counts();
    const refused = await expectCode(customer.ticket.create.mutate({ ...NEW_TICKET, resourceIds: ['vm-web-1', 'vm-other'] }), 'BAD_REQUEST');
    expect(refused.data?.reason).toEqual({ kind: 'resource_not_allowed', resourceIds: ['vm-other'] });
    await expectCode((await t.as('customerA')).ticket.create.mutate({ ...NEW_TICKET, resourceIds: ['vm-web-1'] }), 'BAD_REQUEST');
    expect(await t.counts()).toEqual(before);
  });

  it('refuses a token with more than 50 resources or overlong strings', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `vm-${i}`, type: 'vm', name: `vm ${i}` }));
    const tooMany = await t.raw('/trpc/ticket.list', { method: 'GET', token: await fakeToken({ resources: many }) });
    expect(tooMany.status).toBe(401);
    const long = await t.raw('/trpc/ticket.list', { method: 'GET', token: await fakeToken({ resources: [{ id: 'x'.repeat(101), type: 'vm', name: 'a' }] }) });
    expect(long.status).toBe(401);
  });
});

describe('the plan table', () => {
  it('carries each plan’s architecture guidance in Persian and English', async () => {
    const plans = await (await t.as('customerA')).plan.list.query();
    expect(plans.map((plan) => plan.architectureGuidance?.en)).toEqual([
      'Consultative review and guidance based on the customer’s plans',
      'Consultative review and guidance based on the customer’s plans (once a year)',
      'As the customer needs',
      'General',
    ]);
    expect(plans.every((plan) => plan.architectureGuidance?.fa)).toBe(true);
  });
});

/** A token signed with the right secret whose claims the server must refuse. */
async function fakeToken(extra: Record<string, unknown>): Promise<string> {
  const { handMadeToken } = await import('../helpers/jwt');
  const { SECRET } = await import('../helpers/server');
  return handMadeToken({ ...PEOPLE.customerA, exp: Math.floor(Date.now() / 1000) + 3600, ...extra }, SECRET);
}
