import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, installFetch, makeContext, mount, text, type } from '../../../testing/dom';
import { AGENT, FakeApi, fakeToken, orgSummary } from '../../../testing/fake-api';
import { AgentNavigateEvent } from '../navigation';
import { OrgDirectory } from '../org-directory';
import type { OrgList } from './org-list';
import '../index';

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi().on('org.list', ({ q }) => ({
    items: [orgSummary({ id: 'o-a', name: 'Acme', openTickets: 3 }), orgSummary({ id: 'o-p', name: 'Parsian Cloud', planId: 'enterprise', openTickets: 0 })].filter(
      (o) => !q || o.name.toLowerCase().includes(String(q).toLowerCase()),
    ),
    nextCursor: null,
  }));
  installFetch(api);
});
afterEach(cleanup);

describe('organisation list', () => {
  it('lists organisations with plan and open tickets, searches, and opens one', async () => {
    const ctx = makeContext(fakeToken(AGENT));
    const el = await mount<OrgList>('support-tickets-org-list', { ctx, directory: new OrgDirectory(), query: '' });
    el.addEventListener('st-org-query', (e) => (el.query = (e as CustomEvent<string>).detail));
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(2));
    expect(text($$(el, '.row')[1]!)).toBe('Parsian Cloud Enterprise 0 open');
    type($<HTMLInputElement>(el, '#q')!, 'pars');
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(1));
    expect(api.callsTo('org.list').at(-1)?.input).toEqual({ q: 'pars', limit: 50 });
    const navigations: AgentNavigateEvent[] = [];
    el.addEventListener(AgentNavigateEvent.type, (e) => navigations.push(e as AgentNavigateEvent));
    $<HTMLButtonElement>(el, '.row')!.click();
    expect(navigations[0]?.route).toEqual({ view: 'org', id: 'o-p' });
  });
});
