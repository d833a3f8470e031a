import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, focused, text, type } from '../testing/dom';
import { ADMIN, AGENT, CUSTOMER, HOUR, openTicket, startHarness, type Harness } from '../testing/harness';
import type { TicketDetail } from '../views/customer/ticket-detail/ticket-detail';
import { WorkspaceStore } from '../workspace/store';

// A customer rates a closed ticket (SPEC §8) once, within the window the server says.

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

const extras = (el: TicketDetail, selector: string) => $(el, 'st-rating', selector);

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

  it('is not offered once the server says the time has passed', async () => {
    const ticket = await closedTicket();
    h.server.clock.advance(7 * DAY + HOUR);
    const el = await open(ticket.id);
    await vi.waitFor(() => expect($(el, 'st-rating')).not.toBeNull());
    expect(extras(el, 'form.rating')).toBeNull();
    expect(text($(el, '[part="banner"]'))).toContain('Open a new ticket');
  });

  it('says the rating once given, instead of the question', async () => {
    const ticket = await closedTicket();
    await (await h.as(CUSTOMER)).ticket.rate.mutate({ id: ticket.id, rating: 'bad' });
    const el = await open(ticket.id);
    await vi.waitFor(() => expect(text(extras(el, '.rated'))).toBe('You rated this ticket bad. Thank you; we will look into it.'));
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
