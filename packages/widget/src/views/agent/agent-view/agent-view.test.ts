import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, cleanup, escape, focused, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, DEVELOPER_ORG, FakeApi, detail, fakeToken, orgSummary, ticket } from '../../../testing/fake-api';
import type { AgentView } from './agent-view';
import '../index';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi()
    .on('ticket.list', () => ({ items: [ticket({ id: 'q1', subject: 'First in line' }), ticket({ id: 'q2', subject: 'Second' })], nextCursor: null }))
    .on('ticket.get', ({ id }) => detail({ id, subject: id === 'q2' ? 'Second' : 'First in line' }))
    .on('org.get', () => DEVELOPER_ORG)
    .on('org.list', () => ({ items: [orgSummary()], nextCursor: null }))
    .on('sla.overview', () => ({ generatedAt: new Date().toISOString(), open: [], compliance: { last7Days: { met: 0, missed: 0, total: 0, share: null }, last30Days: { met: 0, missed: 0, total: 0, share: null } } }));
  installFetch(api);
});
afterEach(cleanup);

const view = () => mount<AgentView>('support-tickets-agent', { ctx: makeContext(fakeToken(AGENT)), now: new Date() });

describe('agent workspace', () => {
  it('opens a ticket from the queue, and Escape comes back to the same row, the queue as it was', async () => {
    const el = await view();
    await vi.waitFor(() => expect($(el, 'support-tickets-queue', '.row[data-id="q2"]')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-queue', '.row[data-id="q2"]')!.click();
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Second'));
    expect(focused()?.tagName).toBe('H2');
    expect($(el, 'support-tickets-queue')?.hidden).toBe(true);
    escape($(el, 'support-tickets-agent-ticket', 'h2')!);
    await vi.waitFor(() => expect((focused() as HTMLElement | null)?.dataset['id']).toBe('q2'));
    expect(api.callsTo('ticket.list')).toHaveLength(1);
  });

  it('goes from a ticket to its organisation and back to the ticket', async () => {
    const el = await view();
    await vi.waitFor(() => expect($(el, 'support-tickets-queue', '.row')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-queue', '.row')!.click();
    await vi.waitFor(() => expect($(el, 'support-tickets-agent-ticket', '.org-link')).not.toBeNull());
    $<HTMLButtonElement>(el, 'support-tickets-agent-ticket', '.org-link')!.click();
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Acme'));
    const tabs = [...(el.shadowRoot?.querySelectorAll('.tab') ?? [])];
    expect(tabs.map((tab) => tab.getAttribute('aria-current'))).toEqual(['false', 'page', 'false']);
    $<HTMLButtonElement>(el, 'support-tickets-org-panel', '.back')!.click();
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
