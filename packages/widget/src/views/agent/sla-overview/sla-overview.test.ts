import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenClaims } from '@support-tickets/server';
import { $, $$, text } from '../../../testing/dom';
import { AGENT, CUSTOMER, MINUTE, openTicket, startHarness, type Harness } from '../../../testing/harness';
import type { SlaOverview } from './sla-overview';

const BANK = { sub: 'bank-1', role: 'customer', org: 'org-bank', orgName: 'Saman Bank', name: 'Nima' } as const satisfies TokenClaims;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const overview = (lang: 'en' | 'fa' = 'en') => h.mount<SlaOverview>('support-tickets-sla-overview', {}, { claims: AGENT, lang });

/** Enterprise: a high ticket at risk, a critical one answered late, two critical ones on track; Developer: one answered in time. */
async function arrange() {
  const bank = await h.as(BANK);
  const agent = await h.as(AGENT);
  await bank.org.get.query();
  await agent.org.setPlan.mutate({ orgId: BANK.org, plan: 'enterprise' });
  await openTicket(bank, { priority: 'high' }); // 4 h
  const quick = await openTicket(await h.as(CUSTOMER));
  await agent.ticket.reply.mutate({ id: quick.id, body: 'Done.' });
  h.server.clock.advance(150 * MINUTE);
  const late = await openTicket(bank, { priority: 'critical' }); // 30 min
  h.server.clock.advance(35 * MINUTE);
  await agent.ticket.reply.mutate({ id: late.id, body: 'Sorry for the wait.' });
  await openTicket(bank, { priority: 'critical' });
  await openTicket(bank, { priority: 'critical' });
  h.server.clock.advance(5 * MINUTE);
}

describe('SLA overview', () => {
  it('counts open tickets by state per plan and priority, and the replies in time, coloured by the server’s level', async () => {
    await arrange();
    const el = await overview();
    await vi.waitFor(() => expect($$(el, 'tbody tr').length).toBeGreaterThanOrEqual(2));
    // Open tickets of every state count in the total: the late one now waits on its customer.
    const rows = $$(el, 'tbody tr[data-plan="enterprise"]').map((tr) => text(tr));
    expect(rows.slice(0, 2)).toEqual(['Enterprise Critical 0 0 2 3', 'Urgent 0 0 0 0']);
    expect(text($(el, 'tbody tr[data-plan="enterprise"][data-priority="high"]'))).toBe('High 0 1 0 1');
    expect($(el, 'th[scope="rowgroup"]')?.getAttribute('rowspan')).toBe('5'); // one header for the plan's five priorities
    expect($(el, 'td[data-tone="warn"]')?.textContent).toBe('1');
    expect(text($(el, '#compliance-heading'))).toBe('Replies in time');
    const stat = $$(el, '.stat')[0]!;
    expect(text(stat)).toBe('Last 7 days 50% in time 1 of 2 response cycles');
    expect(stat.dataset['tone']).toBe('bad');
  });

  it('says when no response cycle ended yet, in Persian with Persian digits', async () => {
    await openTicket(await h.as(CUSTOMER));
    const el = await overview('fa');
    await vi.waitFor(() => expect($(el, 'tbody tr[data-plan="developer"][data-priority="normal"]')).not.toBeNull());
    expect(text($(el, 'tbody tr[data-plan="developer"][data-priority="normal"]'))).toBe('پایه معمولی ۰ ۰ ۱ ۱');
    expect(text($$(el, '.stat')[0]!)).toContain('در این بازه هیچ دور پاسخی به پایان نرسیده است.');
    expect($$(el, '.stat')[0]!.dataset['tone']).toBe('muted');
  });
});
