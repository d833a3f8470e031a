import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text, type } from '../../../testing/dom';
import { failingFetch, type Failure, type ProcedurePath } from '../../../testing/failures';
import { ADMIN, AGENT, COLLEAGUE, CUSTOMER, HOUR, MINUTE, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { WorkspaceStore } from '../../../workspace/store';
import { NavigateEvent } from '../../../workspace/events';
import type { TicketDetail } from './ticket-detail';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function open(id: string, options: { claims?: typeof CUSTOMER | typeof ADMIN; lang?: 'en' | 'fa'; store?: WorkspaceStore; fetch?: typeof fetch } = {}) {
  const el = await h.mount<TicketDetail>('support-tickets-detail', { ticketId: id }, { claims: options.claims ?? CUSTOMER, ...options });
  await vi.waitFor(() => expect($(el, '.thread, .layout .muted, [role="alert"]')).not.toBeNull());
  return el;
}

/** A ticket support has answered: it now waits on the customer. */
async function answered(body = 'See https://status.kubit.ir/incidents/42. <img src=x onerror=alert(1)> javascript:alert(1)') {
  const customer = await h.as(CUSTOMER);
  const ticket = await openTicket(customer, { body: 'Line one\nLine two' });
  const agent = await h.as(AGENT);
  await agent.ticket.reply.mutate({ id: ticket.id, body });
  return ticket;
}

describe('ticket page', () => {
  it('shows the conversation: line breaks kept, links safe, nothing parsed as HTML', async () => {
    const el = await open((await answered()).id);
    const messages = $$(el, '[part="message"]');
    expect(messages.map((m) => m.dataset['author'])).toEqual(['you', 'support']);
    expect($(el, '[part="message"] .body')?.textContent).toBe('Line one\nLine two');
    const link = $<HTMLAnchorElement>(el, '[part="message"][data-author="support"] a')!;
    expect(link.href).toBe('https://status.kubit.ir/incidents/42');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.target).toBe('_blank');
    expect($$(el, '[part="message"] a')).toHaveLength(1);
    expect($(el, '[part="message"] img')).toBeNull();
    expect(text(messages[1]!)).toContain('<img src=x onerror=alert(1)>');
  });

  it('says when a ticket waiting on the customer closes by itself, and the timeline', async () => {
    const el = await open((await answered()).id);
    const banner = $(el, '[part="banner"]')!;
    expect(text(banner)).toContain('closes by itself in 2 days');
    expect(banner.querySelector('time')?.getAttribute('title')).toBeTruthy();
    expect(text($(el, '.chips'))).toContain('Answered — waiting on you');
    expect($$(el, '[part="timeline"] li').map((li) => text(li.querySelector('span')))).toEqual([
      'You opened the ticket',
      'Assigned to Support',
      'Support replied',
      'Status: Awaiting customer',
    ]);
  });

  it('shows the time left to a reply as the server counts it, and the due time', async () => {
    // Enterprise: critical within 30 minutes, around the clock; 25 minutes later 5 are left: at risk.
    const agent = await h.as(AGENT);
    await (await h.as(CUSTOMER)).org.get.query();
    await agent.org.setPlan.mutate({ orgId: CUSTOMER.org, plan: 'enterprise' });
    const ticket = await openTicket(await h.as(CUSTOMER), { priority: 'critical' });
    h.server.clock.advance(25 * 60_000);
    const el = await open(ticket.id);
    const chip = $(el, '.chips [part="sla"]')!;
    expect(chip.textContent?.trim()).toBe('Reply due in 5 min');
    expect(chip.dataset['tone']).toBe('warn');
    expect(text($(el, '.facts'))).toContain('Reply due');
  });

  it('asks the server again when the due time passes on screen, and says the reply is overdue', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await open(ticket.id);
    expect(text($(el, '.chips [part="sla"]'))).toMatch(/^Reply due in/);
    h.server.clock.set(Date.parse(ticket.dueAt!) + 10 * MINUTE);
    await h.tick(el, h.server.clock.now());
    await vi.waitFor(() => expect(text($(el, '.chips [part="sla"]'))).toBe('Overdue by 10 min'));
  });

  it('sends a reply with Ctrl+Enter, once, then shows it and fires support-ticket-replied', async () => {
    const ticket = await answered();
    const store = new WorkspaceStore();
    const el = await open(ticket.id, { store });
    const box = $<HTMLTextAreaElement>(el, '#reply')!;
    type(box, 'Still broken');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Sending…');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, composed: true }));
    await vi.waitFor(() => expect($$(el, '[part="message"]')).toHaveLength(3));
    const thread = await (await h.as(CUSTOMER)).ticket.get.query({ id: ticket.id });
    expect(thread.messages.map((m) => m.body)).toEqual(['Line one\nLine two', expect.any(String), 'Still broken']);
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('');
    expect(store.draft(ticket.id, 'reply')).toBe('');
    expect(h.emitted.map(([name]) => name)).toEqual(['support-ticket-replied']);
    expect((h.emitted[0]?.[1] as { ticket: Record<string, unknown> }).ticket['messages']).toBeUndefined();
    expect($(el, '[part="banner"]')).toBeNull();
  });

  it('keeps the reply when sending fails and offers to try again', async () => {
    const ticket = await answered();
    const failing = new Map<ProcedurePath, Failure>([['ticket.reply', 'offline']]);
    const el = await open(ticket.id, { fetch: failingFetch(h.server.fetch, failing) });
    type($<HTMLTextAreaElement>(el, '#reply')!, 'Do not lose me');
    $<HTMLFormElement>(el, '[part="composer"]')!.requestSubmit();
    await vi.waitFor(() => expect($(el, '#reply-error')).not.toBeNull());
    expect(text($(el, '#reply-error'))).toContain('Your reply was not sent. Your text is kept');
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('Do not lose me');
    const retry = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(retry.textContent?.trim()).toBe('Try again');
    failing.clear();
    retry.click();
    await vi.waitFor(() => expect(h.emitted.map(([n]) => n)).toContain('support-ticket-replied'));
    expect(text($(el, '[part="thread"]'))).toContain('Do not lose me');
  });

  it('keeps the reply and shows the ticket as it is when it was closed meanwhile', async () => {
    const ticket = await answered();
    const el = await open(ticket.id);
    type($<HTMLTextAreaElement>(el, '#reply')!, 'One more thing');
    await (await h.as(AGENT)).ticket.close.mutate({ id: ticket.id });
    $<HTMLFormElement>(el, '[part="composer"]')?.requestSubmit();
    await vi.waitFor(() => expect(text($(el, '[part="banner"]'))).toContain('Closed by support'));
  });

  it('refuses an empty reply without calling the API', async () => {
    const ticket = await answered();
    const el = await open(ticket.id);
    $<HTMLFormElement>(el, '[part="composer"]')!.requestSubmit();
    await el.updateComplete;
    expect(text($(el, '#reply-error'))).toBe('Write something first.');
    const thread = await (await h.as(CUSTOMER)).ticket.get.query({ id: ticket.id });
    expect(thread.messages).toHaveLength(2);
  });

  it('closes after a confirmation, fires support-ticket-closed and offers a new ticket', async () => {
    const el = await open((await answered()).id);
    $<HTMLButtonElement>(el, 'button[part="close"]')!.click();
    await el.updateComplete;
    expect(text(el)).toContain('cannot be reopened');
    expect(h.emitted).toEqual([]);
    $<HTMLButtonElement>(el, '.confirm button[part="close"]')!.click();
    await vi.waitFor(() => expect(h.emitted.map(([n]) => n)).toEqual(['support-ticket-closed']));
    await el.updateComplete;
    expect($(el, '[part="composer"]')).toBeNull();
    expect(text($(el, '[part="banner"]'))).toContain('Closed on request');
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '[part="banner"] button')!.click();
    expect(navigations[0]?.route.view).toBe('create');
  });

  it('Escape inside the close question answers it instead of leaving', async () => {
    const el = await open((await answered()).id);
    $<HTMLButtonElement>(el, 'button[part="close"]')!.click();
    await el.updateComplete;
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    $(el, '.confirm button')!.dispatchEvent(escape);
    await el.updateComplete;
    expect(escape.defaultPrevented).toBe(true);
    expect($(el, '.confirm')).toBeNull();
  });

  it('shows a ticket closed by the system without a reply box', async () => {
    const ticket = await answered();
    h.server.clock.advance(49 * HOUR);
    await h.server.server.closeDueTickets();
    const el = await open(ticket.id);
    expect(text($(el, '[part="banner"]'))).toContain('Closed automatically after no reply');
    expect($(el, '[part="composer"]')).toBeNull();
  });

  it('says a missing ticket is not found, with a way back', async () => {
    const el = await open('no-such-ticket');
    await vi.waitFor(() => expect(text(el)).toContain('does not exist, or it belongs to someone else'));
    expect($(el, 'button.back')).not.toBeNull();
  });

  it('names the colleague who opened an org ticket for an org admin', async () => {
    const ticket = await openTicket(await h.as(COLLEAGUE));
    const el = await open(ticket.id, { claims: ADMIN });
    expect(text($(el, '.facts'))).toContain('Cyrus');
  });

  it('shows a support reply as it arrives, keeping what the customer is typing', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await open(ticket.id);
    type($<HTMLTextAreaElement>(el, '#reply')!, 'Half-typed');
    await (await h.as(AGENT)).ticket.reply.mutate({ id: ticket.id, body: 'Looking into it.' });
    await vi.waitFor(() => expect($$(el, '[part="message"][data-author="support"]')).toHaveLength(1));
    expect(text($(el, '[part="banner"]'))).toContain('closes by itself');
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('Half-typed');
  });

  it('reads in Persian with Jalali dates', async () => {
    const el = await open((await answered()).id, { lang: 'fa' });
    expect(text($(el, '[part="banner"]'))).toContain('خودبه‌خود بسته می‌شود');
    const opened = $(el, '.facts time')!;
    expect(opened.textContent).toMatch(/۱[۳۴][۰-۹]{2}/); // a Jalali year, not 20xx
  });
});

