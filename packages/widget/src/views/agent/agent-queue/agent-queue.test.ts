import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../api/types';
import { $, $$, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, ApiError, ENTERPRISE_ORG, FakeApi, fakeToken, ticket } from '../../../testing/fake-api';
import { AgentNavigateEvent } from '../navigation';
import { OrgDirectory } from '../org-directory';
import { NO_FILTERS, type QueueFilters } from '../queue-query';
import type { AgentQueue } from './agent-queue';
import '../index';

const MINUTE = 60_000;
let api: FakeApi;

beforeEach(() => {
  api = new FakeApi().on('org.get', ({ orgId }) => ({ ...ENTERPRISE_ORG, id: orgId, name: `Name of ${orgId}` }));
  installFetch(api);
});
afterEach(cleanup);

/** A queue whose filters behave as the workspace keeps them. */
async function queue(lang: 'en' | 'fa' = 'en') {
  const ctx = makeContext(fakeToken(AGENT), lang);
  const el = await mount<AgentQueue>('support-tickets-queue', {
    ctx,
    now: new Date(),
    filters: NO_FILTERS,
    directory: new OrgDirectory(),
    active: true,
  });
  el.addEventListener('st-queue-filters', (e) => (el.filters = (e as CustomEvent<QueueFilters>).detail));
  return el;
}

/** Pages through `all` by cursor, as the server does. */
function serve(all: Ticket[]) {
  api.on('ticket.list', (input) => {
    const start = input?.cursor ? Number(input.cursor) : 0;
    const end = start + (input?.limit ?? 25);
    return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
  });
}

