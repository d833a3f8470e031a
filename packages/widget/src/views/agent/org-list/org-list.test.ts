import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, text, type } from '../../../testing/dom';
import { AGENT, CUSTOMER, openTicket, startHarness, type Harness } from '../../../testing/harness';
import { NavigateEvent } from '../../../workspace/events';
import { AgentStore } from '../agent-store';
import type { OrgList } from './org-list';

const PARSIAN = { sub: 'p-1', role: 'customer', org: 'o-p', orgName: 'Parsian Cloud', name: 'Mina' } as const;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await openTicket(await h.as(CUSTOMER));
  await (await h.as(PARSIAN)).org.get.query();
  await (await h.as(AGENT)).org.setPlan.mutate({ orgId: PARSIAN.org, plan: 'enterprise' });
});
afterEach(() => h.close());

describe('organisation list', () => {
  it('lists organisations with plan and open tickets, searches (kept in the store), and opens one', async () => {
    const store = new AgentStore();
    const el = await h.mount<OrgList>('support-tickets-org-list', {}, { claims: AGENT, store });
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(2));
    expect($$(el, '.row').map((row) => text(row))).toEqual(['Acme Developer 1 open', 'Parsian Cloud Enterprise 0 open']);
    type($<HTMLInputElement>(el, '#q')!, 'pars');
    await vi.waitFor(() => expect($$(el, '.row')).toHaveLength(1));
    expect(h.calls('org.list').at(-1)).toEqual({ q: 'pars', limit: 50 });
    expect(store.orgQuery).toBe('pars');
    expect(store.orgName(PARSIAN.org)).toBe('Parsian Cloud');
    const navigations: NavigateEvent[] = [];
    el.addEventListener(NavigateEvent.type, (e) => navigations.push(e as NavigateEvent));
    $<HTMLButtonElement>(el, '.row')!.click();
    expect(navigations[0]?.route).toEqual({ view: 'org', id: PARSIAN.org });
  });
});
