import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, escape, focused, text, type } from '../../../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import type { CustomerView } from './customer-view';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await openTicket(await h.as(CUSTOMER), { subject: 'First' });
});
afterEach(() => h.close());

const view = () => h.mount<CustomerView>('support-tickets-customer', {}, { claims: CUSTOMER });

describe('customer view', () => {
  it('shows the organisation and its plan in the header', async () => {
    const el = await view();
    await vi.waitFor(() => expect(text($(el, '[part="header"]'))).toContain('Acme'));
    expect(text($(el, '[part="header"]'))).toContain('Developer');
  });

  it('opens a ticket, moves focus to its heading, and Escape goes back to the list', async () => {
    const el = await view();
    await vi.waitFor(() => expect($(el, 'support-tickets-list', 'button.row')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-list', 'button.row')!.click();
    await vi.waitFor(() => expect(focused()?.textContent).toBe('First'));
    expect(focused()?.tagName).toBe('H2');
    escape($(el, 'support-tickets-detail', 'h2')!);
    await vi.waitFor(() => expect($(el, 'support-tickets-list')).not.toBeNull());
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Your tickets'));
  });

  it('keeps the new-ticket draft across views', async () => {
    const el = await view();
    $<HTMLButtonElement>(el, '[part="new-ticket"]')!.click();
    await vi.waitFor(() => expect($(el, 'support-tickets-form', '#subject')).not.toBeNull());
    await vi.waitFor(() => expect(focused()?.textContent).toBe('New ticket'));
    type($<HTMLInputElement>(el, 'support-tickets-form', '#subject')!, 'Draft subject');
    escape($(el, 'support-tickets-form', '#subject')!);
    await vi.waitFor(() => expect($(el, 'support-tickets-list')).not.toBeNull());
    $<HTMLButtonElement>(el, '[part="new-ticket"]')!.click();
    await vi.waitFor(() => expect($<HTMLInputElement>(el, 'support-tickets-form', '#subject')?.value).toBe('Draft subject'));
  });

  it('keeps the list filters when coming back from a ticket', async () => {
    const el = await view();
    await vi.waitFor(() => expect($(el, 'support-tickets-list', 'button.row')).not.toBeNull());
    type($<HTMLSelectElement>(el, 'support-tickets-list', '#status')!, 'awaiting_response');
    await vi.waitFor(() => expect(h.calls('ticket.list').at(-1)).toMatchObject({ status: 'awaiting_response' }));
    await vi.waitFor(() => expect($(el, 'support-tickets-list', 'button.row')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-list', 'button.row')!.click();
    await vi.waitFor(() => expect($(el, 'support-tickets-detail', 'button.back')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-detail', 'button.back')!.click();
    await vi.waitFor(() => expect($<HTMLSelectElement>(el, 'support-tickets-list', '#status')?.value).toBe('awaiting_response'));
  });

  it('navigates to the plan table and marks the current tab', async () => {
    const el = await view();
    await vi.waitFor(() => expect(text($(el, '[part="header"]'))).toContain('Acme'));
    const tabs = () => [...(el.shadowRoot?.querySelectorAll('.tab') ?? [])];
    expect(tabs()[0]?.getAttribute('aria-current')).toBe('page');
    (tabs()[1] as HTMLButtonElement).click();
    await vi.waitFor(() => expect($(el, 'support-tickets-plans', 'table')).not.toBeNull());
    expect(tabs()[1]?.getAttribute('aria-current')).toBe('page');
    expect(h.calls('org.get')).toHaveLength(1);
  });

  it('offers the new plan’s priorities as soon as support changes the plan', async () => {
    const el = await view();
    $<HTMLButtonElement>(el, '[part="new-ticket"]')!.click();
    await vi.waitFor(() => expect($$(el, 'support-tickets-form', 'input[type="radio"]')).toHaveLength(2));
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, plan: 'enterprise' });
    await vi.waitFor(() => expect($$(el, 'support-tickets-form', 'input[type="radio"]')).toHaveLength(5));
    expect(text($(el, 'support-tickets-form', '.priorities'))).toContain('Critical');
  });
});
