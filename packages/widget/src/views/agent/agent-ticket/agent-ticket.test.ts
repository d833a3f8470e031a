import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetail } from '../../../api/types';
import { $, $$, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, ApiError, CUSTOMER, DEVELOPER_ORG, FakeApi, detail, explanation, fakeToken } from '../../../testing/fake-api';
import { AgentDrafts, AgentNavigateEvent } from '../navigation';
import { OrgDirectory } from '../org-directory';
import type { AgentTicket } from './agent-ticket';
import '../index';

const HOUR = 3_600_000;
let api: FakeApi;
let emitted: Array<[string, unknown]>;

beforeEach(() => {
  api = new FakeApi().on('org.get', () => DEVELOPER_ORG);
  emitted = [];
  installFetch(api);
});
afterEach(cleanup);

const withNote = (overrides: Partial<TicketDetail> = {}) =>
  detail({
    id: 'tk',
    subject: 'VM does not boot',
    explanation: explanation() as TicketDetail['explanation'],
    messages: [
      { id: 'm1', authorId: CUSTOMER.sub, authorName: 'Ava', authorRole: 'customer', visibility: 'public', body: 'It is down.', createdAt: new Date(Date.now() - 2 * HOUR).toISOString() },
      { id: 'm2', authorId: 'agent-2', authorName: 'Reza', authorRole: 'agent', visibility: 'internal', body: 'Hypervisor 7 again.', createdAt: new Date(Date.now() - HOUR).toISOString() },
    ],
    ...overrides,
  });

async function open(ticket: TicketDetail, lang: 'en' | 'fa' = 'en') {
  api.on('ticket.get', () => ticket);
  const ctx = makeContext(fakeToken(AGENT), lang, emitted);
  const el = await mount<AgentTicket>('support-tickets-agent-ticket', {
    ctx,
    now: new Date(),
    ticketId: ticket.id,
    drafts: new AgentDrafts(),
    directory: new OrgDirectory(),
  });
  await vi.waitFor(() => expect($(el, '.thread')).not.toBeNull());
  await vi.waitFor(() => expect($(el, 'support-tickets-agent-actions', 'option')).not.toBeNull());
  return el;
}

const actions = <T extends HTMLElement = HTMLElement>(el: AgentTicket, selector: string) => $<T>(el, 'support-tickets-agent-actions', selector);
const composer = <T extends HTMLElement = HTMLTextAreaElement>(el: AgentTicket, selector: string) => $<T>(el, 'support-tickets-agent-composer', selector);