/** Pretends the page scrolled so that the list's top is `top` px from the viewport's. */
async function scrollTo(el: AgentQueue, top: number) {
  const list = $(el, '.rows')!;
  list.getBoundingClientRect = () => ({ top, bottom: top + 1, left: 0, right: 0, width: 100, height: 1, x: 0, y: top, toJSON: () => ({}) });
  window.dispatchEvent(new Event('scroll'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
}

/** The rows that exist, but the one in the tab order (it stays drawn wherever it is). */
const drawn = (el: AgentQueue) =>
  $$(el, '.slot')
    .filter((slot) => slot.querySelector<HTMLButtonElement>('.row')?.tabIndex !== 0)
    .map((slot) => Number(slot.dataset['index']));

describe('agent queue', () => {
  it('shows every row with organisation, plan, SLA state and time left, in the server’s order', async () => {
    const now = Date.now();
    serve([
      ticket({ id: 'a', subject: 'Late', orgId: 'org-9', orgName: 'Name of org-9', orgPlan: 'enterprise', sla: 'breached', dueAt: new Date(now - 20 * MINUTE).toISOString(), priority: 'urgent' }),
      ticket({ id: 'b', subject: 'Soon', orgId: 'org-8', orgName: 'Name of org-8', orgPlan: 'sme', sla: 'at_risk', dueAt: new Date(now + 40 * MINUTE + 20_000).toISOString(), assigneeId: AGENT.sub }),
      ticket({ id: 'c', subject: 'Later', sla: 'on_track', dueAt: new Date(now + 3 * 60 * MINUTE + 20_000).toISOString(), assigneeId: 'agent-2' }),
      ticket({ id: 'd', subject: 'Answered', status: 'awaiting_customer', sla: 'paused', dueAt: null }),
    ]);
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(4));
    await vi.waitFor(() => expect(text($(el, '.row'))).toContain('Name of org-9'));
    const rows = $$(el, '.row').map((row) => text(row));
    expect(rows[0]).toContain('Late');
    expect(rows[0]).toContain('Breached · overdue by 20 min');
    expect(rows[0]).toContain('Enterprise');
    expect(rows[0]).toContain('Unassigned');
    expect(rows[1]).toContain('Name of org-8');
    expect(rows[1]).toContain('At risk · 40 min left');
    expect(rows[1]).toContain('SME');
    expect(rows[1]).toContain('Assigned to you');
    expect(rows[2]).toContain('On track · 3 h left');
    expect(rows[2]).toContain('Assigned to another agent');
    expect(rows[3]).toContain('Waiting on customer');
    expect($(el, '.row [part="sla"]')?.dataset['tone']).toBe('bad');
    expect(api.callsTo('ticket.list')[0]?.input).toEqual({ sort: 'due', limit: 50 });
    // The rows name their organisations: nothing is asked per organisation (a row without a name shows its id).
    expect(rows[2]).toContain('org-1');
    expect(api.callsTo('org.get')).toHaveLength(0);
  });

  it('counts a ticket whose due time passed since it was read as breached', async () => {
    serve([ticket({ sla: 'on_track', dueAt: new Date(Date.now() - 5 * MINUTE).toISOString() })]);
    const el = await queue();
    await vi.waitFor(() => expect(text($(el, '.row'))).toContain('Breached · overdue by 5 min'));
  });

  it('filters by status, priority, category, plan, organisation and “assigned to me”', async () => {
    serve([ticket()]);
    api.on('org.list', ({ q }) => ({
      items: [{ id: 'org-7', name: 'Parsian Cloud', planId: 'sme', openTickets: 3 }].filter((o) => !q || o.name.toLowerCase().includes(q.toLowerCase())),
      nextCursor: null,
    }));
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(1));
    const filters = (selector: string) => $<HTMLInputElement & HTMLSelectElement>(el, 'support-tickets-queue-filters', selector)!;
    const choose = (name: string, value: string) => {
      const select = filters(`select[name="${name}"]`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('status', 'in_progress');
    choose('priority', 'urgent');
    choose('category', 'financial');
    choose('planId', 'sme');
    const mine = filters('input[type="checkbox"]');
    mine.checked = true;
    mine.dispatchEvent(new Event('change', { bubbles: true }));
    const org = filters('#org');
    org.value = 'parsian';
    org.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(api.callsTo('org.list').at(-1)?.input).toMatchObject({ q: 'parsian' }));
    await vi.waitFor(() => expect($$(el, 'support-tickets-queue-filters', 'datalist option')).toHaveLength(1));
    org.value = 'Parsian Cloud'; // picked from the suggestions
    org.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(api.callsTo('ticket.list').at(-1)?.input).toEqual({
        sort: 'due',
        status: 'in_progress',
        priority: 'urgent',
        category: 'financial',
        planId: 'sme',
        orgId: 'org-7',
        assignedToMe: true,
        limit: 50,
      }),
    );
  });

  it('stays light with 10,000 open tickets: pages by cursor as the agent scrolls, and draws only what is on screen', async () => {
    const all = Array.from({ length: 10_000 }, (_, i) => ticket({ id: `q${i}`, subject: `Queued #${i}` }));
    serve(all);
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row').length).toBeGreaterThan(0));
    expect(api.callsTo('ticket.list')).toHaveLength(1);
    // The list is as tall as every loaded row; only the first screenful (and a margin) exists.
    expect($(el, '.rows')?.style.blockSize).toBe(`${50 * 80}px`);
    expect(drawn(el).length).toBeLessThan(25);
    expect(Math.min(...drawn(el))).toBe(1);

    await scrollTo(el, -40 * 80); // row 40 at the top: the next page is fetched ahead
    await vi.waitFor(() => expect(api.callsTo('ticket.list')).toHaveLength(2));
    expect(api.callsTo('ticket.list')[1]?.input).toMatchObject({ cursor: '50', limit: 50 });
    await vi.waitFor(() => expect(text(el)).toContain('100 tickets loaded'));
    expect(Math.min(...drawn(el))).toBeGreaterThan(30);
    expect(drawn(el).length).toBeLessThan(25);
    const first = $(el, `.slot[data-index="${Math.min(...drawn(el))}"]`)!;
    expect(first.style.insetBlockStart).toBe(`${Math.min(...drawn(el)) * 80}px`);
    expect(text(first)).toContain(`Queued #${Math.min(...drawn(el))}`);
  });

  it('is one tab stop: arrows move between rows, Home and End jump, Enter opens', async () => {
    serve(Array.from({ length: 30 }, (_, i) => ticket({ id: `k${i}`, subject: `Row ${i}` })));
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row').length).toBeGreaterThan(5));
    expect($$(el, '.row').filter((row) => row.tabIndex === 0)).toHaveLength(1);
    const first = $<HTMLButtonElement>(el, '.slot[data-index="0"] .row')!;
    first.focus();
    const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
    key(first, 'ArrowDown');
    await vi.waitFor(() => expect(el.shadowRoot?.activeElement?.closest('.slot')?.getAttribute('data-index')).toBe('1'));
    key(el.shadowRoot!.activeElement!, 'End');
    await vi.waitFor(() => expect(el.shadowRoot?.activeElement?.closest('.slot')?.getAttribute('data-index')).toBe('29'));
    expect($$(el, '.row').filter((row) => row.tabIndex === 0).map((row) => row.dataset['id'])).toEqual(['k29']);
    const navigations: AgentNavigateEvent[] = [];
    el.addEventListener(AgentNavigateEvent.type, (e) => navigations.push(e as AgentNavigateEvent));
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    expect(navigations[0]?.route).toEqual({ view: 'ticket', id: 'k29' });
  });

  it('shows a new ticket as it arrives, without reloading', async () => {
    let items = [ticket({ id: 'x1', subject: 'First' })];
    api.on('ticket.list', () => ({ items, nextCursor: null }));
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(1));
    items = [ticket({ id: 'x2', subject: 'Brand new' }), ...items];
    api.push({ ticketId: 'x2', kind: 'created' });
    await vi.waitFor(() => expect(text(el)).toContain('Brand new'));
    expect(api.callsTo('ticket.list').at(-1)?.input).toEqual({ sort: 'due', limit: 100 });
  });

  it('deep in the queue, offers the latest instead of re-reading everything on every change', async () => {
    serve(Array.from({ length: 2_000 }, (_, i) => ticket({ id: `d${i}`, subject: `Deep ${i}` })));
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row').length).toBeGreaterThan(0));
    for (let page = 1; page <= 8; page++) {
      await scrollTo(el, -(page * 50 - 10) * 80);
      await vi.waitFor(() => expect(api.callsTo('ticket.list')).toHaveLength(page + 1));
    }
    const reads = api.callsTo('ticket.list').length;
    api.push({ ticketId: 'd5', kind: 'replied' });
    await vi.waitFor(() => expect(text(el)).toContain('The queue has changed'));
    expect(api.callsTo('ticket.list')).toHaveLength(reads);
    $<HTMLButtonElement>(el, '.stale button')!.click();
    await vi.waitFor(() => expect(api.callsTo('ticket.list').slice(reads).map((c) => c.input)).toContainEqual({ sort: 'due', limit: 50 }));
    await vi.waitFor(() => expect(text(el)).not.toContain('The queue has changed'));
  });

  it('says when the queue is empty, and when filters leave nothing', async () => {
    api.on('ticket.list', () => ({ items: [], nextCursor: null }));
    const el = await queue();
    await vi.waitFor(() => expect(text(el)).toContain('The queue is empty'));
    el.filters = { ...NO_FILTERS, mine: true };
    await vi.waitFor(() => expect(text(el)).toContain('No tickets match'));
    $<HTMLButtonElement>(el, '[data-kind="empty"] button')!.click();
    await vi.waitFor(() => expect(el.filters).toEqual(NO_FILTERS));
  });

  it('explains a failure and retries on request', async () => {
    let fail = true;
    api.on('ticket.list', () => {
      if (fail) throw new ApiError('INTERNAL_SERVER_ERROR', 'boom');
      return { items: [ticket({ subject: 'Back' })], nextCursor: null };
    });
    const el = await queue();
    await vi.waitFor(() => expect(text(el)).toContain('The queue could not be loaded'));
    fail = false;
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await vi.waitFor(() => expect(text(el)).toContain('Back'));
  });

  it('reads in Persian with Persian digits', async () => {
    serve([ticket({ sla: 'breached', dueAt: new Date(Date.now() - 20 * MINUTE).toISOString() })]);
    const el = await queue('fa');
    await vi.waitFor(() => expect(text(el)).toContain('نقض‌شده، ۲۰ دقیقه گذشته از مهلت'));
    expect(text(el)).toContain('صف پشتیبانی');
  });
});
