import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { ADMIN, ApiError, CUSTOMER, FakeApi, fakeToken, ticket } from '../../../testing/fake-api';
import { NavigateEvent } from '../../navigation';
import type { ListFilters, TicketList } from './ticket-list';

const MINUTE = 60_000;
let api: FakeApi;

beforeEach(() => {
  api = new FakeApi();
  installFetch(api);
});
afterEach(cleanup);

/** Mounts a list whose filters behave as its parent keeps them. */
async function list(token = fakeToken(CUSTOMER), lang: 'en' | 'fa' = 'en') {
  const el = await mount<TicketList>('support-tickets-list', { ctx: makeContext(token, lang), now: new Date() });
  el.addEventListener('st-filters', (e) => (el.filters = (e as CustomEvent<ListFilters>).detail));
  return el;
}

describe('ticket list', () => {
  it('holds the place with skeleton rows while loading', async () => {
    api.on('ticket.list', () => new Promise(() => {}));
    const el = await list();
    expect($(el, '.skeleton-list')?.getAttribute('aria-busy')).toBe('true');
    expect($$(el, '.skeleton-row')).toHaveLength(3);
  });

  it('says there are no tickets yet and offers to open one', async () => {
    api.on('ticket.list', () => ({ items: [], nextCursor: null }));
    const el = await list();
    await vi.waitFor(() => expect(text(el)).toContain('No tickets yet'));
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '[data-kind="empty"] button')?.click();
    expect(navigations[0]?.route).toEqual({ view: 'create' });
  });

  it('explains a failure and retries on request', async () => {
    let fail = true;
    api.on('ticket.list', () => {
      if (fail) throw new ApiError('INTERNAL_SERVER_ERROR', 'boom');
      return { items: [ticket({ subject: 'Back again' })], nextCursor: null };
    });
    const el = await list();
    await vi.waitFor(() => expect(text(el)).toContain('could not be loaded'));
    expect(text(el)).toContain('Something went wrong on our side');
    fail = false;
    $<HTMLButtonElement>(el, '[role="alert"] button')?.click();
    await vi.waitFor(() => expect(text(el)).toContain('Back again'));
  });

  it('shows each ticket with status, priority, category, last update and SLA in words', async () => {
    const now = Date.now();
    api.on('ticket.list', () => ({
      items: [
        ticket({ subject: 'On track', sla: 'on_track', dueAt: new Date(now + 3 * 60 * MINUTE + 30_000).toISOString() }),
        ticket({ subject: 'Late', sla: 'breached', dueAt: new Date(now - 20 * MINUTE).toISOString(), priority: 'high', category: 'financial' }),
        ticket({ subject: 'Answered', status: 'awaiting_customer', sla: 'paused', dueAt: null }),
        ticket({ subject: 'Done', status: 'closed', sla: 'met', dueAt: null }),
      ],
      nextCursor: null,
    }));
    const el = await list();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(4));
    const rows = $$(el, 'button.row').map((row) => text(row));
    expect(rows[0]).toContain('Reply due in 3 h');
    expect(rows[0]).toContain('Awaiting response');
    expect(rows[0]).toContain('Technical');
    expect(rows[0]).toContain('Normal');
    expect(rows[0], rows[0]).toContain('Updated 1 hour ago');
    expect(rows[1]).toContain('Overdue by 20 min');
    expect(rows[1]).toContain('High');
    expect(rows[1]).toContain('Financial');
    expect(rows[2]).toContain('waiting on you');
    expect(rows[3]).toContain('Answered in time');
    const chip = $(el, 'button.row [part="sla"]');
    expect(chip?.dataset['tone']).toBe('ok');
    expect(chip?.getAttribute('title')).toMatch(/^Reply due /);
    expect($(el, 'time')?.getAttribute('title')).toBeTruthy();
  });

  it('shows an org admin who opened each ticket', async () => {
    api.on('ticket.list', () => ({ items: [ticket({ createdByName: 'Bahram' })], nextCursor: null }));
    const el = await list(fakeToken(ADMIN));
    await vi.waitFor(() => expect(text(el)).toContain('by Bahram'));
    expect(text(el)).toContain('Your organisation’s tickets');
  });

  it('filters by status and searches subjects (debounced)', async () => {
    api.on('ticket.list', (input) => ({ items: [ticket({ subject: `for ${JSON.stringify(input)}` })], nextCursor: null }));
    const el = await list();
    await vi.waitFor(() => expect(api.callsTo('ticket.list')).toHaveLength(1));
    type($<HTMLSelectElement>(el, '#status')!, 'closed');
    await vi.waitFor(() => expect(api.callsTo('ticket.list').at(-1)?.input).toMatchObject({ status: 'closed' }));
    type($<HTMLInputElement>(el, '#q')!, 'disk');
    type($<HTMLInputElement>(el, '#q')!, 'disk full');
    await vi.waitFor(() => expect(api.callsTo('ticket.list').at(-1)?.input).toMatchObject({ status: 'closed', q: 'disk full' }));
    expect(api.callsTo('ticket.list').some((call) => call.input?.q === 'disk')).toBe(false);
  });

  it('offers to clear filters when nothing matches', async () => {
    api.on('ticket.list', (input) => ({ items: input?.status ? [] : [ticket()], nextCursor: null }));
    const el = await list();
    el.filters = { status: 'closed', q: '' };
    await vi.waitFor(() => expect(text(el)).toContain('No tickets match'));
    $<HTMLButtonElement>(el, '[data-kind="empty"] button')?.click();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(1));
  });

  it('pages through hundreds of tickets with "load more"', async () => {
    const all = Array.from({ length: 230 }, (_, i) => ticket({ id: `p${i}`, subject: `Ticket #${i}` }));
    api.on('ticket.list', (input) => {
      const start = input?.cursor ? Number(input.cursor) : 0;
      const end = start + (input?.limit ?? 25);
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
    });
    const el = await list();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(25));
    expect(text(el)).toContain('25 tickets shown');
    for (let page = 2; page <= 10; page++) {
      $<HTMLButtonElement>(el, '[part="load-more"]')?.click();
      await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(Math.min(230, page * 25)));
    }
    expect($(el, '[part="load-more"]')).toBeNull();
    expect(text(el)).toContain('All 230 tickets shown');
    expect(api.callsTo('ticket.list').at(-1)?.input.cursor).toBe('225');
  });

  it('keeps the rows when a page fails and offers to try again', async () => {
    let calls = 0;
    api.on('ticket.list', () => {
      calls += 1;
      if (calls === 2) throw new ApiError('INTERNAL_SERVER_ERROR', 'boom');
      return { items: [ticket({ id: `x${calls}` })], nextCursor: 'next' };
    });
    const el = await list();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(1));
    $<HTMLButtonElement>(el, '[part="load-more"]')?.click();
    await vi.waitFor(() => expect($(el, '[part="load-more"]')?.textContent?.trim()).toBe('Try again'));
    expect($$(el, 'button.row')).toHaveLength(1);
    $<HTMLButtonElement>(el, '[part="load-more"]')?.click();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(2));
  });

  it('opens a ticket from its row (a button: Enter and Space work)', async () => {
    api.on('ticket.list', () => ({ items: [ticket({ id: 'open-me' })], nextCursor: null }));
    const el = await list();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(1));
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    const row = $<HTMLButtonElement>(el, 'button.row')!;
    expect(row.tagName).toBe('BUTTON');
    row.click();
    expect(navigations[0]?.route).toEqual({ view: 'detail', id: 'open-me' });
  });

  it('shows a change as it happens, one refresh for a burst of changes', async () => {
    let subjects = ['Old one'];
    api.on('ticket.list', () => ({ items: subjects.map((subject) => ticket({ subject })), nextCursor: null }));
    const el = await list();
    await vi.waitFor(() => expect($$(el, 'button.row')).toHaveLength(1));
    subjects = ['New one', 'Old one'];
    for (let i = 0; i < 5; i++) api.push({ ticketId: `t${i}`, kind: 'created' });
    await vi.waitFor(() => expect(text(el)).toContain('New one'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsTo('ticket.list')).toHaveLength(2);
    expect(api.callsTo('ticket.list')[1]?.input).toMatchObject({ sort: 'updated', limit: 25 });
  });

  it('renders Persian digits and labels in fa', async () => {
    api.on('ticket.list', () => ({ items: [ticket({ subject: 'دیسک پر است' })], nextCursor: null }));
    const el = await list(fakeToken(CUSTOMER), 'fa');
    await vi.waitFor(() => expect(text(el)).toContain('دیسک پر است'));
    expect(text(el)).toContain('مهلت پاسخ: ۳ ساعت دیگر');
    expect(text(el)).toContain('تنها تیکت شما');
  });
});
