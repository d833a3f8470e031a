import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Drafts } from '../../../context';
import { $, $$, cleanup, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { ApiError, CUSTOMER, DEVELOPER_ORG, ENTERPRISE_ORG, FakeApi, detail, fakeToken, ticket } from '../../../testing/fake-api';
import { NavigateEvent } from '../../navigation';
import type { TicketForm } from './ticket-form';

let api: FakeApi;
let emitted: Array<[string, unknown]>;

beforeEach(() => {
  api = new FakeApi();
  emitted = [];
  installFetch(api);
});
afterEach(cleanup);

async function form(org: unknown = DEVELOPER_ORG, drafts = new Drafts(), lang: 'en' | 'fa' = 'en') {
  return mount<TicketForm>('support-tickets-form', { ctx: makeContext(fakeToken(CUSTOMER), lang, emitted), drafts, org });
}

function fill(el: TicketForm, values: { subject?: string; category?: string; body?: string }) {
  if (values.subject !== undefined) type($<HTMLInputElement>(el, '#subject')!, values.subject);
  if (values.category !== undefined) type($<HTMLSelectElement>(el, '#category')!, values.category);
  if (values.body !== undefined) type($<HTMLTextAreaElement>(el, '#body')!, values.body);
}

const submit = (el: TicketForm) => $<HTMLFormElement>(el, 'form')!.requestSubmit();

describe('new-ticket form', () => {
  it('offers only the priorities of the plan, each with its target, normal by default', async () => {
    const el = await form(DEVELOPER_ORG);
    const options = $$(el, '.option').map((o) => text(o));
    expect(options).toEqual(['Normal reply < 24 h', 'Low reply < 48 h']);
    expect($<HTMLInputElement>(el, 'input[value="normal"]')?.checked).toBe(true);
    expect(text(el)).toContain('your Developer plan');

    const enterprise = await form(ENTERPRISE_ORG);
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
    expect(el.shadowRoot?.activeElement?.id).toBe('subject');
    expect(api.calls).toHaveLength(0);

    fill(el, { subject: 'VM down' });
    await el.updateComplete;
    expect($(el, '#subject-error')).toBeNull();
    expect($(el, '#body-error')).not.toBeNull();
  });

  it('refuses a subject over 200 characters', async () => {
    const el = await form();
    fill(el, { subject: 'x'.repeat(201), category: 'technical', body: 'b' });
    submit(el);
    await el.updateComplete;
    expect($(el, '#subject-error')?.textContent).toContain('200');
    expect(text(el)).toContain('201 / 200');
  });

  it('opens the ticket: the button is disabled while sending, then the event fires and the draft is cleared', async () => {
    let release!: () => void;
    const created = detail({ id: 'new-1', subject: 'VM down', priority: 'low' });
    api.on('ticket.create', () => new Promise((resolve) => (release = () => resolve(created))));
    const drafts = new Drafts();
    const el = await form(DEVELOPER_ORG, drafts);
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    fill(el, { subject: '  VM down ', category: 'technical', body: 'It stopped\nat noon.' });
    $<HTMLInputElement>(el, 'input[value="low"]')!.click();
    submit(el);
    await vi.waitFor(() => expect(api.callsTo('ticket.create')).toHaveLength(1));
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Opening…');
    submit(el); // a second press while sending does nothing
    release();
    await vi.waitFor(() => expect(navigations).toHaveLength(1));
    expect(api.callsTo('ticket.create')).toHaveLength(1);
    expect(api.callsTo('ticket.create')[0]?.input).toEqual({
      subject: 'VM down',
      body: 'It stopped\nat noon.',
      category: 'technical',
      priority: 'low',
    });
    expect(emitted[0]?.[0]).toBe('support-ticket-created');
    const sent = (emitted[0]?.[1] as { ticket: Record<string, unknown> }).ticket;
    expect(sent['id']).toBe('new-1');
    expect(sent['messages']).toBeUndefined();
    expect(navigations[0]?.route).toEqual({ view: 'detail', id: 'new-1' });
    expect(drafts.ticket).toEqual({ subject: '', body: '', category: '', priority: '' });
  });

  it('shows the server’s BAD_REQUEST next to the form and keeps every word typed', async () => {
    api.on('ticket.create', () => {
      throw new ApiError('BAD_REQUEST', 'The Developer plan does not offer urgent priority; it offers normal, low.');
    });
    const drafts = new Drafts();
    const el = await form(DEVELOPER_ORG, drafts);
    fill(el, { subject: 'Help', category: 'sales', body: 'Long text I typed' });
    submit(el);
    await vi.waitFor(() => expect(text($(el, '.form-error'))).toContain('does not offer urgent'));
    expect(text($(el, '.form-error'))).toContain('The ticket was not opened. Your text is kept.');
    expect($<HTMLInputElement>(el, '#subject')?.value).toBe('Help');
    expect($<HTMLTextAreaElement>(el, '#body')?.value).toBe('Long text I typed');
    expect($<HTMLButtonElement>(el, '[part="submit"]')?.disabled).toBe(false);
    expect(drafts.ticket.body).toBe('Long text I typed');
  });

  it('words a refusal the server explains in data in the page’s language', async () => {
    api.on('ticket.create', () => {
      throw new ApiError('BAD_REQUEST', 'The Developer plan does not offer urgent priority; it offers normal, low.', null, {
        kind: 'priority_unavailable',
        plan: 'developer',
        priority: 'urgent',
        offered: ['normal', 'low'],
      });
    });
    const el = await form(DEVELOPER_ORG, new Drafts(), 'fa');
    fill(el, { subject: 'کمک', category: 'sales', body: 'متن من' });
    submit(el);
    await vi.waitFor(() => expect(text($(el, '.form-error'))).toContain('پلن پایه اولویت «فوری» را ارائه نمی‌دهد'));
    expect(text($(el, '.form-error'))).toContain('معمولی و پایین');
    expect(text($(el, '.form-error'))).not.toContain('does not offer');
  });

  it('puts the server’s field issues beside their fields', async () => {
    api.on('ticket.create', () => {
      throw new ApiError('BAD_REQUEST', 'Invalid input: subject: Too big', [{ path: 'subject', message: 'Too big: expected at most 200' }]);
    });
    const el = await form();
    fill(el, { subject: 'ok', category: 'sales', body: 'b' });
    submit(el);
    await vi.waitFor(() => expect($(el, '#subject-error')?.textContent).toContain('Too big'));
  });

  it('keeps the draft when the person leaves the form and comes back', async () => {
    const drafts = new Drafts();
    const first = await form(DEVELOPER_ORG, drafts);
    fill(first, { subject: 'Half written', body: 'so far' });
    first.remove();
    const again = await form(DEVELOPER_ORG, drafts);
    expect($<HTMLInputElement>(again, '#subject')?.value).toBe('Half written');
    expect($<HTMLTextAreaElement>(again, '#body')?.value).toBe('so far');
  });

  it('proposes the category of the closed ticket it follows up', async () => {
    const el = await mount<TicketForm>('support-tickets-form', {
      ctx: makeContext(fakeToken(CUSTOMER)),
      drafts: new Drafts(),
      org: DEVELOPER_ORG,
      from: ticket({ category: 'financial', status: 'closed' }),
    });
    expect($<HTMLSelectElement>(el, '#category')?.value).toBe('financial');
  });

  it('labels every control, in Persian too', async () => {
    const el = await form(DEVELOPER_ORG, new Drafts(), 'fa');
    for (const id of ['subject', 'category', 'body']) {
      expect($(el, `label[for="${id}"]`)?.textContent).toBeTruthy();
    }
    expect(text(el)).toContain('پاسخ کمتر از ۲۴ ساعت');
    expect($(el, 'legend')?.textContent).toBe('اولویت');
  });
});
