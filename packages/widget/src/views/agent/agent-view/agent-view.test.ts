import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, escape, focused, text } from '../../../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import type { AgentView } from './agent-view';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  const customer = await h.as(CUSTOMER);
  await openTicket(customer, { subject: 'First in line' });
  h.server.clock.advance(60_000);
  await openTicket(customer, { subject: 'Second' });
});
afterEach(() => h.close());

const view = () => h.mount<AgentView>('support-tickets-agent', {}, { claims: AGENT });

describe('agent workspace', () => {
  it('opens a ticket from the queue, and Escape comes back to the same row, the queue as it was', async () => {
    const el = await view();
    await vi.waitFor(() => expect($(el, 'support-tickets-queue', '.slot[data-index="1"] .row')).not.toBeNull());
    const second = $<HTMLButtonElement>(el, 'support-tickets-queue', '.slot[data-index="1"] .row')!;
    second.click();
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Second'));
    expect(focused()?.tagName).toBe('H2');
    expect($(el, 'support-tickets-queue')?.hidden).toBe(true);
    escape(focused()!);
    await vi.waitFor(() => expect((focused() as HTMLElement | null)?.dataset['id']).toBe(second.dataset['id']));
    expect(h.calls('ticket.list')).toHaveLength(1);
  });

  it('goes from a ticket to its organisation and back to the ticket', async () => {
    const el = await view();
    await vi.waitFor(() => expect($(el, 'support-tickets-queue', '.row')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-queue', '.row')!.click();
    await vi.waitFor(() => expect($(el, 'support-tickets-agent-ticket', '.org-link')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-agent-ticket', '.org-link')!.click();
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Acme'));
    const tabs = [...el.shadowRoot!.querySelectorAll('.tab')];
    expect(tabs.map((tab) => tab.getAttribute('aria-current'))).toEqual(['false', 'page', 'false', 'false']);
    escape(focused()!);
    await vi.waitFor(() => expect(focused()?.textContent).toBe('First in line'));
  });

  it('switches between the queue, the organisations and the SLA overview', async () => {
    const el = await view();
    const tab = (i: number) => el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tab')[i]!;
    tab(1).click();
    await vi.waitFor(() => expect(text($(el, 'support-tickets-org-list'))).toContain('Acme'));
    tab(2).click();
    await vi.waitFor(() => expect(text($(el, 'support-tickets-sla-overview'))).toContain('SLA overview'));
    expect(focused()?.textContent).toBe('SLA overview');
    tab(0).click();
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Support queue'));
  });
});
