import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetail as Detail } from '../../../api/types';
import { Drafts } from '../../../context';
import { $, $$, cleanup, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { ADMIN, AGENT, ApiError, CUSTOMER, FakeApi, detail, fakeToken } from '../../../testing/fake-api';
import { NavigateEvent } from '../../navigation';
import type { TicketDetail } from './ticket-detail';

const HOUR = 3_600_000;
let api: FakeApi;
let emitted: Array<[string, unknown]>;

beforeEach(() => {
  api = new FakeApi();
  emitted = [];
  installFetch(api);
});
afterEach(cleanup);

async function open(ticket: Detail, options: { drafts?: Drafts; token?: string; lang?: 'en' | 'fa' } = {}) {
  api.on('ticket.get', () => ticket);
  const el = await mount<TicketDetail>('support-tickets-detail', {
    ctx: makeContext(options.token ?? fakeToken(CUSTOMER), options.lang ?? 'en', emitted),
    now: new Date(),
    ticketId: ticket.id,
    drafts: options.drafts ?? new Drafts(),
  });
  await vi.waitFor(() => expect($(el, '.thread, .muted')).not.toBeNull());
  return el;
}

const answered = (overrides: Partial<Detail> = {}) =>
  detail({
    status: 'awaiting_customer',
    sla: 'paused',
    dueAt: null,
    autoCloseAt: new Date(Date.now() + 47 * HOUR).toISOString(),
    messages: [
      { id: 'm1', authorId: CUSTOMER.sub, authorName: 'Ava', authorRole: 'customer', visibility: 'public', body: 'Line one\nLine two', createdAt: new Date(Date.now() - 3 * HOUR).toISOString() },
      {
        id: 'm2',
        authorId: AGENT.sub,
        authorName: 'Sara',
        authorRole: 'agent',
        visibility: 'public',
        body: 'See https://status.kubit.ir/incidents/42. <img src=x onerror=alert(1)> javascript:alert(1)',
        createdAt: new Date(Date.now() - HOUR).toISOString(),
      },
    ],
    events: [
      { id: 1, kind: 'created', actor: 'customer', actorId: CUSTOMER.sub, actorName: 'Ava', from: null, to: 'awaiting_response', at: new Date(Date.now() - 3 * HOUR).toISOString() },
      { id: 2, kind: 'replied', actor: 'agent', actorId: AGENT.sub, actorName: 'Sara', from: null, to: null, at: new Date(Date.now() - HOUR).toISOString() },
      { id: 3, kind: 'status_changed', actor: 'agent', actorId: AGENT.sub, actorName: 'Sara', from: 'awaiting_response', to: 'awaiting_customer', at: new Date(Date.now() - HOUR).toISOString() },
    ],
    ...overrides,
  });

describe('ticket page', () => {
  it('shows the conversation: line breaks kept, links safe, nothing parsed as HTML', async () => {
    const el = await open(answered());
    const messages = $$(el, '[part="message"]');
    expect(messages).toHaveLength(2);
    expect(messages[0]?.dataset['author']).toBe('you');
    expect(messages[1]?.dataset['author']).toBe('support');
    expect($(el, '[part="message"] .body')?.textContent).toBe('Line one\nLine two');
    const link = $<HTMLAnchorElement>(el, '[part="message"][data-author="support"] a')!;
    expect(link.href).toBe('https://status.kubit.ir/incidents/42');
    expect(link.textContent).toBe('https://status.kubit.ir/incidents/42');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.target).toBe('_blank');
    expect($$(el, '[part="message"] a')).toHaveLength(1);
    expect($(el, '[part="message"] img')).toBeNull();
    expect(text(messages[1]!)).toContain('<img src=x onerror=alert(1)>');
  });

  it('says when a ticket waiting on the customer closes by itself, and the timeline', async () => {
    const el = await open(answered());
    const banner = $(el, '[part="banner"]')!;
    expect(text(banner)).toContain('closes by itself in 2 days');
    expect(banner.querySelector('time')?.getAttribute('title')).toBeTruthy();
    expect(text($(el, '.chips'))).toContain('Answered — waiting on you');
    expect($$(el, '[part="timeline"] li').map((li) => text(li.querySelector('span')))).toEqual([
      'You opened the ticket',
      'Support replied',
      'Status: Awaiting customer',
    ]);
  });

  it('shows the reply due time while support owes an answer', async () => {
    const el = await open(detail({ sla: 'at_risk', dueAt: new Date(Date.now() + 40 * 60_000 + 20_000).toISOString() }));
    const chip = $(el, '.chips [part="sla"]')!;
    expect(chip.textContent?.trim()).toBe('Reply due in 40 min');
    expect(chip.dataset['tone']).toBe('warn');
    expect(text(el)).toContain('Reply due');
  });

  it('sends a reply with Ctrl+Enter, once, then shows it and fires support-ticket-replied', async () => {
    const before = answered();
    let release!: () => void;
    api.on('ticket.reply', ({ id, body }) =>
      new Promise((resolve) => {
        release = () =>
          resolve({
            ...before,
            id,
            status: 'awaiting_response',
            autoCloseAt: null,
            messages: [...before.messages, { id: 'm3', authorId: CUSTOMER.sub, authorName: 'Ava', authorRole: 'customer', visibility: 'public', body, createdAt: new Date().toISOString() }],
          });
      }),
    );
    const drafts = new Drafts();
    const el = await open(before, { drafts });
    const box = $<HTMLTextAreaElement>(el, '#reply')!;
    type(box, 'Still broken');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await vi.waitFor(() => expect(api.callsTo('ticket.reply')).toHaveLength(1));
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Sending…');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, composed: true }));
    release();
    await vi.waitFor(() => expect($$(el, '[part="message"]')).toHaveLength(3));
    expect(api.callsTo('ticket.reply')).toHaveLength(1);
    expect(api.callsTo('ticket.reply')[0]?.input).toEqual({ id: before.id, body: 'Still broken' });
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('');
    expect(drafts.replies.has(before.id)).toBe(false);
    expect(emitted.map(([name]) => name)).toEqual(['support-ticket-replied']);
    expect($(el, '[part="banner"]')).toBeNull();
  });

  it('keeps the reply when sending fails and offers to try again', async () => {
    let fail = true;
    const ticket = answered();
    api.on('ticket.reply', () => {
      if (fail) throw new TypeError('network down');
      return ticket;
    });
    const el = await open(ticket);
    type($<HTMLTextAreaElement>(el, '#reply')!, 'Do not lose me');
    $<HTMLFormElement>(el, '[part="composer"]')!.requestSubmit();
    await vi.waitFor(() => expect($(el, '#reply-error')).not.toBeNull());
    expect(text($(el, '#reply-error'))).toContain('Your reply was not sent. Your text is kept');
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('Do not lose me');
    const retry = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(retry.textContent?.trim()).toBe('Try again');
    fail = false;
    retry.click();
    await vi.waitFor(() => expect(emitted.map(([n]) => n)).toContain('support-ticket-replied'));
  });

  it('refuses an empty reply without calling the API', async () => {
    const el = await open(answered());
    $<HTMLFormElement>(el, '[part="composer"]')!.requestSubmit();
    await el.updateComplete;
    expect(text($(el, '#reply-error'))).toBe('Write a reply first.');
    expect(api.callsTo('ticket.reply')).toHaveLength(0);
  });

  it('closes after a confirmation, fires support-ticket-closed and offers a new ticket', async () => {
    const ticket = answered();
    api.on('ticket.close', () => ({ ...ticket, status: 'closed', sla: 'met', autoCloseAt: null, closedAt: new Date().toISOString(), closedBy: 'customer' }));
    const el = await open(ticket);
    $<HTMLButtonElement>(el, 'button[part="close"]')!.click();
    await el.updateComplete;
    expect(text(el)).toContain('cannot be reopened');
    expect(api.callsTo('ticket.close')).toHaveLength(0);
    $<HTMLButtonElement>(el, '.confirm button[part="close"]')!.click();
    await vi.waitFor(() => expect(emitted.map(([n]) => n)).toEqual(['support-ticket-closed']));
    await el.updateComplete;
    expect($(el, '[part="composer"]')).toBeNull();
    expect(text($(el, '[part="banner"]'))).toContain('Closed on request');
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '[part="banner"] button')!.click();
    expect(navigations[0]?.route.view).toBe('create');
  });

  it('Escape inside the close question answers it instead of leaving', async () => {
    const el = await open(answered());
    $<HTMLButtonElement>(el, 'button[part="close"]')!.click();
    await el.updateComplete;
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    $(el, '.confirm button')!.dispatchEvent(escape);
    await el.updateComplete;
    expect(escape.defaultPrevented).toBe(true);
    expect($(el, '.confirm')).toBeNull();
  });

  it('shows a closed-by-the-system ticket without a reply box', async () => {
    const el = await open(detail({ status: 'closed', sla: 'met', dueAt: null, closedAt: new Date(Date.now() - HOUR).toISOString(), closedBy: 'system' }));
    expect(text($(el, '[part="banner"]'))).toContain('Closed automatically after no reply');
    expect($(el, '[part="composer"]')).toBeNull();
  });

  it('says a missing ticket is not found, with a way back', async () => {
    api.on('ticket.get', () => {
      throw new ApiError('NOT_FOUND', 'Ticket not found.');
    });
    const el = await mount<TicketDetail>('support-tickets-detail', {
      ctx: makeContext(fakeToken(CUSTOMER), 'en', emitted),
      now: new Date(),
      ticketId: 'nope',
      drafts: new Drafts(),
    });
    await vi.waitFor(() => expect(text(el)).toContain('does not exist, or it belongs to someone else'));
    expect($(el, 'button.back')).not.toBeNull();
  });

  it('names the colleague who opened an org ticket for an org admin', async () => {
    const el = await open(detail({ createdBy: 'someone', createdByName: 'Bahram' }), { token: fakeToken(ADMIN) });
    expect(text($(el, '.facts'))).toContain('Bahram');
  });

  it('shows a support reply as it arrives, keeping what the customer is typing', async () => {
    const before = detail({ id: 'live-1' });
    const el = await open(before);
    type($<HTMLTextAreaElement>(el, '#reply')!, 'Half-typed');
    api.on('ticket.get', () => answered({ id: 'live-1' }));
    api.push({ ticketId: 'other-ticket', kind: 'replied' });
    api.push({ ticketId: 'live-1', kind: 'replied' });
    await vi.waitFor(() => expect($$(el, '[part="message"][data-author="support"]')).toHaveLength(1));
    expect(api.callsTo('ticket.get')).toHaveLength(2);
    expect(text($(el, '[part="banner"]'))).toContain('closes by itself');
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('Half-typed');
  });

  it('reads in Persian with Jalali dates', async () => {
    const el = await open(answered(), { lang: 'fa' });
    expect(text($(el, '[part="banner"]'))).toContain('خودبه‌خود بسته می‌شود');
    const opened = $(el, '.facts time')!;
    expect(opened.textContent).toMatch(/[۰-۹]{4}/);
    expect(opened.textContent).toMatch(/۱[۳۴][۰-۹]{2}/); // a Jalali year, not 20xx
  });
});
