import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $, text } from '../../../testing/dom';
import { AGENT, AGENT_2, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import type { TicketActions } from './ticket-actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function setPlan(plan: 'enterprise' | 'developer') {
  await (await h.as(CUSTOMER)).org.get.query();
  await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, plan });
}

/** The actions of a ticket as the agent reads it, with its organisation. */
async function actions(id: string) {
  const agent = await h.as(AGENT);
  const ticket = await agent.ticket.get.query({ id });
  const org = await agent.org.get.query({ orgId: ticket.orgId });
  return h.mount<TicketActions>('support-tickets-agent-actions', { ticket, org }, { claims: AGENT });
}

describe('ticket actions', () => {
  it('offers every priority of the plan, each with its target', async () => {
    await setPlan('enterprise');
    const el = await actions((await openTicket(await h.as(CUSTOMER), { priority: 'high' })).id);
    const options = [...$<HTMLSelectElement>(el, '#priority')!.options];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Critical (< 30 min)', 'Urgent (< 1 h)', 'High (< 4 h)', 'Normal (< 12 h)', 'Low (< 24 h)']);
    expect($<HTMLSelectElement>(el, '#priority')!.value).toBe('high');
  });

  it('keeps a priority the plan no longer offers visible but not selectable', async () => {
    await setPlan('enterprise');
    const ticket = await openTicket(await h.as(CUSTOMER), { priority: 'urgent' });
    await setPlan('developer');
    const el = await actions(ticket.id);
    const options = [...$<HTMLSelectElement>(el, '#priority')!.options];
    expect(options.map((o) => [o.value, o.disabled, o.textContent?.trim()])).toEqual([
      ['urgent', true, 'Urgent (not in the plan)'],
      ['normal', false, 'Normal (< 24 h)'],
      ['low', false, 'Low (< 48 h)'],
    ]);
  });

  it('offers to take over a ticket another agent has, and nothing to accept once it is yours', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    await (await h.as(AGENT_2)).ticket.accept.mutate({ id: ticket.id });
    let el = await actions(ticket.id);
    expect(text($(el, '[part="accept"]'))).toBe('Take over');
    expect(text($(el, '.assignee'))).toContain('Assigned to another agent');
    el.remove();
    await (await h.as(AGENT)).ticket.accept.mutate({ id: ticket.id });
    el = await actions(ticket.id);
    expect(text($(el, '.assignee'))).toContain('Assigned to you');
    expect($(el, '[part="accept"]')).toBeNull();
  });

  it('offers nothing to change on a closed ticket', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    await (await h.as(CUSTOMER)).ticket.close.mutate({ id: ticket.id });
    const el = await actions(ticket.id);
    expect($<HTMLSelectElement>(el, '#priority')!.disabled).toBe(true);
    expect($(el, '[part="close"]')).toBeNull();
    expect($(el, '[part="accept"]')).toBeNull();
  });
});
