import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text, type } from '../../../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { NavigateEvent } from '../../../workspace/events';
import { WorkspaceStore } from '../../../workspace/store';
import type { TicketForm } from './ticket-form';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function org(plan?: 'enterprise' | 'developer') {
  const customer = await h.as(CUSTOMER);
  await customer.org.get.query();
  if (plan) await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, plan });
  return customer.org.get.query();
}

async function form(options: { plan?: 'enterprise' | 'developer'; store?: WorkspaceStore; lang?: 'en' | 'fa'; props?: Record<string, unknown> } = {}) {
  return h.mount<TicketForm>('support-tickets-form', { org: await org(options.plan), ...options.props }, { claims: CUSTOMER, ...options });
}

function fill(el: TicketForm, values: { subject?: string; category?: string; body?: string }) {
  if (values.subject !== undefined) type($<HTMLInputElement>(el, '#subject')!, values.subject);
  if (values.category !== undefined) type($<HTMLSelectElement>(el, '#category')!, values.category);
  if (values.body !== undefined) type($<HTMLTextAreaElement>(el, '#body')!, values.body);
}

const submit = (el: TicketForm) => $<HTMLFormElement>(el, 'form')!.requestSubmit();

describe('new-ticket form', () => {
  it('offers only the priorities of the plan, each with its target, normal by default', async () => {
    const el = await form();
    expect($$(el, '.option').map((o) => text(o))).toEqual(['Normal reply < 24 h', 'Low reply < 48 h']);
    expect($<HTMLInputElement>(el, 'input[value="normal"]')?.checked).toBe(true);
    expect(text(el)).toContain('your Developer plan');

    const enterprise = await form({ plan: 'enterprise' });
    expect($$(enterprise, '.option').map((o) => text(o))).toEqual([
      'Critical reply < 30 min',
      'Urgent reply < 1 h',
      'High reply < 4 h',
      'Normal reply < 12 h',
      'Low reply < 24 h',
    ]);
  });

  it('says what is missing before sending anything, beside each field', async () => {
    const el = await form();
    submit(el);
    await el.updateComplete;
    expect($(el, '#subject-error')?.textContent).toBe('Write a subject.');
    expect($(el, '#category-error')?.textContent).toBe('Choose a category.');
    expect($(el, '#body-error')?.textContent).toBe('Describe the problem.');
    expect($(el, '#subject')?.getAttribute('aria-invalid')).toBe('true');
    expect($(el, '#subject')?.getAttribute('aria-describedby')).toContain('subject-error');
    await vi.waitFor(() => expect(el.shadowRoot?.activeElement?.id).toBe('subject'));
    expect(h.calls('ticket.create')).toHaveLength(0);

    fill(el, { subject: 'VM down' });
    await el.updateComplete;
    expect($(el, '#subject-error')).toBeNull();
    expect($(el, '#body-error')).not.toBeNull();
  });

  it('refuses a subject over 200 characters, and a subject of spaces, as core does', async () => {
    const el = await form();
    fill(el, { subject: 'x'.repeat(201), category: 'technical', body: 'b' });
    submit(el);
    await el.updateComplete;
    expect($(el, '#subject-error')?.textContent).toBe('Keep the subject under 200 characters.');
    expect(text(el)).toContain('201 / 200');
    fill(el, { subject: '   ' });
    await el.updateComplete;
    expect($(el, '#subject-error')?.textContent).toBe('Write a subject.');
  });

  it('opens the ticket: the button is disabled while sending, then the event fires and the draft is cleared', async () => {
    const store = new WorkspaceStore();
    const el = await form({ store });
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    fill(el, { subject: '  VM down ', category: 'technical', body: 'It stopped\nat noon.' });
    $<HTMLInputElement>(el, 'input[value="low"]')!.click();
    submit(el);
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Opening…');
    submit(el); // a second press while sending does nothing
    await vi.waitFor(() => expect(navigations).toHaveLength(1));
    expect(h.calls('ticket.create')).toEqual([{ subject: 'VM down', body: 'It stopped\nat noon.', category: 'technical', priority: 'low' }]);
    expect(h.emitted[0]?.[0]).toBe('support-ticket-created');
    const sent = (h.emitted[0]?.[1] as { ticket: Record<string, unknown> }).ticket;
    expect(sent).toMatchObject({ subject: 'VM down', priority: 'low', status: 'awaiting_response' });
    expect(sent['messages']).toBeUndefined();
    expect(navigations[0]?.route).toEqual({ view: 'detail', id: sent['id'] });
    expect(navigations[0]?.replace).toBe(true); // back from the new ticket skips the form
    expect(store.ticketDraft).toEqual({ subject: '', body: '', category: '', priority: '' });
  });

  it('shows the server’s refusal above the button and keeps every word typed', async () => {
    // The plan changed to one without the chosen priority after the form was drawn.
    const store = new WorkspaceStore();
    const el = await form({ plan: 'enterprise', store });
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, plan: 'developer' });
    fill(el, { subject: 'Help', category: 'sales', body: 'Long text I typed' });
    $<HTMLInputElement>(el, 'input[value="urgent"]')!.click();
    submit(el);
    await vi.waitFor(() => expect(text($(el, '.form-error'))).toContain('The Developer plan does not offer Urgent priority; it offers Normal and Low.'));
    expect(text($(el, '.form-error'))).toContain('The ticket was not opened. Your text is kept.');
    expect($<HTMLInputElement>(el, '#subject')?.value).toBe('Help');
    expect($<HTMLTextAreaElement>(el, '#body')?.value).toBe('Long text I typed');
    expect($<HTMLButtonElement>(el, '[part="submit"]')?.disabled).toBe(false);
    expect(store.ticketDraft.body).toBe('Long text I typed');
  });

  it('words a refusal the server explains in data in the page’s language', async () => {
    const el = await form({ plan: 'enterprise', lang: 'fa' });
    await (await h.as(AGENT)).org.setPlan.mutate({ orgId: CUSTOMER.org, plan: 'developer' });
    fill(el, { subject: 'کمک', category: 'sales', body: 'متن من' });
    $<HTMLInputElement>(el, 'input[value="urgent"]')!.click();
    submit(el);
    await vi.waitFor(() => expect(text($(el, '.form-error'))).toContain('پلن پایه اولویت «فوری» را ارائه نمی‌دهد'));
    expect(text($(el, '.form-error'))).toContain('معمولی و پایین');
    expect(text($(el, '.form-error'))).not.toContain('does not offer');
  });

  it('keeps the draft when the person leaves the form and comes back', async () => {
    const store = new WorkspaceStore();
    const first = await form({ store });
    fill(first, { subject: 'Half written', body: 'so far' });
    first.remove();
    const again = await form({ store });
    expect($<HTMLInputElement>(again, '#subject')?.value).toBe('Half written');
    expect($<HTMLTextAreaElement>(again, '#body')?.value).toBe('so far');
  });

  it('proposes the category of the closed ticket it follows up', async () => {
    const customer = await h.as(CUSTOMER);
    const closed = await openTicket(customer, { category: 'financial' });
    const el = await form({ props: { from: await customer.ticket.close.mutate({ id: closed.id }) } });
    expect($<HTMLSelectElement>(el, '#category')?.value).toBe('financial');
  });

  it('labels every control, in Persian too', async () => {
    const el = await form({ lang: 'fa' });
    for (const id of ['subject', 'category', 'body']) {
      expect($(el, `label[for="${id}"]`)?.textContent).toBeTruthy();
    }
    expect(text(el)).toContain('پاسخ کمتر از ۲۴ ساعت');
    expect($(el, 'legend')?.textContent).toBe('اولویت');
  });
});