describe('agent ticket page', () => {
  it('shows internal notes apart from the conversation, labelled as never shown to the customer', async () => {
    const el = await open(withNote());
    const note = $(el, '[part="note"]')!;
    expect(note.dataset['visibility']).toBe('internal');
    expect(text(note)).toContain('Internal note — not visible to the customer');
    expect(text(note)).toContain('Reza');
    expect(text(note)).toContain('Hypervisor 7 again.');
    expect($$(el, '[part="message"]')).toHaveLength(1);
    expect(text($(el, '[part="message"]'))).toContain('Customer');
  });

  it('accepts the ticket and shows it as it now is', async () => {
    const ticket = withNote();
    api.on('ticket.accept', () => ({ ...ticket, status: 'in_progress', assigneeId: AGENT.sub }));
    const el = await open(ticket);
    expect(text(actions(el, '.assignee'))).toContain('Unassigned');
    actions(el, '[part="accept"]')!.click();
    await vi.waitFor(() => expect(text(actions(el, '.assignee'))).toContain('Assigned to you'));
    expect(api.callsTo('ticket.accept')[0]?.input).toEqual({ id: 'tk' });
    expect(text($(el, '.chips'))).toContain('In progress');
    expect(actions(el, '[part="accept"]')).toBeNull();
  });

  it('offers only the plan’s priorities with their targets, and the new due time shows at once', async () => {
    const due = new Date(Date.now() + 20 * HOUR).toISOString();
    const ticket = withNote({ priority: 'normal', dueAt: due });
    const sooner = new Date(Date.now() + 2 * HOUR).toISOString();
    api.on('ticket.update', ({ priority }) => ({ ...ticket, priority, dueAt: sooner, sla: 'on_track' }));
    const el = await open(ticket);
    const select = actions<HTMLSelectElement>(el, '#priority')!;
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['Normal (< 24 h)', 'Low (< 48 h)']);
    expect($(el, '[data-field="due"] time')?.getAttribute('datetime')).toBe(due);
    select.value = 'low';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect($(el, '[data-field="due"] time')?.getAttribute('datetime')).toBe(sooner));
    expect(api.callsTo('ticket.update')[0]?.input).toEqual({ id: 'tk', priority: 'low' });
    expect(text($(el, '[data-field="left"]'))).toMatch(/2 h left|1 h 55 min left/);
  });

  it('shows the server’s refusal beside the priority and keeps the priority the ticket has', async () => {
    const el = await open(withNote({ priority: 'normal' }));
    api.on('ticket.update', () => {
      throw new ApiError('BAD_REQUEST', 'The Developer plan does not offer low priority; it offers normal.');
    });
    const select = actions<HTMLSelectElement>(el, '#priority')!;
    select.value = 'low';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(actions(el, '#priority-error')).not.toBeNull());
    expect(text(actions(el, '#priority-error'))).toBe('Not done: The Developer plan does not offer low priority; it offers normal.');
    await vi.waitFor(() => expect(actions<HTMLSelectElement>(el, '#priority')!.value).toBe('normal'));
  });

  it('words the refusal from its reason when the server gives one', async () => {
    const el = await open(withNote({ priority: 'normal' }));
    api.on('ticket.update', () => {
      throw new ApiError('BAD_REQUEST', 'The Developer plan does not offer low priority; it offers normal.', null, {
        kind: 'priority_unavailable',
        plan: 'developer',
        priority: 'low',
        offered: ['normal'],
      });
    });
    const select = actions<HTMLSelectElement>(el, '#priority')!;
    select.value = 'low';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(actions(el, '#priority-error')).not.toBeNull());
    expect(text(actions(el, '#priority-error'))).toBe('Not done: The Developer plan does not offer Low priority; it offers Normal.');
  });

  it('changes the category', async () => {
    const ticket = withNote();
    api.on('ticket.update', ({ category }) => ({ ...ticket, category }));
    const el = await open(ticket);
    const select = actions<HTMLSelectElement>(el, '#category')!;
    select.value = 'sales';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(api.callsTo('ticket.update')[0]?.input).toEqual({ id: 'tk', category: 'sales' }));
  });

  it('explains why it is due then: the plan, the target and the working periods counted', async () => {
    const el = await open(withNote());
    const why = $<HTMLDetailsElement>(el, '[part="explanation"]')!;
    expect(text(why.querySelector('summary'))).toBe('Why is this due then?');
    expect(text(why)).toContain('Developer plan, normal priority: 8 h of business hours (Asia/Tehran');
    expect(why.querySelectorAll('.periods li')).toHaveLength(2);
    expect(text(why.querySelector('.periods li'))).toMatch(/4:00 PM – 5:00 PM \(1 h\)/);
  });

  it('gives an around-the-clock due time in the reader’s zone, the lead and the periods alike', async () => {
    const el = await open(
      withNote({
        explanation: explanation({
          policy: { planId: 'enterprise', priority: 'critical', targetMinutes: 30, hours: '24/7', calendar: null },
          startedAt: '2026-05-19T12:30:00.000Z',
          dueAt: '2026-05-19T13:00:00.000Z',
          timeZone: 'UTC',
          periods: [{ start: '2026-05-19T12:30:00.000Z', end: '2026-05-19T13:00:00.000Z', minutes: 30 }],
          summary: 'Enterprise plan, critical priority: 30 min around the clock from 2026-05-19 12:30 UTC to 2026-05-19 13:00 UTC',
        }) as TicketDetail['explanation'],
      }),
    );
    const why = $(el, '[part="explanation"]')!;
    const lead = text(why.querySelector('p'));
    expect(lead).toMatch(/^Enterprise plan, critical priority: 30 min around the clock, from /);
    expect(lead).not.toContain('UTC');
    // The period line starts at the instant the lead starts from, written the same way.
    const from = lead.match(/from (.+) to /)![1]!;
    expect(text(why.querySelector('.periods li')).startsWith(from)).toBe(true);
  });

  it('explains it in Persian, with Persian digits and Tehran times', async () => {
    const el = await open(withNote(), 'fa');
    const why = $(el, '[part="explanation"]')!;
    expect(text(why.querySelector('summary'))).toBe('چرا این مهلت؟');
    expect(text(why)).toContain('پلن پایه، اولویت معمولی: ۸ ساعت از ساعات کاری (Asia/Tehran)');
    expect(text(why.querySelector('.periods li'))).toContain('(۱ ساعت)');
  });

  it('writes an internal note that looks nothing like a reply, and keeps both drafts', async () => {
    const ticket = withNote();
    api.on('ticket.note', ({ body }) => ({
      ...ticket,
      messages: [...ticket.messages, { id: 'm3', authorId: AGENT.sub, authorName: 'Sara', authorRole: 'agent', visibility: 'internal', body, createdAt: new Date().toISOString() }],
    }));
    const el = await open(ticket);
    const box = () => composer(el, '#body')!;
    box().value = 'Dear customer…';
    box().dispatchEvent(new Event('input', { bubbles: true }));
    composer(el, 'input[value="note"]')!.click();
    await el.updateComplete;
    await vi.waitFor(() => expect(composer(el, '[part="composer"]')?.dataset['mode']).toBe('note'));
    expect(text(composer(el, '#note-warning'))).toBe('Internal note — not visible to the customer');
    expect(text(composer(el, '[part="submit"]'))).toBe('Add internal note');
    expect(box().value).toBe('');
    box().value = 'Checked the logs.';
    box().dispatchEvent(new Event('input', { bubbles: true }));
    box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect($$(el, '[part="note"]')).toHaveLength(2));
    expect(api.callsTo('ticket.note')[0]?.input).toEqual({ id: 'tk', body: 'Checked the logs.' });
    expect(api.callsTo('ticket.reply')).toHaveLength(0);
    expect(emitted).toEqual([]);
    composer(el, 'input[value="reply"]')!.click();
    await vi.waitFor(() => expect(box().value).toBe('Dear customer…'));
  });

  it('replies to the customer and fires support-ticket-replied; a failure keeps the text', async () => {
    const ticket = withNote();
    let fail = true;
    api.on('ticket.reply', ({ body }) => {
      if (fail) throw new ApiError('CONFLICT', 'This ticket is closed and cannot be changed.');
      return { ...ticket, status: 'awaiting_customer', sla: 'paused', dueAt: null, autoCloseAt: new Date(Date.now() + 48 * HOUR).toISOString(), messages: [...ticket.messages, { id: 'm3', authorId: AGENT.sub, authorName: 'Sara', authorRole: 'agent', visibility: 'public', body, createdAt: new Date().toISOString() }] };
    });
    const el = await open(ticket);
    composer(el, '#body')!.value = 'Rebooted it.';
    composer(el, '#body')!.dispatchEvent(new Event('input', { bubbles: true }));
    composer(el, '[part="submit"]')!.click();
    await vi.waitFor(() => expect(composer(el, '#body-error')).not.toBeNull());
    expect(text(composer(el, '#body-error'))).toContain('This ticket is closed');
    expect(composer(el, '#body')!.value).toBe('Rebooted it.');
    fail = false;
    composer(el, '[part="submit"]')!.click();
    await vi.waitFor(() => expect($$(el, '[part="message"]')).toHaveLength(2));
    expect(emitted.map(([name]) => name)).toEqual(['support-ticket-replied']);
    expect(text($(el, '[part="banner"]'))).toContain('closes by itself in 2 days');
    expect(text($(el, '[data-field="auto-close"]'))).toBeTruthy();
  });

  it('closes after a confirmation', async () => {
    const ticket = withNote();
    api.on('ticket.close', () => ({ ...ticket, status: 'closed', sla: 'met', dueAt: null, closedAt: new Date().toISOString(), closedBy: 'agent' }));
    const el = await open(ticket);
    actions(el, 'button[part="close"]')!.click();
    await vi.waitFor(() => expect(actions(el, '.confirm')).not.toBeNull());
    expect(api.callsTo('ticket.close')).toHaveLength(0);
    actions(el, '.confirm button[part="close"]')!.click();
    await vi.waitFor(() => expect(text($(el, '[part="banner"]'))).toContain('Closed by support'));
    expect($(el, 'support-tickets-agent-composer')).toBeNull();
    expect(emitted.map(([name]) => name)).toEqual(['support-ticket-closed']);
  });

  it('shows a change made elsewhere as it happens', async () => {
    const ticket = withNote();
    const el = await open(ticket);
    api.on('ticket.get', () => ({ ...ticket, messages: [...ticket.messages, { id: 'm9', authorId: CUSTOMER.sub, authorName: 'Ava', authorRole: 'customer', visibility: 'public', body: 'Any news?', createdAt: new Date().toISOString() }] }));
    api.push({ ticketId: 'tk', kind: 'replied' });
    await vi.waitFor(() => expect(text(el)).toContain('Any news?'));
  });

  it('opens the organisation from the ticket', async () => {
    const el = await open(withNote());
    await vi.waitFor(() => expect(text($(el, '.org-link'))).toContain('Organisation Acme'));
    const navigations: AgentNavigateEvent[] = [];
    el.addEventListener(AgentNavigateEvent.type, (e) => navigations.push(e as AgentNavigateEvent));
    $<HTMLButtonElement>(el, '.org-link')!.click();
    expect(navigations[0]?.route).toEqual({ view: 'org', id: 'org-1' });
  });
});
