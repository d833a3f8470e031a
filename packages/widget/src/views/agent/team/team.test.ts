import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text } from '../../../testing/dom';
import { AGENT, AGENT_2, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import type { AgentTicket } from '../agent-ticket/agent-ticket';

// The team features on the agent's ticket page: assignment, the collision guard with the draft
// kept, saved replies, presence.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function open(id: string, lang: 'en' | 'fa' = 'en') {
  const el = await h.mount<AgentTicket>('support-tickets-agent-ticket', { ticketId: id }, { claims: AGENT, lang });
  await vi.waitFor(() => expect($(el, '.thread')).not.toBeNull());
  return el;
}

const composer = <T extends HTMLElement = HTMLTextAreaElement>(el: AgentTicket, selector: string) => $<T>(el, 'support-tickets-agent-composer', selector);
const write = (el: AgentTicket, body: string) => {
  composer(el, '#body')!.value = body;
  composer(el, '#body')!.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('assignment', { timeout: 20_000 }, () => {
  it('assigns the ticket to a colleague from the list of known agents, named in the timeline', async () => {
    await (await h.as(AGENT_2)).agent.list.query();
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await open(ticket.id);
    const select = () => $<HTMLSelectElement>(el, 'support-tickets-agent-actions', '#assignee');
    await vi.waitFor(() => expect($$(select()!, 'option').map((o) => o.textContent?.trim())).toEqual(['Nobody', 'Reza', 'Sara']));
    select()!.value = 'agent-2';
    select()!.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(text($(el, '[part="timeline"]'))).toContain('Sara assigned it to Reza'));
    expect(select()!.value).toBe('agent-2');
  });
});

describe('the collision guard', { timeout: 20_000 }, () => {
  it('keeps the draft, shows what changed and sends anyway on request', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await open(ticket.id);
    write(el, 'Have you tried a reboot?');
    // A colleague answers while Sara writes; her screen has not caught up.
    await (await h.as(AGENT_2)).ticket.reply.mutate({ id: ticket.id, body: 'Rebooting it for you now.' });
    composer<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await vi.waitFor(() => expect(composer(el, '[part="conflict"]')).not.toBeNull());
    expect(text(composer(el, '[part="conflict"]'))).toContain('Reza replied');
    expect(composer(el, '#body')!.value).toBe('Have you tried a reboot?');
    composer<HTMLButtonElement>(el, '[data-action="send-anyway"]')!.click();
    await vi.waitFor(() => expect(text($(el, '.thread'))).toContain('Have you tried a reboot?'));
    expect(composer(el, '[part="conflict"]')).toBeNull();
  });
});

describe('saved replies', { timeout: 20_000 }, () => {
  it('opens the picker on "/" and inserts the chosen reply, filled for the ticket', async () => {
    await (await h.as(AGENT)).macro.create.mutate({ title: 'Greeting', body: 'Hello {{customer.name}}, about #{{ticket.number}}:' });
    const ticket = await openTicket(await h.as(CUSTOMER));
    const el = await open(ticket.id);
    write(el, '/');
    await vi.waitFor(() => expect(composer(el, 'support-tickets-macro-picker')).not.toBeNull());
    const picker = composer(el, 'support-tickets-macro-picker')!;
    await vi.waitFor(() => expect($(picker, '[data-macro]')).not.toBeNull());
    $<HTMLButtonElement>(picker, '[data-macro]')!.click();
    await vi.waitFor(() => expect(composer(el, '#body')!.value).toBe(`Hello Ava, about #${ticket.number}:`));
    expect(composer(el, 'support-tickets-macro-picker')).toBeNull();
  });
});

describe('presence', { timeout: 20_000 }, () => {
  it('shows a colleague viewing the ticket', async () => {
    const ticket = await openTicket(await h.as(CUSTOMER));
    await (await h.as(AGENT_2)).presence.beat.mutate({ ticketId: ticket.id, typing: true });
    const el = await open(ticket.id, 'fa');
    await vi.waitFor(() => expect(text($(el, '[part="presence"]'))).toContain('Reza در حال نوشتن'));
  });
});
