import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text } from '../../../testing/dom';
import { AGENT, AGENT_2, CUSTOMER, MINUTE, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { NavigateEvent } from '../../../workspace/events';
import type { AgentTicket } from './agent-ticket';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** A ticket of a Developer customer (business hours) with an internal note by another agent. */
async function withNote(input: Parameters<typeof openTicket>[1] = {}) {
  const ticket = await openTicket(await h.as(CUSTOMER), { subject: 'VM does not boot', ...input });
  h.server.clock.advance(MINUTE);
  await (await h.as(AGENT_2)).ticket.note.mutate({ id: ticket.id, body: 'Hypervisor 7 again.' });
  return ticket.id;
}

async function open(id: string, lang: 'en' | 'fa' = 'en') {
  const el = await h.mount<AgentTicket>('support-tickets-agent-ticket', { ticketId: id }, { claims: AGENT, lang });
  await vi.waitFor(() => expect($(el, '.thread')).not.toBeNull());
  await vi.waitFor(() => expect($(el, 'support-tickets-agent-actions', '#priority-hint')?.textContent).not.toContain('Loading'));
  return el;
}

const actions = <T extends HTMLElement = HTMLElement>(el: AgentTicket, selector: string) => $<T>(el, 'support-tickets-agent-actions', selector);
const composer = <T extends HTMLElement = HTMLTextAreaElement>(el: AgentTicket, selector: string) => $<T>(el, 'support-tickets-agent-composer', selector);
const write = (el: AgentTicket, body: string) => {
  composer(el, '#body')!.value = body;
  composer(el, '#body')!.dispatchEvent(new Event('input', { bubbles: true }));
};
const choose = (select: HTMLSelectElement, value: string) => {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('agent ticket page', () => {
  it('shows internal notes apart from the conversation, labelled as never shown to the customer', async () => {
    const el = await open(await withNote());
    const note = $(el, '[part="note"]')!;
    expect(note.dataset['visibility']).toBe('internal');
    expect(text(note)).toContain('Internal note — not visible to the customer');
    expect(text(note)).toContain('Reza');
    expect(text(note)).toContain('Hypervisor 7 again.');
    expect($$(el, '[part="message"]')).toHaveLength(1);
    expect(text($(el, '[part="message"]'))).toContain('Customer');
  });

  it('accepts the ticket and shows it as it now is', async () => {
    const el = await open(await withNote());
    expect(text(actions(el, '.assignee'))).toContain('Unassigned');
    actions(el, '[part="accept"]')!.click();
    await vi.waitFor(() => expect(text(actions(el, '.assignee'))).toContain('Assigned to you'));
    expect(text($(el, '.chips'))).toContain('In progress');
    expect(actions(el, '[part="accept"]')).toBeNull();
  });

  it('offers only the plan’s priorities with their targets, and the new due time shows at once', async () => {
    const id = await withNote({ priority: 'normal' });
    const el = await open(id);
    const select = actions<HTMLSelectElement>(el, '#priority')!;
    await vi.waitFor(() => expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['Normal (< 24 h)', 'Low (< 48 h)']));
    const due = $(el, '[data-field="due"] time')?.getAttribute('datetime');
    choose(select, 'low');
    await vi.waitFor(() => expect($(el, '[data-field="due"] time')?.getAttribute('datetime')).not.toBe(due));
    expect(h.calls('ticket.update')).toEqual([{ id, priority: 'low' }]);
    // 48 working hours from the cycle's start, a minute of which has passed: the server counts them.
    expect(text($(el, '[data-field="left"] dd'))).toBe('48 h left');
  });

  it('words the server’s refusal beside the priority and keeps the priority the ticket has', async () => {
    const id = await withNote({ priority: 'normal' });
    const el = await open(id);
    // The plan loses the priority after the page was drawn: the server refuses the change, and says why.
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, custom: { responseMinutes: { normal: 600 }, hours: '24/7' } });
    choose(actions<HTMLSelectElement>(el, '#priority')!, 'low');
    await vi.waitFor(() => expect(actions(el, '#priority-error')).not.toBeNull());
    expect(text(actions(el, '#priority-error'))).toBe('Not done: The Custom plan does not offer Low priority; it offers Normal.');
    await vi.waitFor(() => expect(actions<HTMLSelectElement>(el, '#priority')!.value).toBe('normal'));
  });

  it('changes the category', async () => {
    const id = await withNote();
    const el = await open(id);
    choose(actions<HTMLSelectElement>(el, '#category')!, 'sales');
    await vi.waitFor(() => expect(h.calls('ticket.update')).toEqual([{ id, category: 'sales' }]));
    await vi.waitFor(() => expect(text($(el, '[part="timeline"]'))).toContain('Category: Technical → Sales'));
  });

  it('explains why it is due then: the plan, the target and the working periods counted', async () => {
    const el = await open(await withNote());
    const why = $<HTMLDetailsElement>(el, '[part="explanation"]')!;
    expect(text(why.querySelector('summary'))).toBe('Why is this due then?');
    expect(text(why)).toContain('Developer plan, normal priority: 24 h of business hours (Asia/Tehran)');
    expect(why.querySelectorAll('.periods li').length).toBeGreaterThan(1);
    expect(text(why.querySelector('.periods li'))).toMatch(/4:00 PM – 5:00 PM \(1 h\)/);
  });

  it('gives an around-the-clock due time in the reader’s zone, the lead and the periods alike', async () => {
    await (await h.as(CUSTOMER)).org.get.query();
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, plan: 'enterprise' });
    const el = await open(await withNote({ priority: 'critical' }));
    const why = $(el, '[part="explanation"]')!;
    const lead = text(why.querySelector('p'));
    expect(lead).toMatch(/^Enterprise plan, critical priority: 30 min around the clock, from /);
    expect(lead).not.toContain('Asia/Tehran');
    // The period line starts at the instant the lead starts from, written the same way.
    const from = lead.match(/from (.+) to /)![1]!;
    expect(text(why.querySelector('.periods li')).startsWith(from)).toBe(true);
  });

  it('explains it in Persian, with Persian digits and Tehran times', async () => {
    const el = await open(await withNote(), 'fa');
    const why = $(el, '[part="explanation"]')!;
    expect(text(why.querySelector('summary'))).toBe('چرا این مهلت؟');
    expect(text(why)).toContain('پلن پایه، اولویت معمولی: ۲۴ ساعت از ساعات کاری (Asia/Tehran)');
    expect(text(why.querySelector('.periods li'))).toContain('(۱ ساعت)');
  });

  it('writes an internal note that looks nothing like a reply, and keeps both drafts', async () => {
    const id = await withNote();
    const el = await open(id);
    write(el, 'Dear customer…');
    composer(el, 'input[value="note"]')!.click();
    await vi.waitFor(() => expect(composer(el, '[part="composer"]')?.dataset['mode']).toBe('note'));
    expect(text(composer(el, '#body-warning'))).toBe('Internal note — not visible to the customer');
    expect(text(composer(el, '[part="submit"]'))).toBe('Add internal note');
    expect(composer(el, '#body')!.value).toBe('');
    write(el, 'Checked the logs.');
    composer(el, '#body')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect($$(el, '[part="note"]')).toHaveLength(2));
    expect(h.calls('ticket.note')).toEqual([{ id, body: 'Checked the logs.', seenEventId: 2 }]);
    expect(h.calls('ticket.reply')).toHaveLength(0);
    expect(h.emitted).toEqual([]);
    composer(el, 'input[value="reply"]')!.click();
    await vi.waitFor(() => expect(composer(el, '#body')!.value).toBe('Dear customer…'));
  });

  it('replies to the customer and fires support-ticket-replied; a refusal keeps the text', async () => {
    const id = await withNote();
    const el = await open(id);
    await (await h.as(CUSTOMER)).ticket.close.mutate({ id });
    write(el, 'Rebooted it.');
    composer(el, '[part="submit"]')!.click();
    // Closed after the page was read: the composer says so and keeps the text, unless the live
    // update showed the ticket closed first (then there is no composer to show it in).
    await vi.waitFor(() => expect(composer(el, '[part="conflict"]') ?? $(el, '[data-kind="closed"]')).not.toBeNull());
    if (composer(el, '[part="conflict"]')) {
      expect(text(composer(el, '[part="conflict"]'))).toContain('closed the ticket');
      expect(composer(el, '#body')!.value).toBe('Rebooted it.');
    }
    expect(h.calls('ticket.reply').length).toBeLessThanOrEqual(1);

    const open2 = await open(await withNote());
    composer(open2, '#body')!.value = 'Rebooted it.';
    composer(open2, '#body')!.dispatchEvent(new Event('input', { bubbles: true }));
    composer(open2, '[part="submit"]')!.click();
    await vi.waitFor(() => expect($$(open2, '[part="message"]')).toHaveLength(2));
    expect(h.emitted.map(([name]) => name)).toEqual(['support-ticket-replied']);
    expect(text($(open2, '[part="banner"]'))).toContain('closes by itself in 2 days');
    expect(text($(open2, '[data-field="auto-close"]'))).toBeTruthy();
  });

  it('closes after a confirmation', async () => {
    const el = await open(await withNote());
    actions(el, 'button[part="close"]')!.click();
    await vi.waitFor(() => expect(actions(el, '.confirm')).not.toBeNull());
    expect(h.calls('ticket.close')).toHaveLength(0);
    actions(el, '.confirm button[part="close"]')!.click();
    await vi.waitFor(() => expect(text($(el, '[part="banner"]'))).toContain('Closed by support'));
    expect($(el, 'support-tickets-agent-composer')).toBeNull();
    expect(h.emitted.map(([name]) => name)).toEqual(['support-ticket-closed']);
  });

  it('shows a change made elsewhere as it happens', async () => {
    const id = await withNote();
    const el = await open(id);
    await vi.waitFor(() => expect(h.server.server.liveSubscribers()).toBe(1));
    await (await h.as(CUSTOMER)).ticket.reply.mutate({ id, body: 'Any news?' });
    await vi.waitFor(() => expect(text(el)).toContain('Any news?'));
  });

  it('opens the organisation from the ticket', async () => {
    const el = await open(await withNote());
    await vi.waitFor(() => expect(text($(el, '.org-link'))).toContain('Organisation Acme'));
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '.org-link')!.click();
    expect(navigations[0]?.route).toEqual({ view: 'org', id: CUSTOMER.org });
  });
});
