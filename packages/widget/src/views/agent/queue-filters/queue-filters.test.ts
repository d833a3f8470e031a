import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, text, type } from '../../../testing/dom';
import { AGENT, startHarness, type Harness } from '../../../testing/harness';
import { AgentStore } from '../agent-store';
import type { QueueFiltersForm } from './queue-filters';

let h: Harness;
let store: AgentStore;
beforeEach(async () => {
  h = await startHarness();
  store = new AgentStore();
});
afterEach(() => h.close());

const filters = (lang: 'en' | 'fa' = 'en') => h.mount<QueueFiltersForm>('support-tickets-queue-filters', {}, { claims: AGENT, lang, store });

describe('queue filters', () => {
  it('says when no organisation has that name, and filters on none', async () => {
    const el = await filters();
    type($<HTMLInputElement>(el, '#org')!, 'Nobody Inc');
    await vi.waitFor(() => expect(text($(el, '#org-unknown'))).toBe('No organisation by that name; showing every organisation.'));
    expect(store.queueFilters.orgId).toBe('');
  });

  it('waits for a pause in typing before searching subjects', async () => {
    const el = await filters();
    type($<HTMLInputElement>(el, '#q')!, 'dis');
    type($<HTMLInputElement>(el, '#q')!, 'disk');
    expect(store.queueFilters.q).toBe('');
    await vi.waitFor(() => expect(store.queueFilters.q).toBe('disk'));
  });

  it('shows filters set elsewhere, and labels every field in Persian', async () => {
    const el = await filters('fa');
    store.filterQueue({ priority: 'urgent', q: 'شبکه' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, 'select[name="priority"]')!.value).toBe('urgent');
    expect($<HTMLInputElement>(el, '#q')!.value).toBe('شبکه');
    expect(text(el)).toContain('واگذارشده به من');
    expect(text(el)).toContain('همهٔ پلن‌ها');
  });
});
