import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, FakeApi, fakeToken, ticket } from '../../../testing/fake-api';
import type { AgentView } from './agent-view';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi().on('ticket.list', () => ({
    items: [ticket({ orgId: 'org-9', subject: 'Breached one', sla: 'breached', dueAt: new Date(Date.now() - 600_000).toISOString() })],
    nextCursor: null,
  }));
  installFetch(api);
});
afterEach(cleanup);

describe('agent view (placeholder)', () => {
  it('lists the queue of every organisation, most urgent first, read-only', async () => {
    const el = await mount<AgentView>('support-tickets-agent', { ctx: makeContext(fakeToken(AGENT)), now: new Date() });
    await vi.waitFor(() => expect(text(el)).toContain('Breached one'));
    expect(text(el)).toContain('Support queue');
    expect(text(el)).toContain('Org org-9');
    expect(text(el)).toContain('Overdue by 10 min');
    expect(api.callsTo('ticket.list')[0]?.input).toMatchObject({ sort: 'due' });
    expect($$(el, 'support-tickets-list', 'button.row')).toHaveLength(0);
    expect($(el, 'support-tickets-list', '[part="new-ticket"]')).toBeNull();
  });
});
