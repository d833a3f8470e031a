import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedInOneTransaction } from '@support-tickets/server/testing';
import type { TokenClaims } from '@support-tickets/server';
import { $, $$, text } from '../../../testing/dom';
import { failingFetch, type Failure, type ProcedurePath } from '../../../testing/failures';
import { AGENT, AGENT_2, CUSTOMER, MINUTE, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { NavigateEvent } from '../../../workspace/events';
import { AgentStore, NO_QUEUE_FILTERS } from '../agent-store';
import type { AgentQueue } from './agent-queue';

const BANK = { sub: 'bank-1', role: 'customer', org: 'org-bank', orgName: 'Saman Bank', name: 'Nima' } as const satisfies TokenClaims;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function queue(options: { lang?: 'en' | 'fa'; store?: AgentStore; fetch?: typeof fetch } = {}) {
  return h.mount<AgentQueue>('support-tickets-queue', { active: true }, { claims: AGENT, ...options });
}

/** Many tickets of one customer, fast (one transaction). */
function seed(count: number, subject: (i: number) => string) {
  return seedInOneTransaction(h.server.dbFile, h.server.clock.now, async (callerFor) => {
    const customer = await callerFor(CUSTOMER);
    for (let i = 0; i < count; i++) {
      await customer.ticket.create({ subject: subject(i), body: 'b', category: 'technical' });
      h.server.clock.advance(1_000); // one due time each, so the queue's order is the creation order
    }
  });
}

/** Pretends the page scrolled so that the list's top is `top` px from the viewport's. */
async function scrollTo(el: AgentQueue, top: number) {
  const list = $(el, '.rows')!;
  list.getBoundingClientRect = () => ({ top, bottom: top + 1, left: 0, right: 0, width: 100, height: 1, x: 0, y: top, toJSON: () => ({}) });
  window.dispatchEvent(new Event('scroll'));
  await vi.waitFor(() => expect(Number($(el, '.slot:not(:has(.row[tabindex="0"]))')?.dataset['index'] ?? 0)).toBeGreaterThanOrEqual(0));
  await new Promise(requestAnimationFrame);
  await el.updateComplete;
}

/** The rows that exist, but the one in the tab order (it stays drawn wherever it is). */
const drawn = (el: AgentQueue) =>
  $$(el, '.slot')
    .filter((slot) => slot.querySelector<HTMLButtonElement>('.row')?.tabIndex !== 0)
    .map((slot) => Number(slot.dataset['index']));

describe('agent queue', () => {
  it('shows every row with organisation, plan, SLA state and time left, in the server’s order', async () => {
    const bank = await h.as(BANK);
    await bank.org.get.query();
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: BANK.org, plan: 'enterprise' });
    const soon = await openTicket(bank, { subject: 'Soon', priority: 'high' }); // 4 h target
    await (await h.as(AGENT)).ticket.accept.mutate({ id: soon.id });
    h.server.clock.advance(140 * MINUTE);
    const later = await openTicket(bank, { subject: 'Later', priority: 'high' });
    await (await h.as(AGENT_2)).ticket.accept.mutate({ id: later.id });
    h.server.clock.advance(10 * MINUTE);
    await openTicket(bank, { subject: 'Late', priority: 'critical' }); // 30 min target
    const answered = await openTicket(await h.as(CUSTOMER), { subject: 'Answered' });
    await (await h.as(AGENT)).ticket.reply.mutate({ id: answered.id, body: 'Which one?' });
    h.server.clock.advance(50 * MINUTE);
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(4));
    const rows = $$(el, '.row').map((row) => text(row));
    expect(rows[0]).toContain('Late');
    expect(rows[0]).toContain('Breached · overdue by 20 min');
    expect(rows[0]).toContain('Saman Bank');
    expect(rows[0]).toContain('Enterprise');
    expect(rows[0]).toContain('Unassigned');
    expect(rows[1]).toContain('Soon');
    expect(rows[1]).toContain('At risk · 40 min left');
    expect(rows[1]).toContain('Assigned to you');
    expect(rows[2]).toContain('On track · 3 h left');
    expect(rows[2]).toContain('Assigned to another agent');
    expect(rows[3]).toContain('Waiting on customer');
    expect(rows[3]).toContain('Acme');
    expect(rows[3]).toContain('Developer');
    expect($(el, '.row [part="sla"]')?.dataset['tone']).toBe('bad');
    expect(h.calls('ticket.list')[0]).toEqual({ sort: 'due', limit: 50 });
    // The rows name their organisations: nothing is asked per organisation.
    expect(h.calls('org.get')).toHaveLength(0);
  });

  it('asks the server again once a due time on screen has passed, and shows the ticket breached', async () => {
    await openTicket(await h.as(CUSTOMER)); // Developer, normal: 24 working hours
    const store = new AgentStore();
    const el = await queue({ store });
    await vi.waitFor(() => expect(text($(el, '.row'))).toContain('On track'));
    const ticket = (await (await h.as(AGENT)).ticket.list.query()).items[0]!;
    h.server.clock.set(Date.parse(ticket.dueAt!) + 5 * MINUTE);
    // The widget's clock moves on (as <support-tickets> moves it every 30 s).
    await h.tick(el, h.server.clock.now());
    await vi.waitFor(() => expect(text($(el, '.row'))).toContain('Breached · overdue by 5 min'));
  });

  it('filters by status, priority, category, plan, organisation and “assigned to me”, through the store', async () => {
    const bank = await h.as(BANK);
    await bank.org.get.query();
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: BANK.org, plan: 'sme' });
    const mine = await openTicket(bank, { subject: 'Mine', priority: 'urgent', category: 'financial' });
    await (await h.as(AGENT)).ticket.accept.mutate({ id: mine.id });
    await openTicket(bank, { subject: 'Not mine', priority: 'urgent', category: 'financial' });
    await openTicket(await h.as(CUSTOMER), { subject: 'Elsewhere' });
    const store = new AgentStore();
    const el = await queue({ store });
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(3));
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
    const box = filters('input[type="checkbox"]');
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    const org = filters('#org');
    org.value = 'saman';
    org.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(h.calls('org.list').at(-1)).toMatchObject({ q: 'saman' }));
    await vi.waitFor(() => expect($$(el, 'support-tickets-queue-filters', 'datalist option')).toHaveLength(1));
    org.value = 'Saman Bank'; // picked from the suggestions
    org.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(h.calls('ticket.list').at(-1)).toEqual({
        sort: 'due',
        status: 'in_progress',
        priority: 'urgent',
        category: 'financial',
        planId: 'sme',
        orgId: BANK.org,
        assignedToMe: true,
        limit: 50,
      }),
    );
    await vi.waitFor(() => expect($$(el, '.row').map((row) => text(row.querySelector('.subject')))).toEqual(['Mine']));
    expect(store.queueFilters).toMatchObject({ orgId: BANK.org, mine: true });
  });

  it('pages by cursor as the agent scrolls, and draws only what is on screen', { timeout: 30_000 }, async () => {
    await seed(120, (i) => `Queued #${i}`);
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row').length).toBeGreaterThan(0));
    expect(h.calls('ticket.list')).toHaveLength(1);
    // The list is as tall as every loaded row; only the first screenful (and a margin) exists.
    expect($(el, '.rows')?.style.blockSize).toBe(`${50 * 80}px`);
    expect(drawn(el).length).toBeLessThan(25);
    expect(Math.min(...drawn(el))).toBe(1);

    await scrollTo(el, -40 * 80); // row 40 at the top: the next page is fetched ahead
    await vi.waitFor(() => expect(h.calls('ticket.list')).toHaveLength(2));
    expect(h.calls('ticket.list')[1]).toMatchObject({ limit: 50, cursor: expect.any(String) });
    await vi.waitFor(() => expect(text(el)).toContain('100 tickets loaded'));
    await vi.waitFor(() => expect(Math.min(...drawn(el))).toBeGreaterThan(30));
    expect(drawn(el).length).toBeLessThan(25);
    const first = $(el, `.slot[data-index="${Math.min(...drawn(el))}"]`)!;
    expect(first.style.insetBlockStart).toBe(`${Math.min(...drawn(el)) * 80}px`);
    expect(text(first)).toContain(`Queued #${Math.min(...drawn(el))}`);
  });

  it('is one tab stop: arrows move between rows, Home and End jump, Enter opens', async () => {
    await seed(30, (i) => `Row ${i}`);
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
    const last = $$(el, '.row').filter((row) => row.tabIndex === 0);
    expect(last.map((row) => text(row.querySelector('.subject')))).toEqual(['Row 29']);
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    expect(navigations[0]?.route).toEqual({ view: 'ticket', id: last[0]!.dataset['id'] });
  });

  it('shows a new ticket as it arrives, without reloading', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'First' });
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(1));
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    await openTicket(await h.as(CUSTOMER), { subject: 'Brand new' });
    await vi.waitFor(() => expect(text(el)).toContain('Brand new'));
    expect(h.calls('ticket.list').at(-1)).toEqual({ sort: 'due', limit: 100 });
  });

  it('deep in the queue, offers the latest instead of re-reading everything on every change', { timeout: 30_000 }, async () => {
    await seed(420, (i) => `Deep ${i}`);
    const el = await queue();
    await vi.waitFor(() => expect($$(el, '.row').length).toBeGreaterThan(0));
    for (let page = 1; page <= 7; page++) {
      await scrollTo(el, -(page * 50 - 10) * 80);
      await vi.waitFor(() => expect(h.calls('ticket.list').length).toBeGreaterThanOrEqual(page + 1));
    }
    await scrollTo(el, -(7 * 50 + 20) * 80);
    await vi.waitFor(() => expect(text(el)).toContain('All 420 tickets'));
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    const reads = h.calls('ticket.list').length;
    await openTicket(await h.as(CUSTOMER), { subject: 'Meanwhile' });
    await vi.waitFor(() => expect(text(el)).toContain('The queue has changed'));
    expect(h.calls('ticket.list')).toHaveLength(reads);
    $<HTMLButtonElement>(el, '.stale button')!.click();
    await vi.waitFor(() => expect(h.calls('ticket.list').slice(reads)).toContainEqual({ sort: 'due', limit: 50 }));
    await vi.waitFor(() => expect(text(el)).not.toContain('The queue has changed'));
  });

  it('says when the queue is empty, and when filters leave nothing', async () => {
    const store = new AgentStore();
    const el = await queue({ store });
    await vi.waitFor(() => expect(text(el)).toContain('The queue is empty'));
    await openTicket(await h.as(CUSTOMER));
    store.filterQueue({ mine: true });
    await vi.waitFor(() => expect(text(el)).toContain('No tickets match'));
    $<HTMLButtonElement>(el, '[data-kind="empty"] button')!.click();
    await vi.waitFor(() => expect(store.queueFilters).toEqual(NO_QUEUE_FILTERS));
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(1));
  });

  it('explains a failure and retries on request', async () => {
    await openTicket(await h.as(CUSTOMER), { subject: 'Back' });
    const failing = new Map<ProcedurePath, Failure>([['ticket.list', { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'boom' }]]);
    const el = await queue({ fetch: failingFetch(h.server.fetch, failing) });
    await vi.waitFor(() => expect(text(el)).toContain('The queue could not be loaded'));
    failing.clear();
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await vi.waitFor(() => expect(text(el)).toContain('Back'));
  });

  it('reads in Persian with Persian digits', async () => {
    const bank = await h.as(BANK);
    await bank.org.get.query();
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: BANK.org, plan: 'enterprise' });
    await openTicket(bank, { priority: 'critical' });
    h.server.clock.advance(50 * MINUTE);
    const el = await queue({ lang: 'fa' });
    await vi.waitFor(() => expect(text(el)).toContain('نقض‌شده، ۲۰ دقیقه گذشته از مهلت'));
    expect(text(el)).toContain('صف پشتیبانی');
  });
});
