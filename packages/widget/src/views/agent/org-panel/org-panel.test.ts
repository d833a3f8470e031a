import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, DEVELOPER_ORG, ENTERPRISE_ORG, FakeApi, fakeToken, ticket } from '../../../testing/fake-api';
import { AgentNavigateEvent } from '../navigation';
import { OrgDirectory } from '../org-directory';
import type { OrgPanel } from './org-panel';
import '../index';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi()
    .on('org.get', () => ({ ...DEVELOPER_ORG, openTickets: 2 }))
    .on('ticket.list', () => ({
      items: [ticket({ id: 'o1', subject: 'Open one' }), ticket({ id: 'o2', subject: 'Open two' }), ticket({ id: 'o3', subject: 'Closed', status: 'closed', sla: 'met' })],
      nextCursor: 'more',
    }));
  installFetch(api);
});
afterEach(cleanup);

async function panel() {
  const ctx = makeContext(fakeToken(AGENT));
  const el = await mount<OrgPanel>('support-tickets-org-panel', { ctx, now: new Date(), orgId: 'org-1', directory: new OrgDirectory() });
  await vi.waitFor(() => expect($(el, 'h2')?.textContent).toBe('Acme'));
  return el;
}

describe('organisation panel', () => {
  it('shows the plan’s targets and the open tickets, most urgent first', async () => {
    const el = await panel();
    expect(api.callsTo('org.get')[0]?.input).toEqual({ orgId: 'org-1' });
    expect(text($(el, '.targets'))).toContain('Normal < 24 h');
    expect(text($(el, '.targets'))).toContain('Critical Not offered');
    expect(text($(el, '.targets'))).toContain('Business hours');
    await vi.waitFor(() => expect($$(el, '[part="ticket"]')).toHaveLength(2));
    expect(api.callsTo('ticket.list')[0]?.input).toEqual({ orgId: 'org-1', sort: 'due', limit: 25 });
    expect(text(el)).not.toContain('Closed');
    expect($(el, '[part="load-more"]')).toBeNull(); // the first closed ticket ends the open ones
    expect($(el, '#tickets-heading')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Open tickets (2)');
    const navigations: AgentNavigateEvent[] = [];
    el.addEventListener(AgentNavigateEvent.type, (e) => navigations.push(e as AgentNavigateEvent));
    $<HTMLButtonElement>(el, '[part="ticket"]')!.click();
    expect(navigations[0]?.route).toEqual({ view: 'ticket', id: 'o1' });
  });

  it('shows the new plan once saved', async () => {
    api.on('org.setPlan', () => ENTERPRISE_ORG);
    const el = await panel();
    $<HTMLInputElement>(el, 'support-tickets-plan-form', 'input[value="enterprise"]')!.click();
    $<HTMLFormElement>(el, 'support-tickets-plan-form', 'form')!.requestSubmit();
    await vi.waitFor(() => expect($(el, '#plan-heading')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Plan: Enterprise'));
    expect(text($(el, '.targets'))).toContain('Critical < 30 min');
  });

  it('follows changes to the organisation’s tickets', async () => {
    const el = await panel();
    await vi.waitFor(() => expect($$(el, '[part="ticket"]')).toHaveLength(2));
    api.on('ticket.list', () => ({ items: [ticket({ id: 'o0', subject: 'Just opened' })], nextCursor: null }));
    api.push({ ticketId: 'elsewhere', orgId: 'org-2', kind: 'created' });
    api.push({ ticketId: 'o0', orgId: 'org-1', kind: 'created' });
    await vi.waitFor(() => expect(text(el)).toContain('Just opened'));
  });
});
