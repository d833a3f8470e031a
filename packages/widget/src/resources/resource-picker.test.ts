import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text, type } from '../testing/dom';
import { CUSTOMER, startHarness, type Harness } from '../testing/harness';
import type { TicketForm } from '../views/customer/ticket-form/ticket-form';
import { WorkspaceStore } from '../workspace/store';

// The new-ticket form's resource picker (SPEC §8), mounted in the form as a customer sees it.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const RESOURCES = [
  { id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' },
  { id: 'db-main', type: 'database', name: 'main' },
  { id: 'bucket-logs', type: 'bucket', name: 'logs' },
];
const WITH_RESOURCES = { ...CUSTOMER, resources: RESOURCES };

async function form(options: { claims?: typeof CUSTOMER | typeof WITH_RESOURCES; resourceId?: string; lang?: 'en' | 'fa'; store?: WorkspaceStore } = {}) {
  const claims = options.claims ?? WITH_RESOURCES;
  const org = await (await h.as(claims)).org.get.query();
  return h.mount<TicketForm>('support-tickets-form', { org }, { ...options, claims });
}

const boxes = (el: TicketForm) => $$<HTMLInputElement>(el, 'st-resources', 'input[type="checkbox"]');
const picker = (el: TicketForm) => $(el, 'st-resources');

function fillAndSubmit(el: TicketForm) {
  type($<HTMLInputElement>(el, '#subject')!, 'DB slow');
  type($<HTMLSelectElement>(el, '#category')!, 'technical');
  type($<HTMLTextAreaElement>(el, '#body')!, 'Queries take seconds.');
  $<HTMLFormElement>(el, 'form')!.requestSubmit();
}

describe('resource picker', () => {
  it('offers the token’s resources as the server verified them, and opens the ticket about the ones picked', async () => {
    const el = await form();
    await vi.waitFor(() => expect(boxes(el)).toHaveLength(3));
    expect(text($(el, 'st-resources', 'legend'))).toBe('Resources (optional)');
    expect($$(el, 'st-resources', 'label').map((label) => text(label))).toEqual(['web-1 vm · thr1', 'main database', 'logs bucket']);
    expect(boxes(el).some((box) => box.checked)).toBe(false);
    boxes(el)[2]!.click();
    boxes(el)[0]!.click();
    await vi.waitFor(() => expect(text($(el, 'st-resources', 'legend'))).toBe('Resources (optional) · 2 chosen'));
    fillAndSubmit(el);
    await vi.waitFor(() => expect(h.calls('ticket.create')).toHaveLength(1));
    // In the token's order, whatever the order they were picked in.
    expect(h.calls('ticket.create')[0]).toMatchObject({ resourceIds: ['vm-web-1', 'bucket-logs'] });
    const created = h.emitted.find(([name]) => name === 'support-ticket-created')?.[1] as { ticket: { resources: Array<{ id: string }> } };
    expect(created.ticket.resources.map((r) => r.id)).toEqual(['vm-web-1', 'bucket-logs']);
  });

  it('starts with the host’s resource-id picked, when the token lists it', async () => {
    const el = await form({ resourceId: 'db-main' });
    await vi.waitFor(() => expect(boxes(el)).toHaveLength(3));
    expect(boxes(el).map((box) => box.checked)).toEqual([false, true, false]);
    const unknown = await form({ resourceId: 'vm-not-mine' });
    await vi.waitFor(() => expect(boxes(unknown)).toHaveLength(3));
    expect(boxes(unknown).some((box) => box.checked)).toBe(false);
  });

  it('keeps the picks with the draft when the person leaves the form and comes back', async () => {
    const store = new WorkspaceStore();
    const first = await form({ store, resourceId: 'db-main' });
    await vi.waitFor(() => expect(boxes(first)).toHaveLength(3));
    boxes(first)[1]!.click();
    boxes(first)[0]!.click();
    first.remove();
    const again = await form({ store, resourceId: 'db-main' });
    await vi.waitFor(() => expect(boxes(again)).toHaveLength(3));
    expect(boxes(again).map((box) => box.checked)).toEqual([true, false, false]);
  });

  it('narrows a long list by a search, keeping what is picked in view', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `vm-${i}`, type: 'vm', name: `node-${i}`, region: i % 2 ? 'thr1' : 'ams1' }));
    const el = await form({ claims: { ...CUSTOMER, resources: many } as typeof WITH_RESOURCES });
    await vi.waitFor(() => expect(boxes(el)).toHaveLength(12));
    boxes(el)[0]!.click();
    type($<HTMLInputElement>(el, 'st-resources', 'input[type="search"]')!, 'node-11');
    await vi.waitFor(() => expect(boxes(el).map((box) => box.value)).toEqual(['vm-0', 'vm-11']));
    type($<HTMLInputElement>(el, 'st-resources', 'input[type="search"]')!, 'nothing like it');
    await vi.waitFor(() => expect(boxes(el).map((box) => box.value)).toEqual(['vm-0']));
  });

  it('is not there when the token lists no resources, and asks nothing', async () => {
    const el = await form({ claims: CUSTOMER });
    expect(picker(el)).toBeNull();
    expect(h.calls('me.get')).toHaveLength(0);
  });

  it('reads in Persian', async () => {
    const el = await form({ lang: 'fa', resourceId: 'db-main' });
    await vi.waitFor(() => expect(boxes(el)).toHaveLength(3));
    expect(text($(el, 'st-resources', 'legend'))).toBe('منابع (اختیاری) · ۱ انتخاب شده');
  });
});
