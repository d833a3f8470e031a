import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, FakeApi, fakeToken } from '../../../testing/fake-api';
import type { SlaOverview } from './sla-overview';
import '../index';

const row = (planId: string, priority: string, breached: number, atRisk: number, onTrack: number) => ({
  planId,
  priority,
  breached,
  atRisk,
  onTrack,
  paused: 0,
  none: 0,
  total: breached + atRisk + onTrack,
});

let api: FakeApi;
beforeEach(() => {
  api = new FakeApi().on('sla.overview', () => ({
    generatedAt: new Date().toISOString(),
    open: [row('enterprise', 'critical', 1, 0, 2), row('enterprise', 'high', 0, 3, 4), row('developer', 'normal', 2, 0, 10)],
    compliance: {
      last7Days: { met: 46, missed: 4, total: 50, share: 0.92 },
      last30Days: { met: 0, missed: 0, total: 0, share: null },
    },
  }));
  installFetch(api);
});
afterEach(cleanup);

const overview = (lang: 'en' | 'fa' = 'en') =>
  mount<SlaOverview>('support-tickets-sla-overview', { ctx: makeContext(fakeToken(AGENT), lang), now: new Date() });

describe('SLA overview', () => {
  it('counts open tickets by state per plan and priority, and the replies in time', async () => {
    const el = await overview();
    await vi.waitFor(() => expect($$(el, 'tbody tr')).toHaveLength(3));
    const rows = $$(el, 'tbody tr').map((tr) => text(tr));
    expect(rows).toEqual(['Enterprise Critical 1 0 2 3', 'High 0 3 4 7', 'Developer Normal 2 0 10 12']);
    expect($(el, 'th[scope="rowgroup"]')?.getAttribute('rowspan')).toBe('2');
    expect($(el, 'td[data-tone="bad"]')?.textContent).toBe('1');
    const stats = $$(el, '.stat').map((s) => text(s));
    expect(text($(el, '#compliance-heading'))).toBe('Replies in time');
    expect(stats[0]).toBe('Last 7 days 92% in time 46 of 50 response cycles');
    expect(stats[1]).toContain('No response cycle ended in this period.');
  });

  it('reads in Persian with Persian digits', async () => {
    const el = await overview('fa');
    await vi.waitFor(() => expect($$(el, 'tbody tr')).toHaveLength(3));
    expect(text($$(el, '.stat')[0]!)).toContain('۹۲٪ به‌موقع');
    expect(text($$(el, 'tbody tr')[2]!)).toBe('پایه معمولی ۲ ۰ ۱۰ ۱۲');
  });
});
