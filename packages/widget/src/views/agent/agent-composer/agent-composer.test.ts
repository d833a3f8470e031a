import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, cleanup, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { AGENT, FakeApi, detail, fakeToken } from '../../../testing/fake-api';
import { AgentDrafts, TicketUpdatedEvent } from '../navigation';
import type { AgentComposer } from './agent-composer';
import '../index';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi();
  installFetch(api);
});
afterEach(cleanup);

async function composer(drafts = new AgentDrafts(), lang: 'en' | 'fa' = 'en') {
  return mount<AgentComposer>('support-tickets-agent-composer', { ctx: makeContext(fakeToken(AGENT), lang), ticket: detail({ id: 'c1' }), drafts });
}

describe('agent composer', () => {
  it('refuses an empty message without calling the API', async () => {
    const el = await composer();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(text($(el, '#body-error'))).toBe('Write something first.');
    expect(api.calls).toHaveLength(0);
  });

  it('sends once while sending, and hands the updated ticket up', async () => {
    let release!: () => void;
    api.on('ticket.note', () => new Promise((resolve) => (release = () => resolve(detail({ id: 'c1' })))));
    const drafts = new AgentDrafts();
    drafts.modes.set('c1', 'note');
    const el = await composer(drafts);
    const updates: TicketUpdatedEvent[] = [];
    el.addEventListener(TicketUpdatedEvent.type, (e) => updates.push(e as TicketUpdatedEvent));
    type($<HTMLTextAreaElement>(el, '#body')!, 'Escalated to L2.');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await vi.waitFor(() => expect($<HTMLButtonElement>(el, '[part="submit"]')?.disabled).toBe(true));
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    release();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(api.callsTo('ticket.note')).toHaveLength(1);
    expect(drafts.notes.has('c1')).toBe(false);
  });

  it('labels a note as internal in Persian', async () => {
    const drafts = new AgentDrafts();
    drafts.modes.set('c1', 'note');
    const el = await composer(drafts, 'fa');
    expect(text($(el, '#note-warning'))).toBe('یادداشت داخلی — برای مشتری نمایش داده نمی‌شود');
  });
});
