import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text } from '../../../testing/dom';
import { AGENT, CUSTOMER, MINUTE, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { NavigateEvent } from '../../../workspace/events';
import type { OrgPanel } from './org-panel';

let h: Harness;
let first: string;
beforeEach(async () => {
  h = await startHarness();
  const customer = await h.as(CUSTOMER);
  first = (await openTicket(customer, { subject: 'Open one' })).id;
  h.server.clock.advance(MINUTE);
  await openTicket(customer, { subject: 'Open two' });
  const closed = await openTicket(customer, { subject: 'Closed' });
  await customer.ticket.close.mutate({ id: closed.id });
});
afterEach(() => h.close());

async function panel() {
  const el = await h.mount<OrgPanel>('support-tickets-org-panel', { orgId: CUSTOMER.org }, { claims: AGENT });
  await vi.waitFor(() => expect($(el, 'h2')?.textContent).toBe('Acme'));
  return el;
}

describe('organisation panel', () => {
  it('shows the plan’s targets and the open tickets, most urgent first', async () => {
    const el = await panel();
    expect(h.calls('org.get')[0]).toEqual({ orgId: CUSTOMER.org });
    expect(text($(el, '.targets'))).toContain('Normal < 24 h');
    expect(text($(el, '.targets'))).toContain('Critical Not offered');
    expect(text($(el, '.targets'))).toContain('Business hours');
    await vi.waitFor(() => expect($$(el, '[part="ticket"]')).toHaveLength(2));
    expect(h.calls('ticket.list')[0]).toEqual({ orgId: CUSTOMER.org, sort: 'due', limit: 25 });
    expect(text($(el, '.tickets'))).not.toContain('Closed');
    expect($(el, '[part="load-more"]')).toBeNull(); // the first closed ticket ends the open ones
    expect($(el, '#tickets-heading')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Open tickets (2)');
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '[part="ticket"]')!.click();
    expect(navigations[0]?.route).toEqual({ view: 'ticket', id: first });
  });

  it('shows the new plan once saved', async () => {
    const el = await panel();
    $<HTMLInputElement>(el, 'support-tickets-plan-form', 'input[value="enterprise"]')!.click();
    $<HTMLFormElement>(el, 'support-tickets-plan-form', 'form')!.requestSubmit();
    await vi.waitFor(() => expect($(el, '#plan-heading')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Plan: Enterprise'));
    expect(text($(el, '.targets'))).toContain('Critical < 30 min');
  });

  it('follows changes to the organisation’s tickets', async () => {
    const el = await panel();
    await vi.waitFor(() => expect($$(el, '[part="ticket"]')).toHaveLength(2));
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    await openTicket(await h.as({ sub: 'other-1', role: 'customer', org: 'org-2', name: 'Other' }), { subject: 'Elsewhere' });
    await openTicket(await h.as(CUSTOMER), { subject: 'Just opened' });
    await vi.waitFor(() => expect(text(el)).toContain('Just opened'));
    expect(text(el)).not.toContain('Elsewhere');
  });
});
