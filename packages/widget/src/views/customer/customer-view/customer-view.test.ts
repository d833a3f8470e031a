import { PLANS } from '@support-tickets/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, escape, focused, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { CUSTOMER, DEVELOPER_ORG, ENTERPRISE_ORG, FakeApi, detail, fakeToken, ticket } from '../../../testing/fake-api';
import type { CustomerView } from './customer-view';

let api: FakeApi;

beforeEach(() => {
  api = new FakeApi()
    .on('ticket.list', () => ({ items: [ticket({ id: 'a', subject: 'First' })], nextCursor: null }))
    .on('ticket.get', ({ id }) => detail({ id, subject: 'First' }))
    .on('org.get', () => DEVELOPER_ORG)
    .on('plan.list', () => Object.values(PLANS));
  installFetch(api);
});
afterEach(cleanup);

const view = () => mount<CustomerView>('support-tickets-customer', { ctx: makeContext(fakeToken(CUSTOMER)), now: new Date() });

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
    type($<HTMLSelectElement>(el, 'support-tickets-list', '#status')!, 'awaiting_customer');
    await vi.waitFor(() => expect(api.callsTo('ticket.list').at(-1)?.input.status).toBe('awaiting_customer'));
    $<HTMLButtonElement>(el, 'support-tickets-list', 'button.row')!.click();
    await vi.waitFor(() => expect($(el, 'support-tickets-detail')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-detail', 'button.back')!.click();
    await vi.waitFor(() => expect($<HTMLSelectElement>(el, 'support-tickets-list', '#status')?.value).toBe('awaiting_customer'));
  });

  it('navigates to the plan table and marks the current tab', async () => {
    const el = await view();
    await vi.waitFor(() => expect(text($(el, '[part="header"]'))).toContain('Acme'));
    const tabs = () => [...(el.shadowRoot?.querySelectorAll('.tab') ?? [])];
    expect(tabs()[0]?.getAttribute('aria-current')).toBe('page');
    (tabs()[1] as HTMLButtonElement).click();
    await vi.waitFor(() => expect($(el, 'support-tickets-plans', 'table')).not.toBeNull());
    expect(tabs()[1]?.getAttribute('aria-current')).toBe('page');
    expect(api.callsTo('org.get')).toHaveLength(1);
  });

  it('offers the new plan’s priorities as soon as support changes the plan', async () => {
    const el = await view();
    $<HTMLButtonElement>(el, '[part="new-ticket"]')!.click();
    await vi.waitFor(() => expect($$(el, 'support-tickets-form', 'input[type="radio"]')).toHaveLength(2));
    api.on('org.get', () => ENTERPRISE_ORG);
    api.push({ ticketId: 'a', kind: 'plan_changed' });
    await vi.waitFor(() => expect($$(el, 'support-tickets-form', 'input[type="radio"]')).toHaveLength(5));
    expect(text($(el, 'support-tickets-form', '.priorities'))).toContain('Critical');
  });
});