describe('follow-ups', () => {
  it('opens a new ticket from one’s own closed ticket as its follow-up, and says so', async () => {
    const customer = await h.as(CUSTOMER);
    const closed = await openTicket(customer, { subject: 'Disk full', category: 'financial' });
    const from = await customer.ticket.close.mutate({ id: closed.id });
    const el = await form({ props: { from } });
    expect(text($(el, '[data-field="follow-up"]'))).toBe(`A follow-up of ticket #${closed.number}.`);
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    fill(el, { subject: 'Disk full again', body: 'Same volume.' });
    submit(el);
    await vi.waitFor(() => expect(navigations).toHaveLength(1));
    // The category is proposed from the closed ticket.
    expect(h.calls('ticket.create')).toEqual([{ subject: 'Disk full again', body: 'Same volume.', category: 'financial', priority: 'normal', followUpOf: closed.id }]);
    const created = await customer.ticket.get.query({ id: (navigations[0]!.route as { id: string }).id });
    expect(created.followUpOfTicket).toMatchObject({ id: closed.id, number: closed.number });
  });

  it('opens a plain new ticket from a closed ticket the person may not follow up', async () => {
    const closed = await openTicket(await h.as(CUSTOMER));
    const from = await (await h.as(AGENT)).ticket.close.mutate({ id: closed.id });
    const el = await form({ props: { from: { ...from, actions: [] } } });
    expect($(el, '[data-field="follow-up"]')).toBeNull();
    fill(el, { subject: 'Another thing', body: 'Unrelated.' });
    submit(el);
    await vi.waitFor(() => expect(h.calls('ticket.create')).toHaveLength(1));
    expect(h.calls('ticket.create')[0]).not.toHaveProperty('followUpOf');
  });

  it('says it in Persian', async () => {
    const customer = await h.as(CUSTOMER);
    const closed = await openTicket(customer);
    const from = await customer.ticket.close.mutate({ id: closed.id });
    const el = await form({ lang: 'fa', props: { from } });
    expect(text($(el, '[data-field="follow-up"]'))).toBe(`پیگیری تیکت #${closed.number.toLocaleString('fa-IR', { useGrouping: false })}.`);
  });
});

describe('a reply typed while the ticket closed', () => {
  it('moves into the follow-up’s description, after what the form held, losing neither', async () => {
    const customer = await h.as(CUSTOMER);
    const closed = await openTicket(customer);
    const from = await customer.ticket.close.mutate({ id: closed.id });
    const store = new WorkspaceStore();
    store.ticketDraft.body = 'Typed in the form before.';
    store.setDraft(closed.id, 'reply', 'Typed as a reply.');
    const el = await form({ store, props: { from } });
    expect($<HTMLTextAreaElement>(el, '#body')!.value).toBe('Typed in the form before.\n\nTyped as a reply.');
    expect(store.draft(closed.id, 'reply')).toBe('');
  });
});