describe('ticket number', () => {
  it('shows the ticket by its number, never its id, in English and in Persian digits', async () => {
    const ticket = await answered('Done.');
    const en = await open(ticket.id);
    expect(text($(en, '.facts'))).toContain(`Number #${ticket.number}`);
    expect(text(en)).not.toContain(ticket.id);
    const fa = await open(ticket.id, { lang: 'fa' });
    expect(text($(fa, '.facts'))).toContain(`#${ticket.number.toLocaleString('fa-IR', { useGrouping: false })}`);
  });
});

describe('resources', () => {
  it('shows the resources the ticket is about, as picked when it was opened', async () => {
    const resources = [
      { id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' },
      { id: 'db-main', type: 'database', name: 'main-db' },
    ];
    const customer = await h.as({ ...CUSTOMER, resources });
    const ticket = await customer.ticket.create.mutate({ subject: 'Slow', body: 'Both.', category: 'technical', resourceIds: ['vm-web-1', 'db-main'] });
    const el = await open(ticket.id);
    expect(text($(el, '[data-field="resources"]'))).toBe('Resources web-1 and main-db');
    const fa = await open(ticket.id, { lang: 'fa' });
    expect(text($(fa, '[data-field="resources"]'))).toBe('منابع web-1 و main-db');
    const without = await open((await openTicket(customer)).id);
    expect($(without, '[data-field="resources"]')).toBeNull();
  });
});
