import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, focused, text, type } from '../testing/dom';
import { ADMIN, AGENT, CUSTOMER, HOUR, openTicket, startHarness, type Harness } from '../testing/harness';
import type { TicketDetail } from '../views/customer/ticket-detail/ticket-detail';
import { NavigateEvent } from '../workspace/events';
import { WorkspaceStore } from '../workspace/store';

// What a customer may still do about a closed ticket (SPEC §8): follow it up, carrying a reply
// they were writing when it closed, and rate it once, within the window the server says.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const DAY = 24 * HOUR;

async function closedTicket() {
  const ticket = await openTicket(await h.as(CUSTOMER));
  await (await h.as(AGENT)).ticket.close.mutate({ id: ticket.id });
  return ticket;
}

async function open(id: string, options: { claims?: typeof CUSTOMER | typeof ADMIN; lang?: 'en' | 'fa'; store?: WorkspaceStore } = {}) {
  const el = await h.mount<TicketDetail>('support-tickets-detail', { ticketId: id }, { claims: options.claims ?? CUSTOMER, ...options });
  await vi.waitFor(() => expect($(el, '.thread')).not.toBeNull());
  return el;
}

const extras = (el: TicketDetail, selector: string) => $(el, 'st-closed-extras', selector);
const followUpButton = (el: TicketDetail) => extras(el, '[data-action="follow-up"]') as HTMLButtonElement | null;

function navigations(el: TicketDetail): NavigateEvent[] {
  const seen: NavigateEvent[] = [];
  el.addEventListener(NavigateEvent.type, (e) => seen.push(e as NavigateEvent));
  return seen;
}

describe('rating a closed ticket', () => {
  it('takes one rating with a comment, says until when, then shows it instead of the question', async () => {
    const ticket = await closedTicket();
    const el = await open(ticket.id);
    await vi.waitFor(() => expect(extras(el, 'form.rating')).not.toBeNull());
    const closed = await (await h.as(CUSTOMER)).ticket.get.query({ id: ticket.id });
    expect(text(extras(el, 'form.rating'))).toContain(`You can rate it until ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(closed.rateUntil!))}.`);
    const send = extras(el, '[data-action="rate"]') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    (extras(el, 'input[value="good"]') as HTMLInputElement).click();
    type(extras(el, '#rating-comment') as HTMLTextAreaElement, '  Quick, thanks!  ');
    await vi.waitFor(() => expect(send.disabled).toBe(false));
    send.focus();
    (extras(el, 'form.rating') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() => expect(extras(el, '.rated')).not.toBeNull());
    expect(h.calls('ticket.rate')).toEqual([{ id: ticket.id, rating: 'good', comment: 'Quick, thanks!' }]);
    expect(text(extras(el, '.rated'))).toBe('You rated this ticket good. Thank you.');
    expect(extras(el, 'form.rating')).toBeNull();
    // Focus was on the button that went away: it lands on what replaced the form.
    await vi.waitFor(() => expect(focused()?.classList.contains('rated')).toBe(true));
  });

  it('is not offered once the server says the time has passed; the follow-up still is', async () => {
    const ticket = await closedTicket();
    h.server.clock.advance(7 * DAY + HOUR);
    const el = await open(ticket.id);
    await vi.waitFor(() => expect(followUpButton(el)).not.toBeNull());
    expect(extras(el, 'form.rating')).toBeNull();
    expect(text(followUpButton(el))).toBe('Open a follow-up');
  });

  it('words a refusal in the page’s language and keeps the choice', async () => {
    const ticket = await closedTicket();
    const el = await open(ticket.id, { lang: 'fa' });
    await vi.waitFor(() => expect(extras(el, 'form.rating')).not.toBeNull());
    expect(text(extras(el, 'legend'))).toBe('پشتیبانی ما در این تیکت چطور بود؟');
    // Rated meanwhile, in another tab: the server refuses the second rating.
    await (await h.as(CUSTOMER)).ticket.rate.mutate({ id: ticket.id, rating: 'bad' });
    (extras(el, 'input[value="good"]') as HTMLInputElement).click();
    await vi.waitFor(() => expect((extras(el, '[data-action="rate"]') as HTMLButtonElement).disabled).toBe(false));
    (extras(el, 'form.rating') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() => expect(text(extras(el, '[role="alert"]'))).toContain('به این تیکت پیش‌تر امتیاز داده شده است.'));
    expect((extras(el, 'input[value="good"]') as HTMLInputElement).checked).toBe(true);
  });
});

describe('following up a closed ticket', () => {
  it('carries a reply typed while the ticket closed into the follow-up, and the offer takes the lost focus', async () => {
    const store = new WorkspaceStore();
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await open(ticket.id, { store });
    const reply = $<HTMLTextAreaElement>(el, '#reply')!;
    reply.focus();
    type(reply, 'One more detail: it fails at boot.');
    await (await h.as(AGENT)).ticket.close.mutate({ id: ticket.id });
    $<HTMLFormElement>(el, 'form.composer')!.requestSubmit();
    await vi.waitFor(() => expect(followUpButton(el)).not.toBeNull());
    expect(h.calls('ticket.reply')).toEqual([{ id: ticket.id, body: 'One more detail: it fails at boot.' }]);
    expect(text(extras(el, '.unsent'))).toBe('One more detail: it fails at boot.');
    expect(text(followUpButton(el))).toBe('Open a follow-up');
    await vi.waitFor(() => expect(focused()).toBe(followUpButton(el)));
    const seen = navigations(el);
    followUpButton(el)!.click();
    expect(seen[0]?.route).toMatchObject({ view: 'create', from: { id: ticket.id } });
    expect(store.ticketDraft.body).toBe('One more detail: it fails at boot.');
    // The text moved: it is not kept twice.
    expect(store.draft(ticket.id, 'reply')).toBe('');
  });

  it('adds the reply after what is typed in the new-ticket form already, losing neither', async () => {
    const store = new WorkspaceStore();
    store.ticketDraft.body = 'Typed in the form before.';
    const ticket = await closedTicket();
    store.setDraft(ticket.id, 'reply', 'Typed as a reply.');
    const el = await open(ticket.id, { store });
    await vi.waitFor(() => expect(followUpButton(el)).not.toBeNull());
    followUpButton(el)!.click();
    expect(store.ticketDraft.body).toBe('Typed in the form before.\n\nTyped as a reply.');
  });

  it('offers an organisation admin a new ticket, not a follow-up, of a colleague’s ticket', async () => {
    const ticket = await closedTicket();
    const el = await open(ticket.id, { claims: ADMIN });
    await vi.waitFor(() => expect(followUpButton(el)).not.toBeNull());
    expect(text(followUpButton(el))).toBe('Open a new ticket');
    expect($$(el, 'st-closed-extras', '.unsent')).toHaveLength(0);
  });
});
