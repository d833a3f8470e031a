import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, text, type } from '../../../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { TicketUpdatedEvent } from '../../../workspace/events';
import { AgentStore } from '../agent-store';
import type { AgentComposer } from './agent-composer';

let h: Harness;
let id: string;
beforeEach(async () => {
  h = await startHarness();
  id = (await openTicket(await h.as(CUSTOMER))).id;
});
afterEach(() => h.close());

async function composer(store = new AgentStore(), lang: 'en' | 'fa' = 'en') {
  const ticket = await (await h.as(AGENT)).ticket.get.query({ id });
  return h.mount<AgentComposer>('support-tickets-agent-composer', { ticket }, { claims: AGENT, store, lang });
}

describe('agent composer', () => {
  it('refuses an empty message without calling the API', async () => {
    const el = await composer();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(text($(el, '#body-error'))).toBe('Write something first.');
    expect(h.calls('ticket.reply')).toHaveLength(0);
  });

  it('sends once while sending, and hands the updated ticket up', async () => {
    const store = new AgentStore();
    store.setMode(id, 'note');
    const el = await composer(store);
    const updates: TicketUpdatedEvent[] = [];
    el.addEventListener(TicketUpdatedEvent.type, (e) => updates.push(e as TicketUpdatedEvent));
    type($<HTMLTextAreaElement>(el, '#body')!, 'Checked the logs.');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part="submit"]')?.disabled).toBe(true);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    // With the newest timeline event on screen: the collision guard.
    expect(h.calls('ticket.note')).toEqual([{ id, body: 'Checked the logs.', seenEventId: 1 }]);
    expect(updates[0]!.ticket.messages.at(-1)).toMatchObject({ visibility: 'internal', body: 'Checked the logs.' });
    expect(store.draft(id, 'note')).toBe('');
    expect(h.emitted).toEqual([]); // a note is not a reply
  });

  it('labels a note as internal in Persian', async () => {
    const store = new AgentStore();
    store.setMode(id, 'note');
    const el = await composer(store, 'fa');
    expect(text($(el, '#body-warning'))).toBe('یادداشت داخلی — برای مشتری نمایش داده نمی‌شود');
  });
});
