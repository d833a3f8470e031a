import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, type } from '../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../testing/harness';
import type { TicketDetail } from '../views/customer/ticket-detail/ticket-detail';
import type { TicketForm } from '../views/customer/ticket-form/ticket-form';
import { NavigateEvent } from '../workspace/events';

// The attachments chunk still on its way (a slow network): the forms hold an `<st-attach>` tag
// that is not yet an element. Nothing is defined by the module here, as until the download lands.
vi.mock('../attachments/index', () => ({}));

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('sending before the attachments chunk is here', () => {
  it('a reply goes once, empties the box and tells the host, with no failure shown', async () => {
    const customer = await h.as(CUSTOMER);
    const ticket = await openTicket(customer, { body: 'Backups fail' });
    await (await h.as(AGENT)).ticket.reply.mutate({ id: ticket.id, body: 'Looking' });
    const el = await h.mount<TicketDetail>('support-tickets-detail', { ticketId: ticket.id }, { claims: CUSTOMER });
    await vi.waitFor(() => expect($(el, '#reply')).not.toBeNull());
    expect(customElements.get('st-attach')).toBeUndefined();

    type($<HTMLTextAreaElement>(el, '#reply')!, 'Still broken');
    $<HTMLFormElement>(el, '[part="composer"]')!.requestSubmit();
    await vi.waitFor(() => expect(h.emitted.map(([name]) => name)).toEqual(['support-ticket-replied']));
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#reply')?.value).toBe('');
    expect($(el, '#reply-error')).toBeNull();
    const thread = await customer.ticket.get.query({ id: ticket.id });
    expect(thread.messages.map((m) => m.body)).toEqual(['Backups fail', 'Looking', 'Still broken']);
  });

  it('a new ticket opens once and the form moves on to it, rather than saying it was not opened', async () => {
    const customer = await h.as(CUSTOMER);
    const el = await h.mount<TicketForm>('support-tickets-form', { org: await customer.org.get.query() }, { claims: CUSTOMER });
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    type($<HTMLInputElement>(el, '#subject')!, 'VM down');
    type($<HTMLSelectElement>(el, '#category')!, 'technical');
    type($<HTMLTextAreaElement>(el, '#body')!, 'It stopped at noon.');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();

    await vi.waitFor(() => expect(navigations).toHaveLength(1));
    expect(h.emitted.map(([name]) => name)).toEqual(['support-ticket-created']);
    expect(h.calls('ticket.create')).toHaveLength(1);
    const { items } = await customer.ticket.list.query({});
    expect(items.map((t) => t.subject)).toEqual(['VM down']);
    expect(navigations[0]?.route).toEqual({ view: 'detail', id: items[0]?.id });
  });
});
