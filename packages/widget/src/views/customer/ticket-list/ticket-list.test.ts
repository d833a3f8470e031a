import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedInOneTransaction } from '@support-tickets/server/testing';
import { $, $$, text, type } from '../../../testing/dom';
import { failingFetch, type Failure, type ProcedurePath } from '../../../testing/failures';
import { ADMIN, AGENT, COLLEAGUE, CUSTOMER, HOUR, MINUTE, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { NavigateEvent } from '../../../workspace/events';
import { WorkspaceStore } from '../../../workspace/store';
import type { TicketList } from './ticket-list';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

function list(options: { claims?: typeof CUSTOMER | typeof ADMIN; lang?: 'en' | 'fa'; fetch?: typeof fetch; store?: WorkspaceStore } = {}) {
  return h.mount<TicketList>('support-tickets-list', {}, { claims: options.claims ?? CUSTOMER, ...options });
}

const rows = (el: TicketList) => $$(el, 'button.row');

describe('ticket list', () => {
  it('holds the place with skeleton rows while loading', async () => {
    const el = await list();
    expect($(el, '.skeleton-list')?.getAttribute('aria-busy')).toBe('true');
    expect($$(el, '.skeleton-row')).toHaveLength(3);
  });

  it('says there are no tickets yet and offers to open one', async () => {
    const el = await list();
    await vi.waitFor(() => expect(text(el)).toContain('No tickets yet'));
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '[data-kind="empty"] button')?.click();
    expect(navigations[0]?.route).toEqual({ view: 'create' });
  });

  it('explains a failure and retries on request', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Back again' });
    const failing = new Map<ProcedurePath, Failure>([['ticket.list', { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'boom' }]]);
    const el = await list({ fetch: failingFetch(h.server.fetch, failing) });
    await vi.waitFor(() => expect(text(el)).toContain('could not be loaded'));
    expect(text(el)).toContain('Something went wrong on our side');
    failing.clear();
    $<HTMLButtonElement>(el, '[role="alert"] button')?.click();
    await vi.waitFor(() => expect(text(el)).toContain('Back again'));
  });

  it('shows each ticket with status, priority, category, last update and SLA in words', async () => {
    const customer = await h.as(CUSTOMER);
    const agent = await h.as(AGENT);
    const done = await openTicket(customer, { subject: 'Done' });
    await agent.ticket.reply.mutate({ id: done.id, body: 'Fixed.' });
    await customer.ticket.close.mutate({ id: done.id });
    const answered = await openTicket(customer, { subject: 'Answered' });
    await agent.ticket.reply.mutate({ id: answered.id, body: 'Which VM?' });
    await openTicket(customer, { subject: 'Low one', priority: 'low', category: 'financial' });
    h.server.clock.advance(HOUR);
    const el = await list();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(3));
    // Waiting on the customer first, then open, closed last; the Developer plan counts business
    // hours: 24 working hours for normal. Waiting on the customer is said once, by the SLA chip.
    const texts = rows(el).map((row) => text(row));
    expect(texts[0]).toContain('Answered — waiting on you');
    expect(texts[0]).not.toContain('Awaiting customer');
    expect(texts[1]).toContain('Low one');
    expect(texts[1]).toContain('Awaiting response');
    expect(texts[1]).toContain('Financial');
    expect(texts[1]).toContain('Low');
    expect(texts[1]).toMatch(/Reply due in \d+ h/);
    expect(texts[1]).toContain('Updated 1 hour ago');
    expect(texts[2]).toContain('Answered in time');
    const chip = $$(el, 'button.row [part="sla"]')[1];
    expect(chip?.dataset['tone']).toBe('ok');
    expect(chip?.getAttribute('title')).toMatch(/^Reply due /);
    expect($(el, 'time')?.getAttribute('title')).toBeTruthy();
  });

  it('shows an org admin who opened each ticket', async () => {
    await openTicket(await h.as(COLLEAGUE));
    const el = await list({ claims: ADMIN });
    await vi.waitFor(() => expect(text(el)).toContain('by Cyrus'));
    expect(text(el)).toContain('Your organisation’s tickets');
  });

  it('filters by status and searches subjects (debounced), with the filters kept in the store', async () => {
    const customer = await h.as(CUSTOMER);
    const closed = await openTicket(customer, { subject: 'Disk full again' });
    await customer.ticket.close.mutate({ id: closed.id });
    await openTicket(customer, { subject: 'Disk full' });
    const store = new WorkspaceStore();
    const el = await list({ store });
    await vi.waitFor(() => expect(rows(el)).toHaveLength(2));
    type($<HTMLSelectElement>(el, '#status')!, 'closed');
    await vi.waitFor(() => expect(rows(el)).toHaveLength(1));
    expect(h.calls('ticket.list').at(-1)).toMatchObject({ status: 'closed' });
    type($<HTMLInputElement>(el, '#q')!, 'disk');
    type($<HTMLInputElement>(el, '#q')!, 'disk full');
    await vi.waitFor(() => expect(h.calls('ticket.list').at(-1)).toMatchObject({ status: 'closed', q: 'disk full' }));
    expect(h.calls('ticket.list').some((input) => (input as { q?: string }).q === 'disk')).toBe(false);
    expect(store.listFilters).toEqual({ status: 'closed', q: 'disk full' });
  });

  it('marks the words a search found, in the subject or in the message that matched', async () => {
    const customer = await h.as(CUSTOMER);
    await openTicket(customer, { subject: 'Disk full', body: 'The volume is full' });
    const panicked = await openTicket(customer, { subject: 'Server down' });
    await (await h.as(AGENT)).ticket.reply.mutate({ id: panicked.id, body: 'We found a kernel panic in the logs.' });
    const el = await list();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(2));
    type($<HTMLInputElement>(el, '#q')!, 'kernel');
    await vi.waitFor(() => expect(rows(el)).toHaveLength(1));
    expect($(el, 'button.row .subject')!.textContent).toContain('Server down');
    expect($$(el, 'button.row .excerpt mark').map((m) => m.textContent)).toEqual(['kernel']);
    type($<HTMLInputElement>(el, '#q')!, 'disk');
    await vi.waitFor(() => expect($$(el, 'button.row .subject mark').map((m) => m.textContent)).toEqual(['Disk']));
  });

  it('offers to clear filters when nothing matches', async () => {
    await openTicket(await h.as(CUSTOMER));
    const store = new WorkspaceStore();
    store.setListFilters({ status: 'closed', q: '' });
    const el = await list({ store });
    await vi.waitFor(() => expect(text(el)).toContain('No tickets match'));
    $<HTMLButtonElement>(el, '[data-kind="empty"] button')?.click();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(1));
  });

  it('pages through hundreds of tickets with "load more"', { timeout: 30_000 }, async () => {
    await seedInOneTransaction(h.server.dbFile, h.server.clock.now, async (callerFor) => {
      const customer = await callerFor(CUSTOMER);
      for (let i = 0; i < 230; i++) await customer.ticket.create({ subject: `Ticket #${i}`, body: 'b', category: 'technical' });
    });
    const el = await list();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(25));
    expect(text(el)).toContain('25 tickets shown');
    for (let page = 2; page <= 10; page++) {
      $<HTMLButtonElement>(el, '[part="load-more"]')?.click();
      await vi.waitFor(() => expect(rows(el)).toHaveLength(Math.min(230, page * 25)));
    }
    expect($(el, '[part="load-more"]')).toBeNull();
    expect(text(el)).toContain('All 230 tickets shown');
    expect(new Set(rows(el).map((row) => row.dataset['id'])).size).toBe(230);
  });

  it('keeps the rows when a page fails and offers to try again', async () => {
    await seedInOneTransaction(h.server.dbFile, h.server.clock.now, async (callerFor) => {
      const customer = await callerFor(CUSTOMER);
      for (let i = 0; i < 30; i++) await customer.ticket.create({ subject: `Ticket #${i}`, body: 'b', category: 'technical' });
    });
    const failing = new Map<ProcedurePath, Failure>();
    const el = await list({ fetch: failingFetch(h.server.fetch, failing) });
    await vi.waitFor(() => expect(rows(el)).toHaveLength(25));
    failing.set('ticket.list', 'offline');
    $<HTMLButtonElement>(el, '[part="load-more"]')?.click();
    await vi.waitFor(() => expect($(el, '[part="load-more"]')?.textContent?.trim()).toBe('Try again'));
    expect(rows(el)).toHaveLength(25);
    failing.clear();
    $<HTMLButtonElement>(el, '[part="load-more"]')?.click();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(30));
  });

  it('opens a ticket from its row (a button: Enter and Space work)', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await list();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(1));
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    const row = $<HTMLButtonElement>(el, 'button.row')!;
    expect(row.tagName).toBe('BUTTON');
    row.click();
    expect(navigations[0]?.route).toEqual({ view: 'detail', id: ticket.id });
  });

  it('shows changes as they happen, one refresh for a burst of them', async () => {
    const customer = await h.as(CUSTOMER);
    await openTicket(customer, { subject: 'Old one' });
    const el = await list();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(1));
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    await Promise.all(['New one', 'Newer one', 'Newest one'].map((subject) => openTicket(customer, { subject })));
    await vi.waitFor(() => expect(rows(el)).toHaveLength(4));
    expect(h.calls('ticket.list').length).toBeLessThanOrEqual(3);
    expect(h.calls('ticket.list')[1]).toMatchObject({ sort: 'attention', limit: 25 });
  });

  it('renders Persian digits and labels in fa', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'دیسک پر است' });
    h.server.clock.advance(5 * MINUTE);
    const el = await list({ lang: 'fa' });
    await vi.waitFor(() => expect(text(el)).toContain('دیسک پر است'));
    expect(text(el)).toMatch(/مهلت پاسخ: [۰-۹]+ ساعت/);
    expect(text(el)).toContain('تنها تیکت شما');
  });
});

describe('ticket numbers in the list', () => {
  it('labels each row with its ticket number', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER), { subject: 'Numbered' });
    const el = await list();
    await vi.waitFor(() => expect(rows(el)).toHaveLength(1));
    expect(text($(el, 'button.row .meta span'))).toBe(`#${ticket.number}`);
  });
});
